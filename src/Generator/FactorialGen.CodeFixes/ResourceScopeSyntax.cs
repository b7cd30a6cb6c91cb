using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FactorialGen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace FactorialGen.CodeFixes;

/// <summary>Reads and extends constant <c>FactorialResourceScopes</c> expressions.</summary>
internal static class ResourceScopeSyntax
{
    /// <summary>The runtime's <c>FactorialResourceScopes</c> in <paramref name="compilation"/>, or <see langword="null"/>.</summary>
    public static INamedTypeSymbol? EnumType(Compilation compilation) => compilation.GetTypeByMetadataName(ScopeDiagnosticContract.ResourceScopesTypeName);

    /// <summary>The mask named by a diagnostic property (<c>TimeTracking</c> or <c>TimeOff,CompanyLocations</c>), or 0 when a name is unknown.</summary>
    public static long Mask(string? names, INamedTypeSymbol enumType)
    {
        if (string.IsNullOrEmpty(names))
        {
            return 0;
        }

        var mask = 0L;
        foreach (var name in names!.Split(','))
        {
            if (enumType.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault() is not { HasConstantValue: true, ConstantValue: long value } || value == 0)
            {
                return 0;
            }

            mask |= value;
        }

        return mask;
    }

    /// <summary>The constant mask of <paramref name="expression"/>, or <see langword="null"/> when it is not a constant <c>FactorialResourceScopes</c>.</summary>
    public static long? Constant(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
        if (type?.ToDisplayString() != ScopeDiagnosticContract.ResourceScopesTypeName)
        {
            return null;
        }

        return model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: long mask } ? mask : null;
    }

    /// <summary>
    /// <paramref name="expression"/> with the members of <paramref name="added"/> or-ed in, each named the way the
    /// expression names the enum (<c>FactorialResourceScopes.Employees</c> → <c>FactorialResourceScopes.Employees |
    /// FactorialResourceScopes.TimeTracking</c>; <c>using static</c> names stay bare; anything else gets a simplified
    /// qualified name). An expression whose value is <c>None</c> is replaced.
    /// </summary>
    public static ExpressionSyntax WithAdded(
        ExpressionSyntax expression, long current, long added, INamedTypeSymbol enumType, SemanticModel model, CancellationToken cancellationToken)
    {
        var names = Names(added & ~current, enumType);
        if (names.Count == 0)
        {
            return expression;
        }

        var naming = NamingExample(expression, enumType, model, cancellationToken);
        var members = names.Select(name => Member(name, naming)).ToList();
        ExpressionSyntax result;
        int first;
        if (current == 0)
        {
            result = members[0];
            first = 1;
        }
        else
        {
            result = expression.WithoutTrivia() is var bare && (bare is SimpleNameSyntax or MemberAccessExpressionSyntax ||
                                                                 bare.IsKind(SyntaxKind.BitwiseOrExpression))
                ? bare
                : SyntaxFactory.ParenthesizedExpression(bare);
            first = 0;
        }

        for (var i = first; i < members.Count; i++)
        {
            result = SyntaxFactory.BinaryExpression(SyntaxKind.BitwiseOrExpression, result, members[i]);
        }

        return result.WithTriviaFrom(expression);
    }

    /// <summary>The named attribute argument <paramref name="name"/> (<c>Resources = ...</c>), or <see langword="null"/>.</summary>
    public static AttributeArgumentSyntax? NamedArgument(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, string name) =>
        arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

    private static List<string> Names(long mask, INamedTypeSymbol enumType)
    {
        var names = new List<string>();
        for (var bit = 0; bit < 63; bit++)
        {
            var one = 1L << bit;
            if ((mask & one) != 0 &&
                enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && f.ConstantValue is long value && value == one) is { } field)
            {
                names.Add(field.Name);
            }
        }

        return names;
    }

    /// <summary>The first name of a <c>FactorialResourceScopes</c> member inside <paramref name="expression"/> (its qualification is copied), or <see langword="null"/>.</summary>
    private static SimpleNameSyntax? NamingExample(ExpressionSyntax expression, INamedTypeSymbol enumType, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var name in expression.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
        {
            if (model.GetSymbolInfo(name, cancellationToken).Symbol is IFieldSymbol { ContainingType: { } containing } &&
                SymbolEqualityComparer.Default.Equals(containing, enumType))
            {
                return name;
            }
        }

        return null;
    }

    private static ExpressionSyntax Member(string name, SimpleNameSyntax? naming)
    {
        var identifier = SyntaxFactory.IdentifierName(name);
        return naming switch
        {
            { Parent: MemberAccessExpressionSyntax access } when access.Name == naming => access.WithName(identifier).WithoutTrivia(),
            { Parent: not MemberAccessExpressionSyntax } => identifier, // using static FactorialGen.FactorialResourceScopes;
            _ => SyntaxFactory.ParseExpression("global::" + ScopeDiagnosticContract.ResourceScopesTypeName + "." + name)
                .WithAdditionalAnnotations(Simplifier.Annotation),
        };
    }
}
