using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FactorialGen.CodeFixes;

/// <summary>
/// FG0001 / FG0002: widens the constant scope where the token's scope came from — the diagnostic's additional
/// locations, e.g. <c>oauth.Authorize(FactorialScope.Read)</c>, <c>FactorialToken.FromAccessToken(key, FactorialScope.Read)</c>
/// or <c>[FactorialTokenScope(FactorialScope.Read)]</c> — to cover what is needed (<c>Read | Write</c> = <c>ReadWrite</c>).
/// Only origins in the diagnostic's document are changed; without one there is no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WidenTokenScopeCodeFixProvider)), Shared]
public sealed class WidenTokenScopeCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix (one for every FG0001/FG0002 fix, so fix-all applies them together).</summary>
    public const string EquivalenceKey = "FactorialGen.WidenTokenScope";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        ScopeDiagnosticContract.ScopeMissingForOperationId,
        ScopeDiagnosticContract.TokenScopeDoesNotCoverClientId);

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
            var edits = FindEdits(diagnostic, root, model, context.CancellationToken);
            if (edits.Count == 0)
            {
                continue;
            }

            var scopes = edits.Select(e => e.Scope).Distinct().ToList();
            var title = scopes.Count == 1
                ? $"Widen the token's scope to FactorialScope.{ScopeDiagnosticContract.ScopeName(scopes[0])}"
                : "Widen the token's scopes";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ApplyAsync(context.Document, diagnostic, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var edits = FindEdits(diagnostic, root, model, cancellationToken);
        var replacements = edits.ToDictionary(e => (SyntaxNode)e.Expression, e => (SyntaxNode)ScopeSyntax.Replacement(e.Expression, e.Scope, model, cancellationToken));
        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    /// <summary>The origins in this document whose constant scope does not yet cover the required scope, with their widened value.</summary>
    private static List<(ExpressionSyntax Expression, int Scope)> FindEdits(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        var edits = new List<(ExpressionSyntax, int)>();
        diagnostic.Properties.TryGetValue(ScopeDiagnosticContract.RequiredScopeProperty, out var requiredName);
        var required = ScopeDiagnosticContract.ScopeValue(requiredName);
        if (required == 0)
        {
            return edits;
        }

        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (!location.IsInSource || location.SourceTree != root.SyntaxTree)
            {
                continue;
            }

            if (root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression ||
                edits.Any(e => e.Item1 == expression))
            {
                continue;
            }

            var current = ScopeSyntax.ConstantScope(expression, model, cancellationToken);
            if (current != 0 && (current | required) != current)
            {
                edits.Add((expression, current | required));
            }
        }

        return edits;
    }
}
