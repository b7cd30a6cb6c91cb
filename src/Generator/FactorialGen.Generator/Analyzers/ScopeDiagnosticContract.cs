namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// What the scope analyzer promises its code fixes: diagnostic ids and the keys of <c>Diagnostic.Properties</c>.
/// The code-fix project links this file, so both sides compile against the same constants.
/// </summary>
/// <remarks>
/// FG0001 and FG0002 carry, as additional locations, the constant scope expressions the token's scope came from
/// (<c>Authorize(FactorialScope.Read)</c>, <c>FromAccessToken(x, FactorialScope.Read)</c>,
/// <c>[FactorialTokenScope(FactorialScope.Read)]</c>, a readonly scope field's initializer), in source order, when
/// they are in source. FG0003 carries the <c>FactorialScope</c> argument of the client's <c>[FactorialClient(...)]</c>
/// and the <see cref="RequiredScopeProperty"/>; its span is the member name, as CS1061's. A member left out for its resource
/// scope (<c>[FactorialOmittedOperation(..., RequiredResource = ...)]</c>) also carries <see cref="RequiredResourcesProperty"/>.
/// FG0004 and FG0005 carry, as additional locations, the constant <c>FactorialResourceScopes</c> expressions the token's
/// resource scopes came from (<c>Authorize(scope, FactorialResourceScopes.Employees)</c>, <c>FromAccessToken(x, scope, ...)</c>,
/// <c>[FactorialTokenScope(..., Resources = ...)]</c>), in source order, when they are in source.
/// </remarks>
internal static class ScopeDiagnosticContract
{
    public const string ScopeMissingForOperationId = "FG0001";
    public const string TokenScopeDoesNotCoverClientId = "FG0002";
    public const string OperationOmittedByClientScopeId = "FG0003";
    public const string ResourceScopeMissingForOperationId = "FG0004";
    public const string TokenResourcesDoNotCoverClientId = "FG0005";

    /// <summary>The metadata name of the runtime's <c>FactorialResourceScopes</c>.</summary>
    public const string ResourceScopesTypeName = "FactorialGen.FactorialResourceScopes";

    /// <summary>
    /// FG0004, FG0005 and a resource-omitted FG0003: the resource scopes to add, as <c>FactorialResourceScopes</c> member
    /// names joined by <c>,</c> (e.g. <c>TimeTracking</c> or <c>TimeOff,CompanyLocations</c>).
    /// </summary>
    public const string RequiredResourcesProperty = "RequiredResources";

    /// <summary>FG0004, FG0005: the resource scopes the token may have, as member names joined by <c>,</c>.</summary>
    public const string KnownResourcesProperty = "KnownResources";

    /// <summary>The scope the operation (FG0001) or the client's declaration (FG0002) needs: <c>Read</c>, <c>Write</c> or <c>ReadWrite</c>.</summary>
    public const string RequiredScopeProperty = "RequiredScope";

    /// <summary>The scopes the token may have, joined by <c>,</c> (e.g. <c>Read</c> or <c>Read,Write</c>).</summary>
    public const string KnownScopesProperty = "KnownScopes";

    /// <summary>The scope names as written in <c>FactorialGen.FactorialScope</c>, indexed by value (1..3).</summary>
    public static string? ScopeName(int scope) => scope switch
    {
        1 => "Read",
        2 => "Write",
        3 => "ReadWrite",
        _ => null,
    };

    /// <summary>The value of a scope name, or 0 when the name is unknown.</summary>
    public static int ScopeValue(string? name) => name switch
    {
        "Read" => 1,
        "Write" => 2,
        "ReadWrite" => 3,
        _ => 0,
    };
}
