using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using System.Xml.XPath;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// A generated operation documents the parameters the generator adds by inheriting them (<c>&lt;inheritdoc&gt;</c>
/// from the runtime's <c>FactorialOperationParameters</c>, an every-item method from its one-page method). The docs
/// are resolved as the IDE resolves them (Roslyn's rule: the cref's documentation, its own inheritdoc elements
/// expanded first, then the path with <c>/*</c> for the root element): every parameter of every generated operation
/// then has exactly one non-empty doc, the added ones in their fixed wording, and one remarks; and the consumer still
/// compiles its documentation file without a CS15xx warning.
/// </summary>
public sealed class InheritedParameterDocsTests
{
    private const string Document = """
        {
          "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
          "paths": {
            "/api/2026-07-01/resources/timeoff/leaves": {
              "get": { "summary": "List leaves", "description": "Leaves of the company.", "parameters": [
                  { "name": "start_on", "in": "query", "schema": { "type": "string" } }, { "name": "end_on", "in": "query", "schema": { "type": "string" } },
                  { "name": "employee_ids[]", "in": "query", "description": "Only these employees.", "schema": { "type": "array", "items": { "type": "integer" } } },
                  { "name": "approved", "in": "query", "schema": { "type": "boolean" } }, { "name": "status", "in": "query", "schema": { "type": "string" } } ],
                "responses": { "200": { "content": { "application/json": { "schema": { "type": "object", "properties": { "data": { "type": "array", "items": { "type": "string" } }, "meta": { "type": "object" } } } } } } } },
              "post": { "summary": "Create a leave", "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": { "note": { "type": "string" } } } } } },
                "responses": { "201": { "content": { "application/json": { "schema": { "type": "object", "properties": { "id": { "type": "integer" } } } } } } } }
            },
            "/api/2026-07-01/resources/timeoff/leaves/{id}": {
              "get": { "summary": "Read a leave", "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } },
                  { "name": "a", "in": "query", "schema": { "type": "string" } }, { "name": "b", "in": "query", "schema": { "type": "string" } }, { "name": "c", "in": "query", "schema": { "type": "string" } },
                  { "name": "d", "in": "query", "schema": { "type": "string" } }, { "name": "e", "in": "query", "schema": { "type": "string" } } ],
                "responses": { "200": { "content": { "application/json": { "schema": { "type": "object", "properties": { "id": { "type": "integer" } } } } } } } },
              "delete": { "summary": "Delete a leave", "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }], "responses": { "204": { "description": "gone" } } }
            },
            "/api/2026-07-01/resources/timeoff/policies": {
              "get": { "summary": "List policies", "parameters": [{ "name": "page", "in": "query", "description": "The document's own page.", "schema": { "type": "integer" } }],
                "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "type": "string" } } } } } } }
            },
            "/api/2026-07-01/resources/documents/uploads/{id}": {
              "get": { "summary": "Read an upload", "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }], "responses": { "200": { "content": { "application/json": { "schema": { "type": "object", "properties": { "id": { "type": "string" } } } } } } } }
            },
            "/api/2026-07-01/resources/documents/uploads/{id}/ping": {
              "get": { "summary": "Ping an upload", "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }], "responses": { "204": { "description": "there" } } }
            },
            "/api/2026-07-01/resources/documents/uploads": {
              "post": { "summary": "Upload", "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object" } } } }, "responses": { "204": { "description": "done" } } }
            }
          }
        }
        """;

    /// <summary>The wording of the parameters the generator adds (moved to the runtime, not rewritten).</summary>
    private static readonly Dictionary<string, string> AddedParameterDocs = new(StringComparer.Ordinal)
    {
        ["cancellationToken"] = "Cancels the call.",
        ["body"] = "The request body.",
        ["content"] = "The request body (for example multipart form data), built by the caller.",
        ["options"] = "The optional query parameters (filters, switches).",
        ["limit"] = "Items per page, 1 to 100 (FactorialPaging.MaxLimit; another value is refused before sending); the document does not list it, Factorial accepts it.",
        ["afterId"] = "The cursor after which the page starts (the previous page's 'end_cursor').",
        ["beforeId"] = "The cursor before which the page ends (the next page's 'start_cursor').",
        ["page"] = "The page number, for page-based paging.",
        ["paging"] = "Page size and paging mode; by default 100 items per page with cursors.",
    };

    [Fact]
    public void Every_parameter_of_every_operation_has_one_doc_after_inheritance()
    {
        var (compilation, consumer, runtime) = Build(GeneratorHarness.Document("/specs/factorial-params.json", Document), "factorial-params.json");
        var resolver = new InheritdocResolver(consumer, runtime);
        var methods = Operations(compilation);
        Assert.True(methods.Count == 13, string.Join("\n", methods.Select(m => m.ToDisplayString()))); // leaves: List ×2, ListAll ×2, Create, Get ×2, Delete; policies: List, ListAll; uploads: Create, Get, Ping

        foreach (var method in methods)
        {
            var docs = AssertComplete(method, resolver);
            foreach (var parameter in method.Parameters)
            {
                var documentsOwn = method.ContainingType.Name == "PoliciesResource" && parameter.Name == "page"; // the document's own 'page'
                if (AddedParameterDocs.ContainsKey(parameter.Name) && !documentsOwn)
                {
                    Assert.Equal(AddedParameterDocs[parameter.Name], docs.Elements("param").Single(p => (string?)p.Attribute("name") == parameter.Name).Value);
                }
            }
        }

        // The document's own descriptions stay inline, and the document's own 'page' is not replaced by the added one.
        var listPolicies = methods.Single(m => m.ContainingType.Name == "PoliciesResource" && m.Name == "ListAsync");
        Assert.Contains("The document's own page.", listPolicies.GetDocumentationCommentXml(), StringComparison.Ordinal);
        Assert.Equal("The document's own page.", resolver.Expanded(listPolicies.GetDocumentationCommentId()!).Elements("param").Single(p => (string?)p.Attribute("name") == "page").Value);

        // The every-item methods inherit the remarks (the document's description) of their one-page method, each of the right overload.
        foreach (var listAll in methods.Where(m => m.Name == "ListAllAsync" && m.ContainingType.Name == "LeavesResource"))
        {
            var docs = resolver.Expanded(listAll.GetDocumentationCommentId()!);
            Assert.Contains("Leaves of the company.", docs.Element("remarks")!.Value, StringComparison.Ordinal);
            Assert.EndsWith("every item, page after page.", docs.Element("summary")!.Value.Trim(), StringComparison.Ordinal);
        }

        // A lone text 'id' inherits its checks.
        var getUpload = resolver.Expanded(methods.Single(m => m.ContainingType.Name == "UploadsResource" && m.Name == "GetAsync").GetDocumentationCommentId()!);
        Assert.Equal(["T:System.ArgumentNullException", "T:System.ArgumentException"], getUpload.Elements("exception").Select(e => (string)e.Attribute("cref")!).Take(2));

        // Both forms are exercised: the added parameters and the errors from two members, or from one that holds both.
        var used = methods.SelectMany(m => XElement.Parse("<m>" + m.GetDocumentationCommentXml() + "</m>").Descendants("inheritdoc"))
            .Select(e => (string)e.Attribute("cref")!).Where(c => c.StartsWith("M:FactorialGen.Runtime.Generated.", StringComparison.Ordinal))
            .Select(c => string.Join('.', c.Split('(')[0].Split('.')[^2..])).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(
            ["FactorialOperationDocs.Read", "FactorialOperationDocs.ReadAll", "FactorialOperationDocs.ReadId", "FactorialOperationDocs.ReadNoAnswer", "FactorialOperationDocs.ReadOptionsAll", "FactorialOperationDocs.ReadOptionsPage", "FactorialOperationDocs.ReadPage", "FactorialOperationDocs.WriteBody", "FactorialOperationDocs.WriteNoAnswer",
             "FactorialOperationParameters.Any", "FactorialOperationParameters.Content", "FactorialOperationParameters.Id", "FactorialOperationParameters.Options", "FactorialOperationParameters.RequiredOptions"],
            used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_runtime_doc_holder_documents_its_parameters_in_the_fixed_wording_and_matches_the_generator()
    {
        var runtime = XDocument.Load(Path.ChangeExtension(typeof(FactorialGen.FactorialRequest).Assembly.Location, ".xml"));
        var members = runtime.Descendants("member").Where(m => ((string)m.Attribute("name")!).StartsWith("M:FactorialGen.Runtime.Generated.FactorialOperationParameters.", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, members.Count);
        foreach (var param in members.Where(m => !((string)m.Attribute("name")!).Contains(".Id(", StringComparison.Ordinal)).SelectMany(m => m.Elements("param"))) // Id's own 'id' is not inherited
        {
            Assert.Equal(AddedParameterDocs[(string)param.Attribute("name")!], param.Value);
        }

        // The generator's table of member → parameters matches the runtime's members.
        foreach (var (member, names) in FactorialGen.Generator.Emit.OperationDocs.SharedParameterSets)
        {
            var documented = members.Single(m => ((string)m.Attribute("name")!).Contains("." + member + "(", StringComparison.Ordinal)).Elements("param").Select(p => (string)p.Attribute("name")!);
            Assert.Equal(names.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        }

        // The generator's table of combined members matches FactorialOperationDocs: each inherits the errors and the parameters it names.
        var combined = runtime.Descendants("member").Where(m => ((string)m.Attribute("name")!).StartsWith("M:FactorialGen.Runtime.Generated.FactorialOperationDocs.", StringComparison.Ordinal)).ToList();
        Assert.Equal(FactorialGen.Generator.Emit.OperationDocs.CombinedDocs.Length, combined.Count);
        foreach (var (member, errors, parameters, checks) in FactorialGen.Generator.Emit.OperationDocs.CombinedDocs)
        {
            var crefs = combined.Single(m => ((string)m.Attribute("name")!).Contains(".FactorialOperationDocs." + member + "(", StringComparison.Ordinal)).Elements("inheritdoc").Select(e => (string)e.Attribute("cref")!).ToList();
            Assert.Equal(checks is null ? 2 : 3, crefs.Count);
            Assert.Contains(crefs, c => c == "F:FactorialGen.Runtime.Generated.FactorialOperationErrors." + errors);
            Assert.Contains(crefs, c => c.StartsWith("M:FactorialGen.Runtime.Generated.FactorialOperationParameters." + parameters + "(", StringComparison.Ordinal));
            Assert.True(checks is null || crefs.Any(c => c.StartsWith("M:FactorialGen.Runtime.Generated.FactorialOperationParameters." + checks + "(", StringComparison.Ordinal)), member);
        }
    }

    /// <summary>The real documents' operations (about 800 methods for 2026-07-01) are as completely documented, and compile their documentation file clean.</summary>
    [RealSpecFact(V2026)]
    public void Every_operation_of_the_2026_document_has_its_docs_after_inheritance() => AssertRealDocument(V2026);

    [RealSpecFact(V2024)]
    public void Every_operation_of_the_2024_document_has_its_docs_after_inheritance() => AssertRealDocument(V2024);

    private const string V2024 = "factorial-openapi-2024-10-01.json";
    private const string V2026 = "factorial-openapi-2026-07-01.json";

    private static void AssertRealDocument(string fileName)
    {
        var (compilation, consumer, runtime) = Build(GeneratorHarness.SharedSpec(fileName), fileName);
        var resolver = new InheritdocResolver(consumer, runtime);
        var methods = Operations(compilation);
        Assert.True(methods.Count > 500, $"{methods.Count} operations");
        foreach (var method in methods)
        {
            AssertComplete(method, resolver);
        }
    }

    private static List<IMethodSymbol> Operations(Compilation compilation) =>
        compilation.GetSymbolsWithName(n => n.EndsWith("Async", StringComparison.Ordinal), SymbolFilter.Member).OfType<IMethodSymbol>()
            .Where(m => m.ContainingType.Name.EndsWith("Resource", StringComparison.Ordinal) && m.DeclaredAccessibility == Accessibility.Public).ToList();

    /// <summary>The method's docs, resolved: one summary, one remarks, exactly one non-empty doc per parameter, every paramref one of its parameters.</summary>
    private static XElement AssertComplete(IMethodSymbol method, InheritdocResolver resolver)
    {
        var docs = resolver.Expanded(method.GetDocumentationCommentId()!);
        var label = method.ToDisplayString();
        Assert.Empty(docs.Descendants("inheritdoc")); // every inheritdoc resolved
        Assert.Single(docs.Elements("summary"));
        Assert.True(docs.Elements("remarks").Count() == 1, $"{label}: one remarks");
        Assert.All(docs.Descendants("paramref"), r => Assert.True(method.Parameters.Any(p => p.Name == (string?)r.Attribute("name")), $"{label}: paramref {r}"));
        foreach (var parameter in method.Parameters)
        {
            var tags = docs.Elements("param").Where(p => (string?)p.Attribute("name") == parameter.Name).ToList();
            Assert.True(tags.Count == 1, $"{label}: {tags.Count} docs for '{parameter.Name}'");
            Assert.False(string.IsNullOrWhiteSpace(tags[0].Value), $"{label}: empty doc for '{parameter.Name}'");
        }

        return docs;
    }

    private static (Compilation Compilation, XDocument Consumer, XDocument Runtime) Build(AdditionalText document, string fileName)
    {
        var result = GeneratorHarness.Run(
            $"namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"{fileName}\")] public partial class Hr;",
            document);
        var parsed = result.Output.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), ((CSharpParseOptions)t.Options).WithDocumentationMode(DocumentationMode.Diagnose), t.FilePath));
        var withDocs = result.Output.RemoveAllSyntaxTrees().AddSyntaxTrees(parsed);
        using var pe = new MemoryStream();
        using var xml = new MemoryStream();
        var emitted = withDocs.Emit(pe, xmlDocumentationStream: xml);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        // The inherited docs keep the consumer's documentation file warning-free (no CS1573 for an inherited parameter, crefs bind).
        Assert.Empty(emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)
            .Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        var consumer = XDocument.Parse(Encoding.UTF8.GetString(xml.ToArray()));
        var runtime = XDocument.Load(Path.ChangeExtension(typeof(FactorialGen.FactorialRequest).Assembly.Location, ".xml"));
        return (withDocs, consumer, runtime);
    }
}
