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
/// The client a type belongs to: the type with <c>[FactorialClient]</c>, its declared scope and resource scopes, and
/// whether the type is that client itself.
/// </summary>
internal sealed class ClientInfo
{
    public ClientInfo(INamedTypeSymbol client, int declaredScope, long declaredResources, bool isRoot)
    {
        Client = client;
        DeclaredScope = declaredScope;
        DeclaredResources = declaredResources;
        IsRoot = isRoot;
    }

    /// <summary>The client's <c>Resources = ...</c> (a <c>FactorialResourceScopes</c> mask); 0 when it keeps the whole document.</summary>
    public long DeclaredResources { get; }

    public INamedTypeSymbol Client { get; }

    public int DeclaredScope { get; }

    public bool IsRoot { get; }
}
