using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Minimal reproductions of the generator defects that <see cref="DocumentFuzzTests"/> found (G1–G7), kept as regression
/// tests now that they are fixed. The declaration defects D1–D5 are regression tests of their diagnostics in
/// <see cref="Diagnostics.FG1009_UnsupportedClientKindTests"/> and <see cref="Diagnostics.FG1010_MemberNameTakenTests"/>.
/// </summary>
public sealed class GeneratorKnownIssueTests
{
    private const string Client = "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-issue.json\")] public partial class Hr;";

    private static string Document(string pathsAndComponents) => $$"""
        { "openapi": "3.1.0", "info": { "title": "t", "version": "1" }, {{pathsAndComponents}} }
        """;

    private static string Listing(string itemSchema, string? components = "{}", string path = "/api/2026-07-01/resources/things/things", string parameters = "[]") => Document($$"""
        "paths": { "{{path}}": { "get": { "parameters": {{parameters}}, "responses": { "200": { "content": { "application/json": { "schema": { "type": "object", "properties": { "data": { "type": "array", "items": {{itemSchema}} } } } } } } } } } }
        {{(components is null ? string.Empty : $", \"components\": {{ \"schemas\": {components} }}")}}
        """);

    private const string Thing = """{ "things_thing": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" } } } }""";

    /// <summary>Generates; the run must not crash, every problem must be a located FG1xxx diagnostic, and the output must compile.</summary>
    private static GeneratorHarness.Result Generate(string document, string client = Client)
    {
        var result = GeneratorHarness.Run(client, GeneratorHarness.Document("/specs/factorial-issue.json", document));
        ClientDeclarationTests.AssertNoCrash(result);
        Assert.All(result.GeneratorDiagnostics, d =>
        {
            Assert.StartsWith("FG1", d.Id);
            Assert.True(d.Location.GetLineSpan().IsValid);
        });
        Assert.Empty(ClientDeclarationTests.Errors(result));
        return result;
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("false")]
    public void G1_schema_that_is_not_an_object_is_FG1007(string schema)
    {
        var result = Generate(Listing(schema, Thing));
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "FG1007");
    }

    [Theory]
    [InlineData("""{ "$ref": 7 }""", Thing)]
    [InlineData("""{ "$ref": ["#/components/schemas/things_thing"] }""", Thing)]
    [InlineData("""{ "$ref": false }""", Thing)]
    [InlineData("""{ "$ref": "#/components/schemas/things_thing" }""", null)]
    public void G2_response_reference_that_is_not_a_string_or_has_no_components_is_FG1007(string schema, string? components)
    {
        var document = Document($$"""
            "paths": { "/api/2026-07-01/resources/things/things/{id}": { "get": { "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }], "responses": { "200": { "content": { "application/json": { "schema": {{schema}} } } } } } } }
            {{(components is null ? string.Empty : $", \"components\": {{ \"schemas\": {components} }}")}}
            """);
        var result = Generate(document);
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "FG1007");
    }

    [Theory]
    [InlineData("/api/2026-07-01/resources/things/things/{id", """[{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }]""")]
    [InlineData("/api/2026-07-01/resources/things/things/{thing_id}", """[{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }]""")]
    [InlineData("/api/2026-07-01/resources/things/things/{id}", "[]")]
    public void G3_path_placeholder_without_its_parameter_is_a_located_diagnostic(string path, string parameters)
    {
        var result = Generate(Listing("""{ "$ref": "#/components/schemas/things_thing" }""", Thing, path, parameters));
        Assert.NotEmpty(result.GeneratorDiagnostics);
    }

    [Fact]
    public void G4_path_parameter_of_object_type_is_refused_or_formatted()
    {
        Generate(Listing(
            """{ "$ref": "#/components/schemas/things_thing" }""",
            Thing,
            "/api/2026-07-01/resources/things/things/{id}",
            """[{ "name": "id", "in": "path", "required": true, "schema": { "type": "object" } }]"""));
    }

    [Theory]
    [InlineData("""{ "things_thing": { "$ref": "#/components/schemas/things_thing" } }""")]
    [InlineData("""{ "things_thing": { "$ref": "#/components/schemas/things_other" }, "things_other": { "$ref": "#/components/schemas/things_thing" } }""")]
    public void G5_reference_cycle_without_content_is_FG1007(string components)
    {
        var result = Generate(Listing("""{ "$ref": "#/components/schemas/things_thing" }""", components));
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "FG1007");
    }

    [Theory]
    [InlineData("Equals")]
    [InlineData("GetHashCode")]
    [InlineData("ToString")]
    [InlineData("EqualityContract")]
    [InlineData("Clone")]
    public void G6_property_named_like_a_record_member_still_compiles(string property)
    {
        var components = $$"""{ "things_thing": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "{{property}}": { "type": "string" } } } }""";
        Generate(Listing("""{ "$ref": "#/components/schemas/things_thing" }""", components));
    }

    [Fact]
    public void G6_schema_named_like_a_record_member_still_compiles()
    {
        Generate(Listing("""{ "$ref": "#/components/schemas/ToString" }""", """{ "ToString": { "type": "object", "properties": { "id": { "type": "string" } } } }"""));
    }

    [Fact]
    public void G7_client_with_verbatim_identifiers_is_generated()
    {
        var result = GeneratorHarness.Run("namespace @class.@event { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class @object; }");

        ClientDeclarationTests.AssertNoCrash(result);
        Assert.Empty(ClientDeclarationTests.Errors(result));
    }
}
