using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// Scopes declared on another symbol that holds for this one: the interface or base member a member implements or
/// overrides, and a record's positional parameter and the property made from it.
/// </summary>
internal sealed partial class KnownSymbols
{
    /// <summary>The type whose primary constructor declares <paramref name="parameter"/>, or <see langword="null"/>.</summary>
    internal static INamedTypeSymbol? PrimaryConstructorType(IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor &&
        parameter.DeclaringSyntaxReferences.Length == 1 &&
        parameter.DeclaringSyntaxReferences[0].GetSyntax() is ParameterSyntax { Parent: ParameterListSyntax { Parent: TypeDeclarationSyntax } }
            ? constructor.ContainingType
            : null;

    /// <summary>The scope declared on the interface member or base member that <paramref name="symbol"/> implements or overrides.</summary>
    private ScopeValue? InheritedScope(ISymbol symbol)
    {
        switch (symbol)
        {
            case IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter when IsCarrier(parameter.Type):
                return InheritedFrom(method, m => m.Parameters.Length > parameter.Ordinal ? GetDeclaredScope(m.Parameters[parameter.Ordinal]) : null);
            case IPropertySymbol property when IsCarrier(property.Type):
                if (property.OverriddenProperty is { } overridden && GetDeclaredScope(overridden) is { } fromBase)
                {
                    return fromBase;
                }

                foreach (var implemented in Implemented(property))
                {
                    if (GetDeclaredScope(implemented) is { } fromInterface)
                    {
                        return fromInterface;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private ScopeValue? InheritedFrom(IMethodSymbol method, Func<IMethodSymbol, ScopeValue?> scopeOf)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation or MethodKind.Constructor))
        {
            return null;
        }

        if (method.OverriddenMethod is { } overridden && scopeOf(overridden) is { } fromBase)
        {
            return fromBase;
        }

        foreach (var implemented in Implemented(method))
        {
            if (scopeOf(implemented) is { } fromInterface)
            {
                return fromInterface;
            }
        }

        return null;
    }

    /// <summary>The interface members <paramref name="member"/> implements, explicitly or implicitly.</summary>
    private static IEnumerable<T> Implemented<T>(T member)
        where T : class, ISymbol
    {
        var explicitOnes = member switch
        {
            IMethodSymbol method => method.ExplicitInterfaceImplementations.Cast<T>(),
            IPropertySymbol property => property.ExplicitInterfaceImplementations.Cast<T>(),
            _ => Enumerable.Empty<T>(),
        };
        foreach (var found in explicitOnes)
        {
            yield return found;
        }

        if (member.ContainingType is not { } type || member.IsStatic)
        {
            yield break;
        }

        foreach (var candidate in type.AllInterfaces.SelectMany(i => i.GetMembers(member.Name)).OfType<T>())
        {
            if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member))
            {
                yield return candidate;
            }
        }
    }

    /// <summary>
    /// A record's positional parameter and the property made from it share a declaration: a scope declared on one
    /// (<c>[FactorialTokenScope(...)]</c> targets the parameter, <c>[property: FactorialTokenScope(...)]</c> the property)
    /// holds for the other.
    /// </summary>
    private ScopeValue? PositionalCounterpartScope(ISymbol symbol)
    {
        switch (symbol)
        {
            case IPropertySymbol { DeclaringSyntaxReferences: [var reference] } property when reference.GetSyntax() is ParameterSyntax syntax:
                foreach (var constructor in property.ContainingType.InstanceConstructors)
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (parameter.DeclaringSyntaxReferences is [var declared] && declared.GetSyntax() == syntax)
                        {
                            return FromTokenScopeAttribute(parameter.GetAttributes(), Describe(parameter));
                        }
                    }
                }

                return null;
            case IParameterSymbol { DeclaringSyntaxReferences: [var reference] } parameter when reference.GetSyntax() is ParameterSyntax syntax &&
                                                                                               PrimaryConstructorType(parameter) is { IsRecord: true } record:
                foreach (var member in record.GetMembers(parameter.Name))
                {
                    if (member is IPropertySymbol { DeclaringSyntaxReferences: [var declared] } property && declared.GetSyntax() == syntax)
                    {
                        return FromTokenScopeAttribute(property.GetAttributes(), Describe(property));
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
