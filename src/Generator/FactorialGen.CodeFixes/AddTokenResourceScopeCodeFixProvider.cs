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
/// FG0004 / FG0005: adds the missing resource scopes where the token's resource scopes came from — the diagnostic's
/// additional locations, e.g. <c>oauth.Authorize(FactorialScope.Read, FactorialResourceScopes.Employees)</c>,
/// <c>FactorialToken.FromAccessToken(key, scope, FactorialResourceScopes.Employees)</c> or
/// <c>[FactorialTokenScope(..., Resources = FactorialResourceScopes.Employees)]</c> — giving
/// <c>FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking</c>. Only origins in the diagnostic's
/// document are changed; without one there is no fix. Fix all joins every diagnostic's needs per origin first, so two
/// calls needing different scopes from one authorization both get them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddTokenResourceScopeCodeFixProvider)), Shared]
public sealed class AddTokenResourceScopeCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix (one for every FG0004/FG0005 fix, so fix-all applies them together).</summary>
    public const string EquivalenceKey = "FactorialGen.AddTokenResourceScope";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        ScopeDiagnosticContract.ResourceScopeMissingForOperationId,
        ScopeDiagnosticContract.TokenResourcesDoNotCoverClientId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || ResourceScopeSyntax.EnumType(model.Compilation) is not { } enumType)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindEdits(ImmutableArray.Create(diagnostic), root, model, enumType, context.CancellationToken).Count == 0)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(ScopeDiagnosticContract.RequiredResourcesProperty, out var names);
            var added = string.Join(" | ", (names ?? "").Split(',').Select(n => "FactorialResourceScopes." + n));
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add {added} to the token's resource scopes",
                    ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || ResourceScopeSyntax.EnumType(model.Compilation) is not { } enumType)
        {
            return document;
        }

        var edits = FindEdits(diagnostics, root, model, enumType, cancellationToken);
        if (edits.Count == 0)
        {
            return document;
        }

        var replacements = edits.ToDictionary(
            e => (SyntaxNode)e.Key,
            e => (SyntaxNode)ResourceScopeSyntax.WithAdded(e.Key, e.Value.Current, e.Value.Added, enumType, model, cancellationToken));
        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    /// <summary>The resource-scope origins in this document that lack part of what the diagnostics need, with what each must gain.</summary>
    private static Dictionary<ExpressionSyntax, (long Current, long Added)> FindEdits(
        ImmutableArray<Diagnostic> diagnostics, SyntaxNode root, SemanticModel model, INamedTypeSymbol enumType, CancellationToken cancellationToken)
    {
        var edits = new Dictionary<ExpressionSyntax, (long Current, long Added)>();
        foreach (var diagnostic in diagnostics)
        {
            diagnostic.Properties.TryGetValue(ScopeDiagnosticContract.RequiredResourcesProperty, out var names);
            var required = ResourceScopeSyntax.Mask(names, enumType);
            if (required == 0)
            {
                continue;
            }

            foreach (var location in diagnostic.AdditionalLocations)
            {
                if (!location.IsInSource || location.SourceTree != root.SyntaxTree ||
                    root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression ||
                    ResourceScopeSyntax.Constant(expression, model, cancellationToken) is not { } current || current == 0)
                {
                    continue;
                }

                var added = edits.TryGetValue(expression, out var known) ? known.Added | required : required;
                if ((added & ~current) != 0)
                {
                    edits[expression] = (current, added);
                }
            }
        }

        return edits;
    }
}
