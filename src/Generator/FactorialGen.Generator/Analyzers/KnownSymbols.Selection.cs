using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Analyzers;

/// <summary>The project's selection of a client's document (its FactorialSpec item's <c>Resources</c>), as the generator applies it.</summary>
internal sealed partial class KnownSymbols
{
    /// <summary>
    /// The project's selection of the client's document, mapped as the generator maps it (the attribute's <c>Spec</c>
    /// file name; none for the built-in document). Only for a client declared in this compilation: one from a
    /// referenced assembly was generated with its own project's items.
    /// </summary>
    private DocumentSelection? SelectionOf(INamedTypeSymbol client, AttributeData attribute)
    {
        if (Selections.IsEmpty || !SymbolEqualityComparer.Default.Equals(client.ContainingAssembly, Compilation.Assembly))
        {
            return null;
        }

        string? spec = null;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Spec")
            {
                spec = named.Value.Value as string;
            }
        }

        return SpecSelection.Find(spec, Selections);
    }

    private static bool NamedFlag(AttributeData attribute, string name)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == name && named.Value.Value is bool value)
            {
                return value;
            }
        }

        return false;
    }
}
