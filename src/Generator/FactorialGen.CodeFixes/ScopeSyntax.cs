using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using FactorialGen.Generator;
using FactorialGen.Generator.Analyzers;

namespace FactorialGen.CodeFixes;

/// <summary>Reads and rewrites constant <c>FactorialScope</c> expressions.</summary>
internal static class ScopeSyntax
{
    /// <summary>The constant scope value of <paramref name="expression"/>, or 0 when it is not a constant <c>FactorialScope</c>.</summary>
    public static int ConstantScope(ExpressionSyntax expression, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
        if (type?.ToDisplayString() != KnownNames.FactorialScope)
        {
            return 0;
        }

        return model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: int scope } &&
            ScopeDiagnosticContract.ScopeName(scope) is not null ? scope : 0;
    }

    /// <summary>
    /// <c>FactorialScope.X</c> for the new value, keeping the way the old expression named the enum
    /// (<c>FactorialScope.Read</c> → <c>FactorialScope.ReadWrite</c>, <c>global::FactorialGen.FactorialScope.Read</c> →
    /// <c>global::FactorialGen.FactorialScope.ReadWrite</c>); any other expression becomes a simplified qualified name.
    /// </summary>
    public static ExpressionSyntax Replacement(ExpressionSyntax expression, int scope, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var name = ScopeDiagnosticContract.ScopeName(scope)!;
        var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
        var namesScopeMember = symbol is IFieldSymbol { ContainingType: { } containing } && containing.ToDisplayString() == KnownNames.FactorialScope;
        switch (expression)
        {
            case MemberAccessExpressionSyntax memberAccess when namesScopeMember:
                return memberAccess.WithName(SyntaxFactory.IdentifierName(name).WithTriviaFrom(memberAccess.Name));
            case IdentifierNameSyntax identifier when namesScopeMember:
                return SyntaxFactory.IdentifierName(name).WithTriviaFrom(identifier); // using static FactorialGen.FactorialScope;
            default:
                return SyntaxFactory.ParseExpression("global::" + KnownNames.FactorialScope + "." + name)
                    .WithAdditionalAnnotations(Simplifier.Annotation)
                    .WithTriviaFrom(expression);
        }
    }
}
