using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>Bad input from the developer gets a located FG1xxx diagnostic, never a generator crash.</summary>
public sealed class DocumentDiagnosticsTests
{
    private const string MinimalDocument = """
        {
          "openapi": "3.1.0",
          "info": { "title": "t", "version": "1" },
          "paths": {
            "/api/2026-07-01/resources/things/things": {
              "get": { "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/things_thing" } } } } } } }
            }
          },
          "components": { "schemas": { "things_thing": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "kind": { "type": "string", "enum": ["a", "b"] } } } } }
        }
        """;

    private static Diagnostic Single(GeneratorHarness.Result result, string id)
    {
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        return Assert.Single(result.GeneratorDiagnostics, d => d.Id == id);
    }

    [Fact]
    public void Class_that_is_not_partial_is_FG1001()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public class Hr { }");

        var diagnostic = Single(result, "FG1001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'Hr'", diagnostic.GetMessage());
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal("Hr", result.Output.SyntaxTrees.First().GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void Client_nested_in_a_non_partial_type_is_FG1002()
    {
        var result = GeneratorHarness.Run("public class Outer { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr; }");

        Assert.Contains("'Outer'", Single(result, "FG1002").GetMessage());
    }

    [Fact]
    public void Client_nested_in_partial_types_is_generated()
    {
        var result = GeneratorHarness.Run("namespace N; public partial class Outer { public partial class Middle { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr; } }");

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Assert.NotNull(result.Type("N.Outer+Middle+Hr").GetMembers("Employees").SingleOrDefault());
    }

    [Fact]
    public void Generic_client_is_FG1003()
    {
        Single(GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr<T>;"), "FG1003");
    }

    [Fact]
    public void Missing_document_is_FG1004_naming_the_documents_found()
    {
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-other.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/factorial-mine.json", MinimalDocument));

        var diagnostic = Single(result, "FG1004");
        Assert.Contains("factorial-other.json", diagnostic.GetMessage());
        Assert.Contains("factorial-mine.json", diagnostic.GetMessage());
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.StartsWith("FactorialGen.FactorialClient(", result.Output.SyntaxTrees.First().GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void Swagger_2_document_is_FG1005()
    {
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-old.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/factorial-old.json", """{ "swagger": "2.0", "paths": {} }"""));

        Assert.Contains("Swagger", Single(result, "FG1005").GetMessage());
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "FG1004");
    }

    [Fact]
    public void Unparsable_document_is_FG1006_with_line_and_column()
    {
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-broken.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/factorial-broken.json", "{\n  \"openapi\": \"3.1.0\",\n  \"paths\": { oops }\n}"));

        var diagnostic = Single(result, "FG1006");
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/factorial-broken.json", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);
        Assert.Contains("line 3", diagnostic.GetMessage());
    }

    [Fact]
    public void Broken_reference_is_a_located_FG1007_and_the_rest_still_compiles()
    {
        var document = MinimalDocument.Replace("#/components/schemas/things_thing", "#/components/schemas/missing");
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-refs.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/factorial-refs.json", document));

        var diagnostic = Single(result, "FG1007");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("#/components/schemas/missing", diagnostic.GetMessage());
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void Invalid_scope_value_is_FG1008()
    {
        Single(GeneratorHarness.Run("[FactorialGen.FactorialClient((FactorialGen.FactorialScope)0)] public partial class Hr;"), "FG1008");
    }

    [Fact]
    public void Files_that_are_not_marked_or_named_as_documents_are_never_read()
    {
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr;",
            GeneratorHarness.Document("/config/appsettings.json", "{ not json at all"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.False(result.RunResult.Results.Single().TrackedSteps.TryGetValue(StepNames.ReadDocument, out var steps) && steps.Length > 0);
    }

    [Fact]
    public void Document_flagged_through_msbuild_metadata_is_read_whatever_its_name()
    {
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"api.flagged.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/api.flagged.json", MinimalDocument));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Assert.NotNull(result.Type("Hr+ThingsApi+ThingsResource").GetMembers("ListAsync").SingleOrDefault());
    }
}
