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
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace FactorialGen.CodeFixes;

/// <summary>
/// FG0003 on a member the client's <c>Resources</c> left out (recorded as
/// <c>[FactorialOmittedOperation(..., RequiredResource = FactorialResourceScopes.TimeOff)]</c>): adds the resource scope
/// to the client's declaration, <c>Resources = FactorialResourceScopes.Employees</c> →
/// <c>Resources = FactorialResourceScopes.Employees | FactorialResourceScopes.TimeOff</c>, wherever in the solution the
/// declaration is (found from the diagnostic's additional location, the <c>[FactorialClient(...)]</c> argument). Fix all
/// joins what every diagnostic needs per client first.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareClientResourcesCodeFixProvider)), Shared]
public sealed class DeclareClientResourcesCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix (one for every client, so fix-all applies them together).</summary>
    public const string EquivalenceKey = "FactorialGen.DeclareClientResources";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ScopeDiagnosticContract.OperationOmittedByClientScopeId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => new FixAll();

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var targets = await FindTargetsAsync(context.Document.Project.Solution, ImmutableArray.Create(diagnostic), context.CancellationToken).ConfigureAwait(false);
            if (targets.Count != 1 || targets[0] is not { } target)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(ScopeDiagnosticContract.RequiredResourcesProperty, out var names);
            var added = string.Join(" | ", (names ?? "").Split(',').Select(n => "FactorialResourceScopes." + n));
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add {added} to the Resources of '{target.ClientName}'",
                    ct => ApplyAsync(context.Document.Project.Solution, targets, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Solution> ApplyAsync(Solution solution, List<Target> targets, CancellationToken cancellationToken)
    {
        foreach (var group in targets.GroupBy(t => t.DocumentId))
        {
            var document = solution.GetDocument(group.Key);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (document is null || root is null || model is null || ResourceScopeSyntax.EnumType(model.Compilation) is not { } enumType)
            {
                continue;
            }

            var perAttribute = group
                .GroupBy(t => t.AttributeSpan)
                .Select(g => (Attribute: root.FindNode(g.Key, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>(), Added: g.Aggregate(0L, (m, t) => m | t.Added)))
                .Where(p => p.Attribute is not null)
                .ToDictionary(p => (SyntaxNode)p.Attribute!, p => p.Added);
            var newRoot = root.ReplaceNodes(
                perAttribute.Keys,
                (original, _) => WithResources((AttributeSyntax)original, perAttribute[original], enumType, model, cancellationToken));
            solution = solution.WithDocumentSyntaxRoot(group.Key, newRoot);
        }

        return solution;
    }

    /// <summary>The attribute with <paramref name="added"/> or-ed into its <c>Resources = ...</c> (added when missing).</summary>
    private static AttributeSyntax WithResources(AttributeSyntax attribute, long added, INamedTypeSymbol enumType, SemanticModel model, CancellationToken cancellationToken)
    {
        var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        if (ResourceScopeSyntax.NamedArgument(list.Arguments, "Resources") is { } existing)
        {
            var current = ResourceScopeSyntax.Constant(existing.Expression, model, cancellationToken) ?? 0;
            var widened = ResourceScopeSyntax.WithAdded(existing.Expression, current, added, enumType, model, cancellationToken);
            return attribute.ReplaceNode(existing.Expression, widened);
        }

        var expression = ResourceScopeSyntax.WithAdded(
            SyntaxFactory.ParseExpression("global::" + ScopeDiagnosticContract.ResourceScopesTypeName + ".None").WithAdditionalAnnotations(Simplifier.Annotation),
            0, added, enumType, model, cancellationToken);
        var argument = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals("Resources"), null, expression);
        return attribute.WithArgumentList(list.AddArguments(argument));
    }

    /// <summary>For each diagnostic that names resource scopes to add: the client declaration to change (null entries are dropped).</summary>
    private static async Task<List<Target>> FindTargetsAsync(Solution solution, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var targets = new List<Target>();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ScopeDiagnosticContract.RequiredResourcesProperty, out var names) || string.IsNullOrEmpty(names) ||
                diagnostic.AdditionalLocations.FirstOrDefault() is not { IsInSource: true, SourceTree: { } tree } location ||
                solution.GetDocument(tree) is not { } document)
            {
                continue;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute ||
                model is null || ResourceScopeSyntax.EnumType(model.Compilation) is not { } enumType ||
                ResourceScopeSyntax.Mask(names, enumType) is var added && added == 0 ||
                attribute.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is not { } client)
            {
                continue;
            }

            var current = ResourceScopeSyntax.NamedArgument(attribute.ArgumentList?.Arguments ?? default, "Resources") is { } existing
                ? ResourceScopeSyntax.Constant(existing.Expression, model, cancellationToken) ?? 0
                : 0;
            if ((added & ~current) != 0)
            {
                targets.Add(new Target(document.Id, attribute.Span, added, client.Identifier.ValueText));
            }
        }

        return targets;
    }

    private sealed class Target
    {
        public Target(DocumentId documentId, Microsoft.CodeAnalysis.Text.TextSpan attributeSpan, long added, string clientName)
        {
            DocumentId = documentId;
            AttributeSpan = attributeSpan;
            Added = added;
            ClientName = clientName;
        }

        public DocumentId DocumentId { get; }

        public Microsoft.CodeAnalysis.Text.TextSpan AttributeSpan { get; }

        public long Added { get; }

        public string ClientName { get; }
    }

    /// <summary>Fix all: every FG0003 with resource scopes in the scope asked for, joined per client declaration.</summary>
    private sealed class FixAll : FixAllProvider
    {
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
            switch (fixAllContext.Scope)
            {
                case FixAllScope.Document when fixAllContext.Document is { } document:
                    diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false));
                    break;
                case FixAllScope.Project:
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                    break;
                case FixAllScope.Solution:
                    foreach (var project in fixAllContext.Solution.Projects)
                    {
                        diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    break;
            }

            var solution = fixAllContext.Solution;
            var targets = await FindTargetsAsync(solution, diagnostics.ToImmutable(), fixAllContext.CancellationToken).ConfigureAwait(false);
            return targets.Count == 0
                ? null
                : CodeAction.Create("Add the resource scopes the code needs to the clients' declarations", ct => ApplyAsync(solution, targets, ct), EquivalenceKey);
        }
    }
}
