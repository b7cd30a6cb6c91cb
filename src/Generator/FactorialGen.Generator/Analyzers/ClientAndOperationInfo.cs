using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Analyzers;

/// <summary>An operation's needs, read from <c>[FactorialOperation(RequiredScope = ..., RequiredResource = ...)]</c>.</summary>
internal sealed class OperationInfo
{
    public OperationInfo(int requiredScope, long requiredResource)
    {
        RequiredScope = requiredScope;
        RequiredResource = requiredResource;
    }

    public int RequiredScope { get; }

    /// <summary>The resource scope the operation needs (a <c>FactorialResourceScopes</c> mask), or 0 when none is known: then nothing is checked.</summary>
    public long RequiredResource { get; }
}

/// <summary>
/// The client a type belongs to: the type with <c>[FactorialClient]</c>, its declared scope and resource scopes, the
/// project's selection of its document (the FactorialSpec item's <c>Resources</c>, for a client declared in this
/// compilation), and whether the type is that client itself.
/// </summary>
internal sealed class ClientInfo
{
    public ClientInfo(INamedTypeSymbol client, int declaredScope, long declaredResources, bool declaredOmitUnknown, DocumentSelection? selection, bool isRoot)
    {
        Client = client;
        DeclaredScope = declaredScope;
        DeclaredResources = declaredResources;
        DeclaredOmitUnknown = declaredOmitUnknown;
        Selection = selection is { IsLimited: true } ? selection : null;
        Resources = (long)SpecSelection.EffectiveResources((ResourceScope)declaredResources, Selection);
        IsRoot = isRoot;
    }

    /// <summary>The client's <c>Resources = ...</c> (a <c>FactorialResourceScopes</c> mask); 0 when it keeps the whole document.</summary>
    public long DeclaredResources { get; }

    /// <summary>
    /// The resource scopes the client has, as the generator gives them (<see cref="SpecSelection.EffectiveResources"/>):
    /// its own within its document's selection, the selection's when it has none; 0 for the whole document.
    /// </summary>
    public long Resources { get; }

    /// <summary>The client's own <c>OmitUnknownOperations = true</c>.</summary>
    public bool DeclaredOmitUnknown { get; }

    /// <summary>The FactorialSpec item's selection of the client's document, or <see langword="null"/> when no item limits it.</summary>
    public DocumentSelection? Selection { get; }

    /// <summary>Whether the item's selection, not the client's own <c>Resources</c>, decides some of <see cref="Resources"/>.</summary>
    public bool IsNarrowedBySelection => Selection is not null && Resources != DeclaredResources;

    public INamedTypeSymbol Client { get; }

    public int DeclaredScope { get; }

    public bool IsRoot { get; }

    /// <summary>
    /// <see cref="Resources"/> as <c>FactorialResourceScopes.A | FactorialResourceScopes.B</c>, followed by where the
    /// item's selection decided them (<c> (from the FactorialSpec item of 'x.json')</c>).
    /// </summary>
    public string DescribeResources() =>
        ResourceSet.Describe(Resources, " | ", "FactorialResourceScopes.") +
        (IsNarrowedBySelection ? $" (from the FactorialSpec item of '{Selection!.FileName}')" : string.Empty);
}
