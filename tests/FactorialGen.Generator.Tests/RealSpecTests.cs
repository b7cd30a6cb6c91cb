using System.Diagnostics;
using System.Linq;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace FactorialGen.Generator.Tests;

/// <summary>The real Factorial documents (read from ../shared/specs, never copied into the repository).</summary>
public sealed class RealSpecTests(ITestOutputHelper output)
{
    private const string V2024 = "factorial-openapi-2024-10-01.json";
    private const string V2026 = "factorial-openapi-2026-07-01.json";

    [RealSpecFact(V2024)]
    public void Document_2024_10_01_yields_all_404_operations_and_compiles_clean()
    {
        var result = Generate(V2024, "HrFull");

        // Only FG1012: 2024-10-01 is more than a year older than 2026-07-01, the newest version the package knows.
        Assert.Equal("FG1012", Assert.Single(result.GeneratorDiagnostics).Id);
        Assert.Empty(result.CompileProblems);
        Assert.Equal(404, DistinctOperations(result.Type("Acme.HrFull")));
    }

    [RealSpecFact(V2026)]
    public void Document_2026_07_01_yields_all_550_operations_and_compiles_clean()
    {
        var result = Generate(V2026, "HrToday");

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Assert.Equal(550, DistinctOperations(result.Type("Acme.HrToday")));
        Assert.Equal("2026-07-01", result.Type("Acme.HrToday").GetMembers("ApiVersion").OfType<Microsoft.CodeAnalysis.IFieldSymbol>().Single().ConstantValue);
    }

    [RealSpecFact(V2024)]
    public void Two_versions_coexist_with_models_in_their_own_namespaces()
    {
        if (!System.IO.File.Exists(RealSpecFactAttribute.PathOf(V2026)))
        {
            return;
        }

        var result = GeneratorHarness.Run(
            [$"[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"{V2024}\")] public partial class Old;",
             $"[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"{V2026}\")] public partial class New;",
             "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Core;"],
            [GeneratorHarness.SharedSpec(V2024), GeneratorHarness.SharedSpec(V2026)]);

        Assert.Empty(result.CompileProblems);
        Assert.NotNull(result.Output.GetTypeByMetadataName("Acme.FactorialApi.V2024_10_01.Employee"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Acme.FactorialApi.V2026_07_01.Employee"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Acme.FactorialApi.Employee"));
    }

    [RealSpecFact(V2024)]
    public void Generation_time_of_the_2024_document_is_reported()
    {
        // A measurement for the closing note, not a timed assertion: the first run pays for JIT; the compiler server
        // keeps the generator loaded, so later fresh compilations see the warm figures.
        var source = $"[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"{V2024}\")] public partial class HrFull;";
        var document = GeneratorHarness.SharedSpec(V2024);
        var compilation = GeneratorHarness.Compilation(source);

        var cold = Stopwatch.StartNew();
        var driver = GeneratorHarness.Driver([document]).RunGenerators(compilation);
        cold.Stop();

        var fresh = Enumerable.Range(0, 3).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            GeneratorHarness.Driver([document]).RunGenerators(compilation);
            return watch.Elapsed.TotalMilliseconds;
        }).ToList();

        var incremental = Enumerable.Range(0, 5).Select(i =>
        {
            var edited = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText($"class Unrelated{i} {{ }}", GeneratorHarness.ParseOptions));
            var watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(edited);
            return watch.Elapsed.TotalMilliseconds;
        }).ToList();

        var parse = Stopwatch.StartNew();
        var parsed = OpenApiReader.Read(document.Path, document.GetText(), isBuiltIn: false, default);
        parse.Stop();

        var files = driver.GetRunResult().Results.Single().GeneratedSources;
        output.WriteLine($"first run (with JIT) {cold.ElapsedMilliseconds} ms; fresh driver, warm process: {string.Join(" / ", fresh.Select(t => t.ToString("0")))} ms; "
            + $"re-run after an unrelated edit: {string.Join(" / ", incremental.Select(t => t.ToString("0.0")))} ms; document parse (warm) {parse.ElapsedMilliseconds} ms; "
            + $"{files.Length} files, {files.Sum(f => f.SourceText.Length) / 1024} KiB");
        Assert.NotNull(parsed.Value);
    }

    private static GeneratorHarness.Result Generate(string fileName, string client) =>
        GeneratorHarness.Run(
            $"namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"{fileName}\")] public partial class {client};",
            GeneratorHarness.SharedSpec(fileName));

    private static int DistinctOperations(INamedTypeSymbol client) =>
        client.GetTypeMembers().SelectMany(g => g.GetTypeMembers()).SelectMany(r => r.GetMembers().OfType<IMethodSymbol>())
            .Select(m => m.GetAttributes().SingleOrDefault(a => a.AttributeClass?.Name == "FactorialOperationAttribute"))
            .Where(a => a is not null)
            .Select(a => $"{a!.ConstructorArguments[0].Value} {a.ConstructorArguments[1].Value}")
            .Distinct()
            .Count();
}
