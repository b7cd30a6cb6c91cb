using System.Linq;
using FactorialGen.Generator.Emit;
using FactorialGen.Generator.Parsing;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Names and texts from the document that once made generated code that did not compile, compiled with warnings, or
/// let the document write code: each becomes a valid, unclashing identifier, or text stays in its comment. Where the
/// user must act instead, the located FG errors are tested in Diagnostics/ (<see cref="Diagnostics.FG1010_MemberNameTakenTests"/>,
/// <see cref="Diagnostics.FG1011_ClientNameTakenTests"/>, <see cref="Diagnostics.FG1007_UnsupportedConstructTests"/>).
/// </summary>
public sealed class NameClashTests
{
    private const string Client = "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-names.json\")] public partial class Hr;";

    private static GeneratorHarness.Result Run(string paths, string schemas = "{}", string client = Client) =>
        GeneratorHarness.Run(client, GeneratorHarness.Document("/specs/factorial-names.json", $$"""
            { "openapi": "3.1.0", "info": { "title": "t", "version": "1" }, "paths": {{paths}}, "components": { "schemas": {{schemas}} } }
            """));

    private static string Get(string path, string schema = "{ \"type\": \"string\" }") =>
        $$"""{{System.Text.Json.JsonSerializer.Serialize(path)}}: { "get": { "responses": { "200": { "content": { "application/json": { "schema": {{schema}} } } } } } }""";

    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void Every_line_terminator_starts_a_new_doc_comment_line(string terminator)
    {
        var writer = new SourceWriter();

        CodeText.WriteTag(writer, "summary", $"first{terminator}public static void Injected() {{ }}{terminator}</summary> & <b>");

        var lines = writer.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("///", line.TrimStart(), System.StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.IndexOfAny(['\r', '\u0085', '\u2028', '\u2029']) >= 0);
        Assert.Contains("/// &lt;/summary&gt; &amp; &lt;b&gt;", lines);
    }

    [Theory]
    [InlineData("\u0000x")]
    [InlineData("LONEx")]
    [InlineData("\u202Ex")]
    [InlineData("\uFFFEx")]
    public void Controls_lone_surrogates_and_bidi_overrides_never_reach_a_comment(string text)
    {
        text = text.Replace("LONE", "\ud800", System.StringComparison.Ordinal); // xunit would not keep a lone surrogate as data
        Assert.Equal("\uFFFDx", CodeText.Escape(text));
        Assert.Equal("a 😀 b", CodeText.Escape("a\u2028😀\rb"));
    }

    [Fact]
    public void Formatting_characters_are_dropped_from_names_and_long_names_are_capped_the_same_way_every_time()
    {
        Assert.Equal("AB", Identifier.Pascal("a\u200Bb"));
        Assert.Equal("AB", Identifier.Pascal("a\u202Eb"));
        var longName = Identifier.Pascal(new string('x', 600));
        Assert.Equal(Identifier.MaxLength, longName.Length);
        Assert.Equal(longName, Identifier.Pascal(new string('x', 600)));
        Assert.NotEqual(longName, Identifier.Pascal(new string('x', 601)));
        Assert.Equal("@await", Identifier.Camel("await"));
    }

    [Fact]
    public void A_paged_operation_only_takes_a_name_whose_All_companion_is_free()
    {
        var names = OperationNamer.Deduplicate(
        [
            ("A", "B", "ListGetAll", "POST"),
            ("A", "B", "List", "GET"),
            ("A", "B", "List", "GET"),
        ]);

        Assert.Equal(["ListGetAll", "List", "List2"], names);
    }

    [Fact]
    public void Groups_and_resources_that_would_clash_or_hide_inherited_members_get_a_suffix()
    {
        var names = OperationNamer.MemberNames([("Equals", "R"), ("X", "R"), ("XApi", "R"), ("Y", "YApi"), ("Y", "Z"), ("Y", "ZResource"), ("Y", "ToString")]);

        Assert.Equal(("EqualsGroup", "R"), names[("Equals", "R")]);
        Assert.Equal(("X", "R"), names[("X", "R")]);
        Assert.Equal(("XApiGroup", "R"), names[("XApi", "R")]);
        Assert.Equal(("Y", "YApiResource"), names[("Y", "YApi")]);
        Assert.Equal(("Y", "ZResourceResource"), names[("Y", "ZResource")]);
        Assert.Equal(("Y", "ToStringResource"), names[("Y", "ToString")]);
    }

    [Fact]
    public void Namespaces_and_resources_named_like_members_compile_without_warnings()
    {
        var result = Run("{" + string.Join(", ",
            Get("/api/2026-07-01/resources/equals/to_string"),
            Get("/api/2026-07-01/resources/connection/items"),
            Get("/api/2026-07-01/resources/x/items"),
            Get("/api/2026-07-01/resources/x_api/items"),
            Get("/api/2026-07-01/resources/y/y_api"),
            Get("/api/2026-07-01/resources/y/z"),
            Get("/api/2026-07-01/resources/y/z_resource")) + "}");

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void Properties_enum_values_and_models_named_like_inherited_members_or_differing_only_in_case_compile_without_warnings()
    {
        var schemas = """
            {
              "names_leave": { "type": "object", "properties": { "ReferenceEquals": { "type": "string" }, "MemberwiseClone": { "type": "integer" }, "Leave": { "type": "string" },
                "kind": { "type": "string", "enum": ["ToString", "Equals", "HasFlag", "CompareTo", "GetTypeCode", "unknown", "a\u200Bb", "ab"] } } },
              "names_LEAVE": { "type": "object", "properties": { "x": { "type": "string" } } },
              "ReferenceEquals": { "type": "object", "properties": { "x": { "type": "string" } } }
            }
            """;
        var result = Run("{" + string.Join(", ",
            Get("/api/2026-07-01/resources/names/leaves", "{ \"$ref\": \"#/components/schemas/names_leave\" }"),
            Get("/api/2026-07-01/resources/names/others", "{ \"$ref\": \"#/components/schemas/names_LEAVE\" }"),
            Get("/api/2026-07-01/resources/names/refs", "{ \"$ref\": \"#/components/schemas/ReferenceEquals\" }")) + "}", schemas);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        // Both models are in the file of their first letter; the hint names stay unique ignoring case.
        var hints = result.RunResult.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Equal(hints.Count, hints.Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
        var file = result.Source("V2026_07_01.Models.L.g.cs");
        Assert.Contains("sealed partial class Leave\n", file, System.StringComparison.Ordinal);
        Assert.Contains("sealed partial class LEAVE\n", file, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_parameter_named_await_is_escaped_in_async_methods()
    {
        var path = """
            "/api/2026-07-01/resources/a/b/list": { "get": { "parameters": [{ "name": "await", "in": "query", "schema": { "type": "string" } }],
              "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "type": "string" } } } } } } } }
            """;

        var result = Run("{" + path + "}");

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
    }
}
