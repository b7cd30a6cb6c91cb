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
/// Where a scope is declared beyond the symbol's own <c>[FactorialTokenScope]</c>: a primary-constructor parameter
/// that nothing assigns, and readonly fields whose every write is visible (initializer and constructor assignments).
/// Interface, base and record-positional declarations are in <c>KnownSymbols.Inheritance.cs</c>.
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
}
