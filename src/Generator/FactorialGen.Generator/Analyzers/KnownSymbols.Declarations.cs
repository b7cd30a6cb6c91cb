using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// Where a scope is declared beyond the symbol's own <c>[FactorialTokenScope]</c>: an interface or base member the
/// symbol implements or overrides, a record's positional parameter and its property, a primary-constructor parameter
/// that nothing assigns, and readonly fields whose every write is visible (initializer and constructor assignments).
/// </summary>
internal sealed partial class KnownSymbols
{
    /// <summary>Field values nest (a field initialized from another); deeper chains stay unknown, and so do cycles.</summary>
    private const int MaxFieldDepth = 4;

    private static readonly ThreadLocal<int> FieldDepth = new(() => 0);

    private readonly ConcurrentDictionary<IFieldSymbol, ScopeValue?> _fieldValues = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IFieldSymbol, Origin?> _fieldScopeConstants = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IParameterSymbol, ScopeValue?> _primaryParameters = new(SymbolEqualityComparer.Default);

    /// <summary>Whether a value of this type carries a token scope the analysis follows.</summary>
    public bool IsCarrier(ITypeSymbol? type) =>
        Is(type, Token) || Is(type, Connection) || Is(type, TokenSource) || IsTokenTask(type) ||
        (type is INamedTypeSymbol named && GetClient(named) is not null);

    /// <summary>An array or generic collection whose elements are tokens, connections, token sources or clients.</summary>
    public bool IsElementCollection(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => IsCarrier(array.ElementType),
        INamedTypeSymbol { IsGenericType: true, TypeArguments: [var element] } named => IsCarrier(element) && IsEnumerable(named),
        _ => false,
    };

    private static bool IsEnumerable(INamedTypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
        type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

    /// <summary>
    /// The scope of a primary-constructor parameter read outside the constructor (in a method, property or
    /// initializer): its declared scope, when no code in the type assigns the parameter.
    /// </summary>
    public ScopeValue? GetPrimaryConstructorParameterScope(IParameterSymbol parameter) =>
        _primaryParameters.GetOrAdd(parameter.OriginalDefinition, p =>
        {
            if (PrimaryConstructorType(p) is not { } type || GetDeclaredScope(p) is not { } declared)
            {
                return null;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var writes = Writes(reference.GetSyntax(), p.Name);
                if (writes.Other || writes.Values.Count > 0)
                {
                    return null;
                }
            }

            return declared;
        });

    /// <summary>
    /// The scope of a readonly field of a token, connection, token source or client type: the join of every value
    /// written to it (initializer and constructor assignments), or unknown when any write is not a plain assignment.
    /// </summary>
    public ScopeValue? GetFieldValue(IFieldSymbol field, Func<IOperation, ScopeValue?> evaluate)
    {
        if (!field.IsReadOnly || field.IsConst || !IsCarrier(field.Type))
        {
            return null;
        }

        if (_fieldValues.TryGetValue(field.OriginalDefinition, out var cached))
        {
            return cached;
        }

        if (FieldDepth.Value >= MaxFieldDepth)
        {
            return null;
        }

        FieldDepth.Value++;
        try
        {
            var value = ComputeFieldValue(field.OriginalDefinition, evaluate);
            return _fieldValues.GetOrAdd(field.OriginalDefinition, value);
        }
        finally
        {
            FieldDepth.Value--;
        }
    }

    /// <summary>
    /// A readonly <c>FactorialScope</c> or <c>FactorialResourceScopes</c> field initialized with a constant and never
    /// assigned elsewhere: that constant (a resource-scope origin for the latter).
    /// </summary>
    public Origin? GetFieldScopeConstant(IFieldSymbol field, string subject)
    {
        if (!field.IsReadOnly || !(IsScope(field.Type) || IsResources(field.Type)))
        {
            return null;
        }

        var found = _fieldScopeConstants.GetOrAdd(field.OriginalDefinition, f =>
        {
            if (FieldInitializer(f) is not { } initializer || HasWritesOutsideInitializer(f))
            {
                return null;
            }

            var constant = SemanticModelFor(initializer.SyntaxTree).GetConstantValue(initializer);
            return constant switch
            {
                { HasValue: true, Value: int scope } => new Origin(OriginKind.ConstantArgument, scope, initializer.GetLocation(), subject),
                { HasValue: true, Value: long resources } => Origin.ForResources(OriginKind.ConstantArgument, resources, initializer.GetLocation(), subject),
                _ => null,
            };
        });
        return found switch
        {
            null => null,
            { Resources: not 0 } => Origin.ForResources(found.Kind, found.Resources, found.Location, subject),
            _ => new Origin(found.Kind, found.Scope, found.Location, subject),
        };
    }

    private ScopeValue? ComputeFieldValue(IFieldSymbol field, Func<IOperation, ScopeValue?> evaluate)
    {
        var values = new List<ExpressionSyntax>();
        if (FieldInitializer(field) is { } initializer)
        {
            values.Add(initializer);
        }

        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            var writes = Writes(reference.GetSyntax(), field.Name);
            if (writes.Other)
            {
                return null;
            }

            values.AddRange(writes.Values);
        }

        if (values.Count == 0)
        {
            return null;
        }

        ScopeValue? joined = null;
        for (var i = 0; i < values.Count; i++)
        {
            var operation = SemanticModelFor(values[i].SyntaxTree).GetOperation(values[i]);
            var value = operation is null ? null : evaluate(operation);
            if (value is null)
            {
                return null;
            }

            joined = i == 0 ? value : ScopeValue.Join(joined, value);
        }

        return joined;
    }

    private bool HasWritesOutsideInitializer(IFieldSymbol field)
    {
        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            var writes = Writes(reference.GetSyntax(), field.Name);
            if (writes.Other || writes.Values.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static ExpressionSyntax? FieldInitializer(IFieldSymbol field) =>
        field.DeclaringSyntaxReferences.Length == 1 && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var value }
            ? value
            : null;

    /// <summary>
    /// Whether <paramref name="name"/> is written inside <paramref name="scope"/> (by name, so a same-named variable
    /// elsewhere only makes the answer more cautious): the right-hand sides of plain <c>=</c> assignments, and whether
    /// any other write (compound assignment, <c>ref</c>/<c>out</c>, increment, deconstruction) exists.
    /// </summary>
    internal static (List<ExpressionSyntax> Values, bool Other) Writes(SyntaxNode scope, string name)
    {
        var values = new List<ExpressionSyntax>();
        var other = false;
        foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != name)
            {
                continue;
            }

            ExpressionSyntax node = identifier;
            if (node.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
            {
                node = access;
            }

            switch (node.Parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == node:
                    if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && !assignment.Right.IsKind(SyntaxKind.RefExpression))
                    {
                        values.Add(assignment.Right);
                    }
                    else
                    {
                        other = true;
                    }

                    break;
                case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or RefExpressionSyntax:
                    other = true;
                    break;
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) || argument.Parent is TupleExpressionSyntax:
                    other = true;
                    break;
            }
        }

        return (values, other);
    }

#pragma warning disable RS1030 // The declaring tree of a field may not be the one being analyzed; models are made only for readonly carrier fields, once each (cached).
    private SemanticModel SemanticModelFor(SyntaxTree tree) => Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

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
