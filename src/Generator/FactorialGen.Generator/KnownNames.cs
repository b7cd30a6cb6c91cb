namespace FactorialGen.Generator;

/// <summary>Metadata names of the runtime types that the generator and analyzer look up.</summary>
internal static class KnownNames
{
    public const string FactorialClientAttribute = "FactorialGen.FactorialClientAttribute";
    public const string FactorialOperationAttribute = "FactorialGen.FactorialOperationAttribute";
    public const string FactorialTokenScopeAttribute = "FactorialGen.FactorialTokenScopeAttribute";
    public const string FactorialScope = "FactorialGen.FactorialScope";
    public const string FactorialToken = "FactorialGen.FactorialToken";
    public const string FactorialOAuth = "FactorialGen.FactorialOAuth";
    public const string FactorialAuthorizationRequest = "FactorialGen.FactorialAuthorizationRequest";
    public const string FactorialTokenSource = "FactorialGen.FactorialTokenSource";
    public const string FactorialConnection = "FactorialGen.FactorialConnection";
    public const string FactorialOmittedOperationAttribute = "FactorialGen.FactorialOmittedOperationAttribute";
    public const string FactorialApiKey = "FactorialGen.FactorialApiKey";
    public const string FactorialConsoleAuthorization = "FactorialGen.FactorialConsoleAuthorization";
    public const string ITokenStore = "FactorialGen.ITokenStore";
    public const string FactorialClientOptions = "FactorialGen.FactorialClientOptions";
    public const string HttpClient = "System.Net.Http.HttpClient";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";

    /// <summary>MSBuild metadata that marks an AdditionalFile as an OpenAPI document (set by the package's targets).</summary>
    public const string FactorialSpecMetadata = "build_metadata.AdditionalFiles.FactorialSpec";
}
