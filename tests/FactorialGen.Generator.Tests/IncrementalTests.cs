using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactorialGen.Generator.Tests;

/// <summary>The pipeline caches: unrelated edits re-run nothing, and an edited client regenerates alone.</summary>
public sealed class IncrementalTests
{
    private const string Reports = "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class HrReports;";
    private const string Admin = "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-small.json\")] public partial class HrAdmin;";

    private const string SmallDocument = """
        {
          "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
          "paths": {
            "/api/2026-07-01/resources/things/things": {
              "get": { "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/things_thing" } } } } } } },
              "post": { "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/things_thing" } } } }, "responses": { "201": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/things_thing" } } } } } }
            }
          },
          "components": { "schemas": { "things_thing": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" } } } } }
        }
        """;

    private static readonly string[] CachedOrUnchanged = [nameof(IncrementalStepRunReason.Cached), nameof(IncrementalStepRunReason.Unchanged)];

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compilation(Reports, Admin);
        var driver = GeneratorHarness.Driver([GeneratorHarness.Document("/specs/factorial-small.json", SmallDocument)]).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int x; }", GeneratorHarness.ParseOptions)));
        var result = driver.GetRunResult().Results.Single();

        foreach (var step in new[] { StepNames.DocumentText, StepNames.ReadDocument, StepNames.FindTargets, StepNames.BuildClient, StepNames.SelectModels })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), output => Assert.Contains(output.Reason.ToString(), CachedOrUnchanged));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Contains(output.Reason.ToString(), CachedOrUnchanged));
    }

    [Fact]
    public void Moving_a_client_down_a_line_re_reads_the_target_but_does_not_re_emit()
    {
        var compilation = GeneratorHarness.Compilation(Reports, Admin);
        var driver = GeneratorHarness.Driver([GeneratorHarness.Document("/specs/factorial-small.json", SmallDocument)]).RunGenerators(compilation);

        var moved = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("\n\n" + Reports, GeneratorHarness.ParseOptions, path: "Source0.cs"));
        var result = driver.RunGenerators(moved).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[StepNames.FindTargets].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(result.TrackedSteps[StepNames.BuildClient].SelectMany(s => s.Outputs), output => Assert.Contains(output.Reason.ToString(), CachedOrUnchanged));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Contains(output.Reason.ToString(), CachedOrUnchanged));
    }

    [Fact]
    public void Editing_one_clients_attribute_regenerates_only_that_client()
    {
        var compilation = GeneratorHarness.Compilation(Reports, Admin);
        var driver = GeneratorHarness.Driver([GeneratorHarness.Document("/specs/factorial-small.json", SmallDocument)]).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText(Reports.Replace("FactorialScope.Read)", "FactorialScope.Write)"), GeneratorHarness.ParseOptions, path: "Source0.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[StepNames.BuildClient].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.All(result.TrackedSteps[StepNames.ReadDocument].SelectMany(s => s.Outputs), output => Assert.Contains(output.Reason.ToString(), CachedOrUnchanged));
    }

    /// <summary>
    /// What a compiler server with the generator cache (or an IDE) does on the next build: the cached driver gets new
    /// AdditionalText objects with the same text and new options. The document is not read again and nothing is re-emitted.
    /// </summary>
    [Fact]
    public void A_new_document_object_with_the_same_text_and_new_options_re_read_nothing()
    {
        var compilation = GeneratorHarness.Compilation(Reports, Admin);
        var original = GeneratorHarness.Document("/specs/factorial-small.json", SmallDocument);
        var driver = GeneratorHarness.Driver([original]).RunGenerators(compilation);

        var copy = GeneratorHarness.Document("/specs/factorial-small.json", new string(SmallDocument.ToCharArray()));
        var result = driver.ReplaceAdditionalText(original, copy).WithUpdatedAnalyzerConfigOptions(GeneratorHarness.OptionsProvider())
            .RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(result.TrackedSteps[StepNames.DocumentText].SelectMany(s => s.Outputs), output => Assert.Contains(output.Reason.ToString(), CachedOrUnchanged));
        Assert.All(result.TrackedSteps[StepNames.ReadDocument].SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        foreach (var step in new[] { StepNames.BuildClient, StepNames.SelectModels })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), output => Assert.Contains(output.Reason.ToString(), CachedOrUnchanged));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Contains(output.Reason.ToString(), CachedOrUnchanged));
    }

    [Fact]
    public void The_same_text_under_another_path_is_read_again()
    {
        var compilation = GeneratorHarness.Compilation(Admin);
        var original = GeneratorHarness.Document("/specs/factorial-small.json", SmallDocument);
        var driver = GeneratorHarness.Driver([original]).RunGenerators(compilation);

        var moved = GeneratorHarness.Document("/other/factorial-small.json", SmallDocument);
        var result = driver.ReplaceAdditionalText(original, moved).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[StepNames.ReadDocument].SelectMany(s => s.Outputs), o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New or IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_the_document_re_reads_it()
    {
        var compilation = GeneratorHarness.Compilation(Admin);
        var original = GeneratorHarness.Document("/specs/factorial-small.json", SmallDocument);
        var driver = GeneratorHarness.Driver([original]).RunGenerators(compilation);

        var changed = GeneratorHarness.Document("/specs/factorial-small.json", SmallDocument.Replace("\"id\": { \"type\": \"string\" }", "\"id\": { \"type\": \"string\" }, \"name\": { \"type\": \"string\" }"));
        var result = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[StepNames.ReadDocument].SelectMany(s => s.Outputs), o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Contains("public string? Name", result.GeneratedSources.Single(s => s.HintName.EndsWith(".Models.T.g.cs", System.StringComparison.Ordinal)).SourceText.ToString());
    }
}
