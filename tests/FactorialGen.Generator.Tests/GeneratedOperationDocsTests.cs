using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Every generated member has at most one <c>&lt;remarks&gt;</c> (the document's description and the scope line
/// share it), and every operation documents the exceptions it raises, as well-formed XML docs.
/// </summary>
public sealed class GeneratedOperationDocsTests
{
    private const string Document = """
        {
          "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
          "paths": {
            "/api/2026-07-01/resources/timeoff/leaves": {
              "get": { "summary": "List leaves", "description": "Leaves of the company.\nApproved or not.", "responses": { "200": { "content": { "application/json": { "schema": { "type": "object", "properties": { "data": { "type": "array", "items": { "type": "string" } }, "meta": { "type": "object" } } } } } } } }
            },
            "/api/2026-07-01/resources/timeoff/leaves/{id}": {
              "delete": { "summary": "Delete a leave", "description": "Removes it for good.", "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }], "responses": { "204": { "description": "gone" } } }
            }
          }
        }
        """;

    [Fact]
    public void Each_operation_has_one_remarks_and_its_exceptions()
    {
        var result = GeneratorHarness.Run(
            "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-docs.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/factorial-docs.json", Document));
        Assert.Empty(result.CompileProblems);
        var tree = result.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Acme.Hr.g.cs", StringComparison.Ordinal));

        var methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.Text.EndsWith("Async", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, methods.Count); // ListAsync, ListAllAsync, DeleteAsync
        foreach (var method in methods)
        {
            var docs = string.Concat(method.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)).Select(t => t.ToFullString()));
            Assert.Single(Regex.Matches(docs, "<remarks>"));
            Assert.Contains("cref=\"__F::FactorialApiException\"", docs, StringComparison.Ordinal);
            Assert.Contains("cref=\"__F::FactorialNetworkException\"", docs, StringComparison.Ordinal);
            Assert.Contains("cref=\"__F::FactorialScopeException\"", docs, StringComparison.Ordinal);
        }

        var delete = Docs(methods, "DeleteAsync");
        Assert.Contains("Removes it for good.", delete, StringComparison.Ordinal);
        Assert.Contains("Needs the <c>write</c> scope.", delete, StringComparison.Ordinal);
        Assert.Contains("<exception cref=\"__S::ArgumentNullException\"><paramref name=\"id\"/> is null.", delete, StringComparison.Ordinal);
        Assert.Contains("<exception cref=\"__S::ArgumentException\"><paramref name=\"id\"/> is empty", delete, StringComparison.Ordinal);
        Assert.DoesNotContain("FactorialInvalidResponseException", delete, StringComparison.Ordinal); // no body is read

        Assert.Contains("<c>limit</c> is not 1 to 100", Docs(methods, "ListAsync"), StringComparison.Ordinal);
        var listAll = Docs(methods, "ListAllAsync");
        Assert.Contains("<c>paging.Limit</c> is not 1 to 100", listAll, StringComparison.Ordinal);
        Assert.Contains("while the items are enumerated", listAll, StringComparison.Ordinal);

        // The crefs resolve: the compilation reports no CS1574 (unresolved cref) with documentation mode on.
        var parsed = result.Output.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), ((CSharpParseOptions)t.Options).WithDocumentationMode(DocumentationMode.Diagnose), t.FilePath));
        var withDocs = result.Output.RemoveAllSyntaxTrees().AddSyntaxTrees(parsed);
        Assert.DoesNotContain(withDocs.GetDiagnostics(), d => d.Id is "CS1574" or "CS1570" or "CS1580" or "CS1584");
    }

    private static string Docs(System.Collections.Generic.List<MethodDeclarationSyntax> methods, string name) =>
        string.Concat(methods.Single(m => m.Identifier.Text == name).GetLeadingTrivia().Select(t => t.ToFullString()));
}
