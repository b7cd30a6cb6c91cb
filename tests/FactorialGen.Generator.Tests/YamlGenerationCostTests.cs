using System;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace FactorialGen.Generator.Tests;

/// <summary>What reading the 2026-07-01 document as YAML costs against its JSON form (figures for the build-cost table).</summary>
[Collection(MeasurementCollection.Name)]
public sealed class YamlGenerationCostTests(ITestOutputHelper output)
{
    private const string Json2026 = "factorial-openapi-2026-07-01.json";
    private const string Yaml2026 = "factorial-openapi-2026-07-01.yaml";

    [RealSpecFact(Yaml2026)]
    public void Generation_time_of_the_yaml_and_json_forms_is_reported()
    {
        // A measurement, not a timed assertion. Run alone in a fresh process (--filter) for the cold figures: the first
        // run pays for the generator's JIT, the first YAML run also for YamlDotNet's and the converter's. The
        // converter caches by content, so every uncached YAML run gets a unique trailing comment.
        var json = GeneratorHarness.SharedSpec(Json2026);
        var yamlText = GeneratorHarness.SharedSpec(Yaml2026).GetText()!.ToString();
        AdditionalText Yaml() => GeneratorHarness.Document($"/specs/{Yaml2026}", yamlText + $"\n# {Guid.NewGuid():N}\n");
        var jsonCompilation = Compilation(Json2026);
        var yamlCompilation = Compilation(Yaml2026);

        // FACTORIALGEN_MEASURE_YAML_FIRST=1 swaps the first two runs: then the YAML run is the process's cold one.
        var yamlFirst = Environment.GetEnvironmentVariable("FACTORIALGEN_MEASURE_YAML_FIRST") == "1";
        var firstYaml = yamlFirst ? Time(yamlCompilation, Yaml()) : 0;
        var firstJson = Time(jsonCompilation, json);
        firstYaml = yamlFirst ? firstYaml : Time(yamlCompilation, Yaml());
        var warmJson = Enumerable.Range(0, 5).Select(_ => Time(jsonCompilation, json)).Min();
        var warmYaml = Enumerable.Range(0, 5).Select(_ => Time(yamlCompilation, Yaml())).Min();
        var cached = Yaml();
        var warmCachedYaml = Enumerable.Range(0, 5).Select(_ => Time(yamlCompilation, cached)).Min();
        var convert = Enumerable.Range(0, 5).Select(_ =>
        {
            var text = yamlText + $"\n# {Guid.NewGuid():N}\n";
            var watch = Stopwatch.StartNew();
            YamlConversion.ToJson(text);
            return watch.Elapsed.TotalMilliseconds;
        }).Min();

        output.WriteLine($"2026-07-01, one generator run (fresh driver; {(yamlFirst ? "YAML" : "JSON")} ran first): JSON first {firstJson:0} ms, warm {warmJson:0} ms; "
            + $"YAML first {firstYaml:0} ms, warm {warmYaml:0} ms, warm with the conversion cached {warmCachedYaml:0} ms; "
            + $"YAML-to-JSON conversion alone (warm) {convert:0} ms");
        Assert.True(warmYaml > 0 && warmCachedYaml > 0);
    }

    private static Compilation Compilation(string spec) =>
        GeneratorHarness.Compilation($"namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"{spec}\")] public partial class HrToday;");

    private static double Time(Compilation compilation, AdditionalText document)
    {
        var watch = Stopwatch.StartNew();
        var driver = GeneratorHarness.Driver([document], trackSteps: false).RunGenerators(compilation);
        watch.Stop();
        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees);
        return watch.Elapsed.TotalMilliseconds;
    }
}
