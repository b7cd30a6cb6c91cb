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
/// and the <see cref="RequiredScopeProperty"/>; its span is the member name, as CS1061's.
/// </remarks>
internal static class ScopeDiagnosticContract
{
    public const string ScopeMissingForOperationId = "FG0001";
    public const string TokenScopeDoesNotCoverClientId = "FG0002";
    public const string OperationOmittedByClientScopeId = "FG0003";

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
