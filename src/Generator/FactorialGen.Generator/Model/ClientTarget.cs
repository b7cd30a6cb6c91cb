using System.Linq;

namespace FactorialGen.Generator.Model;

/// <summary>The declaration of a client class, without locations (so moving it does not re-emit it).</summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="ContainingTypes">Declarations of containing types, outermost first (e.g. <c>partial class Outer</c>).</param>
/// <param name="Scope">The read/write scope of the attribute.</param>
/// <param name="Resources">The attribute's <c>Resources</c>: the resource scopes the client is limited to, or <see cref="ResourceScope.None"/> for the whole document.</param>
/// <param name="OmitUnknownOperations">The attribute's <c>OmitUnknownOperations</c>: a client limited by <paramref name="Resources"/> leaves out the operations no resource scope covers.</param>
internal sealed record ClientDeclaration(string Namespace, string Name, EquatableArray<string> ContainingTypes, AccessScope Scope, ResourceScope Resources = ResourceScope.None, bool OmitUnknownOperations = false)
{
    public string FullName =>
        string.Join(".", new[] { Namespace }.Where(n => n.Length > 0).Concat(ContainingTypes.AsImmutableArray().Select(d => d.Substring(d.LastIndexOf(' ') + 1))).Concat(new[] { Name }));

    public string HintName => FullName.Replace("@", string.Empty).Replace('<', '[').Replace('>', ']');

    /// <summary>The class name as C# code (keywords escaped with <c>@</c>).</summary>
    public string Identifier => Parsing.Identifier.Escape(Name);
}

/// <summary>A class marked <c>[FactorialClient]</c>, as plain data.</summary>
/// <param name="SpecFileName">The <c>Spec</c> named in the attribute, or <c>null</c> for the built-in document.</param>
/// <param name="IsValid">Whether code can be generated (partial, not generic, valid scope).</param>
/// <param name="IsPublic">Whether the class is public (its models then are too).</param>
/// <param name="AttributeLocation">Where the attribute is, for diagnostics about the document it names.</param>
/// <param name="UserMembers">Members the user declared, with where each is (for FG1010).</param>
internal sealed record ClientTarget(
    ClientDeclaration Declaration,
    string? SpecFileName,
    bool IsValid,
    bool IsPublic,
    DiagnosticInfo AttributeLocation,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<UserMember> UserMembers);

/// <summary>A member the user declared on a client class: its name and location.</summary>
internal sealed record UserMember(string Name, DiagnosticInfo Location);

/// <summary>Everything needed to emit one client: its declaration, and the operations its scope allows.</summary>
internal sealed record ClientSpec(
    ClientDeclaration Declaration,
    string ModelNamespace,
    string? ApiVersion,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<OperationSpec> Omitted,
    bool HasWebhooks = false);

/// <summary>The models of one document, to be emitted once into their namespace.</summary>
internal sealed record ModelSet(ApiDocumentSpec Document, string Namespace, bool IsPublic);
