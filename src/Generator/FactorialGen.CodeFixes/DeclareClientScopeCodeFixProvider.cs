using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Generator;
using FactorialGen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FactorialGen.CodeFixes;

/// <summary>
/// CS1061 (and FG0003, the analyzer's explanation on the same span) on a generated client (or one of its group types)
/// whose declared scope left the member out — recorded by
/// the generator as <c>[FactorialOmittedOperation("TerminateAsync", FactorialScope.Write)]</c> on that type: offers
/// to declare the client with a scope that includes it, rewriting <c>[FactorialClient(...)]</c> on the client class
/// (the outermost type carrying it), wherever in the solution that declaration is.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareClientScopeCodeFixProvider)), Shared]
public sealed class DeclareClientScopeCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix (one for every client, so fix-all applies them together).</summary>
    public const string EquivalenceKey = "FactorialGen.DeclareClientScope";

    private const string MemberNotFoundId = "CS1061";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(MemberNotFoundId, ScopeDiagnosticContract.OperationOmittedByClientScopeId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var target = await FindTargetAsync(context.Document.Project.Solution, root, model, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (target is null)
            {
                continue;
            }

            var (client, document, argument, scope) = target.Value;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Declare '{client.Name}' with FactorialScope.{ScopeDiagnosticContract.ScopeName(scope)}",
                    ct => ApplyAsync(document, argument, scope, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Solution> ApplyAsync(Document document, ExpressionSyntax argument, int scope, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document.Project.Solution;
        }

        var replacement = ScopeSyntax.Replacement(argument, scope, model, cancellationToken);
        return document.WithSyntaxRoot(root.ReplaceNode(argument, replacement)).Project.Solution;
    }

    /// <summary>The client to widen, the document and argument of its <c>[FactorialClient]</c>, and the new scope.</summary>
    private static async Task<(INamedTypeSymbol Client, Document Document, ExpressionSyntax Argument, int Scope)?> FindTargetAsync(
        Solution solution, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var name = node as SimpleNameSyntax ?? node.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().FirstOrDefault(n => n.Span == diagnostic.Location.SourceSpan);
        var receiver = name?.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => access.Expression,
            MemberBindingExpressionSyntax binding => binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
            _ => null,
        };
        if (name is null || receiver is null || model.GetTypeInfo(receiver, cancellationToken).Type is not INamedTypeSymbol type)
        {
            return null;
        }

        var omittedAttribute = model.Compilation.GetTypeByMetadataName(KnownNames.FactorialOmittedOperationAttribute);
        var clientAttribute = model.Compilation.GetTypeByMetadataName(KnownNames.FactorialClientAttribute);
        if (omittedAttribute is null || clientAttribute is null)
        {
            return null;
        }

        var required = type.GetAttributes()
            .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, omittedAttribute) && a.ConstructorArguments.Length == 2 &&
                        a.ConstructorArguments[0].Value as string == name.Identifier.ValueText)
            .Select(a => a.ConstructorArguments[1].Value is int scope ? scope : 0)
            .FirstOrDefault();
        if (required == 0)
        {
            return null;
        }

        // The client is the outermost type carrying [FactorialClient]: group types are nested inside it.
        (INamedTypeSymbol Type, AttributeData Attribute)? client = null;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var attribute = current.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, clientAttribute));
            if (attribute is not null)
            {
                client = (current, attribute);
            }
        }

        if (client is not { } found || found.Attribute.ConstructorArguments is not [{ Value: int declared }] ||
            found.Attribute.ApplicationSyntaxReference is not { } reference)
        {
            return null;
        }

        var widened = declared | required;
        if (widened == declared || ScopeDiagnosticContract.ScopeName(widened) is null ||
            await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not AttributeSyntax { ArgumentList.Arguments: [var argument, ..] } ||
            solution.GetDocument(reference.SyntaxTree) is not { } document)
        {
            return null;
        }

        return (found.Type, document, argument.Expression, widened);
    }
}
