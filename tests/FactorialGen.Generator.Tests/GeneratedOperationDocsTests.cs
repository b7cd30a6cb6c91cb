using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Every generated member has at most one <c>&lt;remarks&gt;</c> (the document's description and the scope line
/// share it; an every-item method inherits its one-page method's), and every operation documents the exceptions it raises, as well-formed XML docs.
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
        var tree = result.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Acme.Hr.TimeoffApi.g.cs", StringComparison.Ordinal)); // one file per API namespace

        var methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.Text.EndsWith("Async", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, methods.Count); // ListAsync, ListAllAsync, DeleteAsync
        foreach (var method in methods)
        {
            var docs = string.Concat(method.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)).Select(t => t.ToFullString()));
            Assert.Single(Regex.Matches(docs, "<remarks>|<inheritdoc cref=\"ListAsync\" path=\"/\\*\\[self::param or self::remarks\\]\"/>")); // an every-item method inherits its one-page method's
            Assert.Single(Regex.Matches(docs, "<inheritdoc cref=\"(__R::FactorialOperationErrors\\.[A-Za-z]+\" path=\"/exception|__Docs\\.[A-Za-z]+)\"/>")); // the shared errors, alone or with the added parameters
            Assert.DoesNotContain("cref=\"__F::FactorialApiException\"", docs, StringComparison.Ordinal); // documented once, in the runtime
        }

        var delete = Docs(methods, "DeleteAsync");
        Assert.Contains("Removes it for good.", delete, StringComparison.Ordinal);
        Assert.Contains("Needs the <c>write</c> scope.", delete, StringComparison.Ordinal);
        Assert.Contains("<inheritdoc cref=\"__Docs.WriteNoAnswerId\"/>", delete, StringComparison.Ordinal); // no body is read; the checks of a lone text id
        Assert.Contains("<inheritdoc cref=\"__Docs.ReadPage\"/>", Docs(methods, "ListAsync"), StringComparison.Ordinal);

        var listAll = Docs(methods, "ListAllAsync");
        Assert.Contains("<inheritdoc cref=\"__Docs.ReadAll\"/>", listAll, StringComparison.Ordinal);

        // The crefs resolve: the compilation reports no CS1574 (unresolved cref) with documentation mode on.
        var parsed = result.Output.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), ((CSharpParseOptions)t.Options).WithDocumentationMode(DocumentationMode.Diagnose), t.FilePath));
        var withDocs = result.Output.RemoveAllSyntaxTrees().AddSyntaxTrees(parsed);
        Assert.DoesNotContain(withDocs.GetDiagnostics(), d => d.Id is "CS1574" or "CS1570" or "CS1580" or "CS1584");
    }

    /// <summary>
    /// The exceptions an operation inherits resolve, as a documentation tool or the IDE resolves
    /// them: the consumer's XML file names a runtime member by its documentation id, and the runtime's XML file documents
    /// that member with the exceptions (the scope's, "while the items are enumerated" for the every-item lists, no
    /// invalid-answer error when no answer is read).
    /// </summary>
    [Fact]
    public void Inherited_exceptions_resolve_to_the_runtime_documentation()
    {
        var result = GeneratorHarness.Run(
            "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-docs.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/factorial-docs.json", Document));
        var parsed = result.Output.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), ((CSharpParseOptions)t.Options).WithDocumentationMode(DocumentationMode.Diagnose), t.FilePath));
        var withDocs = result.Output.RemoveAllSyntaxTrees().AddSyntaxTrees(parsed);
        using var pe = new MemoryStream();
        using var xml = new MemoryStream();
        var emitted = withDocs.Emit(pe, xmlDocumentationStream: xml);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        // The generated docs are complete and well-formed: no CS15xx warning in a consumer built with its documentation file.
        Assert.Empty(emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id.StartsWith("CS15", StringComparison.Ordinal) && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true).Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));

        var consumer = XDocument.Parse(Encoding.UTF8.GetString(xml.ToArray()));
        var runtime = XDocument.Load(Path.ChangeExtension(typeof(FactorialGen.FactorialRequest).Assembly.Location, ".xml"));
        var resolver = new InheritdocResolver(consumer, runtime);
        string[] Inherited(string method, string path) =>
            resolver.Expanded((string)consumer.Descendants("member").Single(m => ((string)m.Attribute("name")!).Contains("LeavesResource." + method, StringComparison.Ordinal)).Attribute("name")!)
                .Elements(path.TrimStart('/'))
                .Select(e => (string)e.Attribute("cref")! + " " + e.Value).ToArray();

        var delete = Inherited("DeleteAsync", "/exception");
        Assert.Contains(delete, e => e.StartsWith("T:FactorialGen.FactorialScopeException", StringComparison.Ordinal) && e.Contains("write", StringComparison.Ordinal));
        Assert.Contains(delete, e => e.StartsWith("T:FactorialGen.FactorialApiException", StringComparison.Ordinal));
        Assert.Contains(delete, e => e.StartsWith("T:FactorialGen.FactorialAuthException", StringComparison.Ordinal));
        Assert.Contains(delete, e => e.StartsWith("T:FactorialGen.FactorialNetworkException", StringComparison.Ordinal));
        Assert.DoesNotContain(delete, e => e.Contains("InvalidResponse", StringComparison.Ordinal));
        Assert.Contains(delete, e => e == "T:System.ArgumentNullException  is null."); // <paramref name="id"/> is null.
        Assert.Contains(delete, e => e.StartsWith("T:System.ArgumentException  is empty, . or .., which would address another resource", StringComparison.Ordinal));

        var list = Inherited("ListAsync", "/exception");
        Assert.Equal(6, list.Length);
        Assert.Contains(list, e => e.StartsWith("T:System.ArgumentOutOfRangeException", StringComparison.Ordinal) && e.Contains("limit", StringComparison.Ordinal));
        Assert.Contains(list, e => e.StartsWith("T:FactorialGen.FactorialScopeException", StringComparison.Ordinal) && e.Contains("read", StringComparison.Ordinal));
        Assert.Contains(list, e => e.StartsWith("T:FactorialGen.FactorialInvalidResponseException", StringComparison.Ordinal));
        var listAll = Inherited("ListAllAsync", "/exception");
        Assert.Contains(listAll, e => e.StartsWith("T:System.ArgumentOutOfRangeException", StringComparison.Ordinal) && e.Contains("paging.Limit", StringComparison.Ordinal));
        Assert.All(listAll.Where(e => e.StartsWith("T:FactorialGen.", StringComparison.Ordinal)), e => Assert.Contains("while the items are enumerated", e, StringComparison.Ordinal));
    }

    private static string Docs(System.Collections.Generic.List<MethodDeclarationSyntax> methods, string name) =>
        string.Concat(methods.Single(m => m.Identifier.Text == name).GetLeadingTrivia().Select(t => t.ToFullString()));
}
