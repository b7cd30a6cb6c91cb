using System;
using System.IO;
using System.Linq;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// A document in the form Factorial publishes it (YAML) generates exactly what its JSON form generates: the YAML is
/// read into the same model, so nothing downstream can tell the two apart.
/// </summary>
public sealed class YamlDocumentTests(ITestOutputHelper output)
{
    private const string Json2026 = "factorial-openapi-2026-07-01.json";
    private const string Yaml2026 = "factorial-openapi-2026-07-01.yaml";

    [RealSpecFact(Yaml2026)]
    public void Yaml_and_json_forms_of_the_2026_document_generate_byte_identical_code()
    {
        var fromJson = Generate(GeneratorHarness.SharedSpec(Json2026));
        var fromYaml = Generate(GeneratorHarness.SharedSpec(Yaml2026));

        Assert.Empty(fromYaml.GeneratorDiagnostics);
        Assert.Empty(fromYaml.CompileProblems);
        var jsonSources = Sources(fromJson);
        var yamlSources = Sources(fromYaml);
        Assert.Equal(jsonSources.Select(s => s.HintName), yamlSources.Select(s => s.HintName));
        var different = jsonSources.Zip(yamlSources).Where(pair => pair.First.Text != pair.Second.Text).ToList();
        Assert.True(different.Count == 0, $"{different.Count} of {jsonSources.Length} files differ between the JSON and YAML forms, first {different.FirstOrDefault().First.HintName}:\n"
            + (different.Count > 0 ? FirstDifference(different[0].First.Text, different[0].Second.Text) : string.Empty));

        output.WriteLine($"{yamlSources.Length} generated files, {yamlSources.Sum(s => s.Text.Length) / 1024} KiB, byte-identical");
    }

    [RealSpecFact(Yaml2026)]
    public void Real_yaml_document_reads_to_the_same_json_as_its_json_form()
    {
        var yaml = File.ReadAllText(RealSpecFactAttribute.PathOf(Yaml2026));
        var json = File.ReadAllText(RealSpecFactAttribute.PathOf(Json2026));

        var converted = YamlConversion.ToJson(yaml);

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(json), System.Text.Json.Nodes.JsonNode.Parse(converted)));
    }

    [Fact]
    public void Yaml_document_is_picked_up_by_the_factorial_name_convention_in_both_extensions()
    {
        foreach (var name in new[] { "factorial-small.yaml", "factorial-small.yml" })
        {
            var result = GeneratorHarness.Run(
                $"namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"{name}\")] public partial class Hr;",
                GeneratorHarness.Document($"/specs/{name}", SmallYaml.Document));

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompileProblems);
            Assert.NotNull(result.Output.GetTypeByMetadataName("Acme.FactorialApi.V2026_07_01.Thing"));
        }
    }

    [Fact]
    public void Small_yaml_document_and_its_json_form_generate_byte_identical_code()
    {
        var fromYaml = Generate(GeneratorHarness.Document("/specs/factorial-small.yaml", SmallYaml.Document), "factorial-small.yaml");
        var fromJson = Generate(GeneratorHarness.Document("/specs/factorial-small.json", SmallYaml.Json), "factorial-small.json");

        Assert.Empty(fromYaml.GeneratorDiagnostics);
        Assert.Empty(fromYaml.CompileProblems);
        Assert.Equal(Sources(fromJson), Sources(fromYaml));
    }

    [Fact]
    public void Yaml_only_words_stay_strings_so_an_on_off_enum_is_generated_as_strings()
    {
        var result = Generate(GeneratorHarness.Document("/specs/factorial-small.yaml", SmallYaml.Document), "factorial-small.yaml");

        var switchState = result.Type("Acme.FactorialApi.V2026_07_01.ThingSwitch");
        Assert.Equal(TypeKind.Enum, switchState.TypeKind);
        Assert.Equal(["No", "Off", "On", "Unknown", "Yes"], switchState.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name).Order(StringComparer.Ordinal));
        var json = result.Source("V2026_07_01.Serialization.T.g.cs"); // the enum's converter holds its JSON values
        Assert.Contains("\"on\"", json, StringComparison.Ordinal);
        Assert.Contains("\"off\"", json, StringComparison.Ordinal);
    }

    internal static GeneratorHarness.Result Generate(AdditionalText document, string? spec = null) =>
        GeneratorHarness.Run(
            $"namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"{spec ?? Path.GetFileName(document.Path)}\")] public partial class HrToday;",
            document);

    private static (string HintName, string Text)[] Sources(GeneratorHarness.Result result) =>
        result.RunResult.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal).ToArray();

    private static string FirstDifference(string left, string right)
    {
        var i = 0;
        while (i < left.Length && i < right.Length && left[i] == right[i])
        {
            i++;
        }

        var from = Math.Max(0, i - 200);
        return $"JSON: …{left.Substring(from, Math.Min(400, left.Length - from))}…\nYAML: …{right.Substring(from, Math.Min(400, right.Length - from))}…";
    }
}
