using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic FactorialGen reports. FG0xxx: scope rules (analyzer). FG1xxx: generator input.
/// Ids are never reused; each has a page under docs/diagnostics.
/// </summary>
internal static class Descriptors
{
    private const string ScopeCategory = "FactorialGen.Scope";
    private const string GeneratorCategory = "FactorialGen.Generator";

    public static readonly DiagnosticDescriptor FG0001_ScopeMissingForOperation = Create(
        "FG0001", "Operation needs a scope the token lacks",
        "'{0}' needs the {1} scope, but the client's token is known to have only {2} (from {3})",
        ScopeCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor FG0002_TokenScopeDoesNotCoverClient = Create(
        "FG0002", "Token scope does not cover the client's declared scope",
        "'{0}' is declared with FactorialScope.{1}, but this token is known to have only {2} (from {3})",
        ScopeCategory, DiagnosticSeverity.Warning);

    // Reported next to CS1061 (the build already fails there), so it is an error too: it tells a command-line user why.
    // {1} is what the member needs (FactorialScope.Write, FactorialResourceScopes.TimeOff or both), {2} how to declare the client.
    public static readonly DiagnosticDescriptor FG0003_OperationOmittedByClientScope = Create(
        "FG0003", "Operation left out by the client's declared scope",
        "'{0}' needs {1}: {2}",
        ScopeCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FG0004_ResourceScopeMissingForOperation = Create(
        "FG0004", "Operation needs a resource scope the token lacks",
        "'{0}' needs the resource scope {1}, but the client's token is known to have only {2} (from {3})",
        ScopeCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor FG0005_TokenResourcesDoNotCoverClient = Create(
        "FG0005", "Token resource scopes do not cover the client's declared resources",
        "'{0}' is declared with Resources = {1}, but this token is known to lack {2} (it has only {3}, from {4})",
        ScopeCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor FG1001_ClientNotPartial = Create(
        "FG1001", "Factorial client class must be partial",
        "'{0}' has [FactorialClient] but is not partial; add the partial modifier so the generator can add its members",
        GeneratorCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FG1002_ContainingTypeNotPartial = Create(
        "FG1002", "Factorial client is nested in a non-partial type",
        "'{0}' is nested in '{1}', which is not partial; make every containing type partial",
        GeneratorCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FG1003_ClientIsGeneric = Create(
        "FG1003", "Factorial client class cannot be generic",
        "'{0}' has type parameters; a Factorial client must be a non-generic class",
        GeneratorCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FG1004_SpecNotFound = Create(
        "FG1004", "OpenAPI document not found",
        "No OpenAPI document with the file name '{0}' is in the project (documents found: {1}); {2}",
        GeneratorCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FG1005_NotOpenApi3 = Create(
        "FG1005", "Document is not OpenAPI 3.x",
        "'{0}' is not an OpenAPI 3.0 or 3.1 document ({1}), so nothing is generated from it; convert it to OpenAPI 3 (Swagger 2 documents convert with common tools), or remove it from the FactorialSpec items",
        GeneratorCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FG1006_DocumentUnreadable = Create(
        "FG1006", "OpenAPI document cannot be read",
        "'{0}' cannot be read, so nothing is generated from it: {1}",
        GeneratorCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FG1007_UnsupportedConstruct = Create(
        "FG1007", "Unsupported OpenAPI construct skipped",
        "{0} in '{1}' was skipped, and the rest of the document was generated: {2}",
        GeneratorCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor FG1008_InvalidScope = Create(
        "FG1008", "Invalid client scope",
        "'{0}' is declared with scope value {1}, which is not a FactorialScope, so no client is generated; use FactorialScope.Read, Write or ReadWrite",
        GeneratorCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FG1009_UnsupportedClientKind = Create(
        "FG1009", "Unsupported kind of Factorial client",
        "'{0}' is {1}, so no client is generated for it; declare it as a non-static, non-abstract class (not a record) visible outside its file",
        GeneratorCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FG1010_MemberNameTaken = Create(
        "FG1010", "Client member has a name the generator needs",
        "'{0}' declares '{1}', which the generated client needs for {2}, so no client is generated; rename the member",
        GeneratorCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FG1011_ClientNameTaken = Create(
        "FG1011", "Client class has a name the generated client needs for a member",
        "'{0}' has the same name as {1}, and a member cannot have the name of its class, so no client is generated; rename the class",
        GeneratorCategory, DiagnosticSeverity.Error);

    // A warning, not an error: the old version may still answer. Judged against the newest version this package knows,
    // never the clock, so a build gives the same diagnostics on every machine and every day (docs/diagnostics/FG1012.md).
    public static readonly DiagnosticDescriptor FG1012_ApiVersionPastSupport = Create(
        "FG1012", "API version is past Factorial's support window",
        "'{0}' calls Factorial API version {1} (from {2}), which is more than a year older than {3}, the newest version this package knows, so it is past Factorial's support window and may stop answering; generate the client from a {3} document (or leave out Spec to use the built-in one), or suppress FG1012 if you must stay on {1} for now",
        GeneratorCategory, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor FG1014_InvalidResources = Create(
        "FG1014", "Invalid client resource scopes",
        "'{0}' is declared with Resources value {1}, which holds bits that are not FactorialResourceScopes members; combine named FactorialResourceScopes values with |",
        GeneratorCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FG1015_OmitUnknownWithoutResources = Create(
        "FG1015", "OmitUnknownOperations has no effect without Resources",
        "'{0}' is declared with OmitUnknownOperations = true but without Resources, so it keeps the whole document, unknown operations included; limit the client with Resources = ... or remove OmitUnknownOperations",
        GeneratorCategory, DiagnosticSeverity.Warning);

    // The models assembly holds only the item's selection: a client reaching beyond it would miss models, so it is an error.
    public static readonly DiagnosticDescriptor FG1016_ResourceOutsideSpecSelection = Create(
        "FG1016", "Client resource scope outside the FactorialSpec item's Resources",
        "'{0}' is declared with the resource scope {1}, which the FactorialSpec item of '{2}' does not select (its Resources are {3}), so the client gets none of its operations; add {1} to the item's Resources in the project file, or remove it from the client's Resources",
        GeneratorCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FG1017_UnknownSpecResource = Create(
        "FG1017", "Unknown resource scope in a FactorialSpec item's Resources",
        "The FactorialSpec item of '{0}' names '{1}' in its Resources, which is not a FactorialResourceScopes member, so it selects nothing; use member names such as Employees or TimeTracking, separated by ';' or ','",
        GeneratorCategory, DiagnosticSeverity.Error);

    // Read as false, a typo would quietly keep operations the project meant to leave out: no client is generated from a guess.
    public static readonly DiagnosticDescriptor FG1018_InvalidSpecOmitUnknown = Create(
        "FG1018", "FactorialSpec item's OmitUnknownOperations is neither true nor false",
        "The FactorialSpec item of '{0}' sets OmitUnknownOperations to '{1}', which is neither true nor false, so it is not guessed: none of the document's clients that depend on it (those without OmitUnknownOperations = true of their own, when the item has Resources) is generated; write OmitUnknownOperations=\"true\" or OmitUnknownOperations=\"false\" on the item (leaving it out means false)",
        GeneratorCategory, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true,
            helpLinkUri: $"https://github.com/factorialgen/FactorialGen/blob/main/docs/diagnostics/{id}.md");
}
