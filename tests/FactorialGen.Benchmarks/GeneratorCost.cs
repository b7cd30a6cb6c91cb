using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using FactorialGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/FactorialGen.Benchmarks -- generator [runs] [document…]</c>: runs the real
/// generator through <see cref="CSharpGeneratorDriver"/> on the real documents in <c>../shared/specs</c> (one client
/// over the whole document, as the build-cost consumer) and prints, per document: the first (cold, JIT) run, the median
/// of fresh-driver runs (warm process, nothing cached), the median of a reused driver after an unrelated edit (what a
/// compiler server with the generator cache or the IDE pays), the per-step breakdown, the compiler's parse of the
/// generated sources, and a SHA-256 of every generated source (to check a change kept the text byte-identical).
/// </summary>
internal static class GeneratorCost
{
    public static int Run(string[] args)
    {
        // --generator-from <FactorialGen.Generator.dll>: another build of the generator (e.g. of an older commit), for a before/after.
        var at = Array.IndexOf(args, "--generator-from");
        var from = at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        args = from is null ? args : args.Where((_, i) => i != at && i != at + 1).ToArray();
        var generator = from is null ? new FactorialClientGenerator() : LoadGenerator(from);
        s_generatorAssembly = generator.GetType().Assembly;
        Console.WriteLine($"generator: {s_generatorAssembly.Location}");
        var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 7;
        var names = args.SkipWhile(a => int.TryParse(a, out _)).Where(a => a != "--read-only").ToList();
        if (names.Count == 0)
        {
            names = ["factorial-openapi-2026-07-01.json", "factorial-openapi-2024-10-01.json", "factorial-openapi-2026-07-01.yaml"];
        }

        var specs = SpecsDirectory();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(FactorialScope).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.Logging.ILoggerFactory).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        if (args.Contains("--read-only"))
        {
            return ReadOnly(names.Where(n => n != "--read-only").ToList(), specs, runs);
        }

        foreach (var name in names)
        {
            var text = new FileText(Path.Combine(specs, name), File.ReadAllText(Path.Combine(specs, name)));
            var client = CSharpSyntaxTree.ParseText($"namespace Bench; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"{name}\")] public partial class Hr;", parseOptions, path: "Hr.cs");
            var compilation = CSharpCompilation.Create("Consumer", [client], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            GeneratorDriver Driver(bool track) => CSharpGeneratorDriver.Create(
                [generator.AsSourceGenerator()], [text], parseOptions, new Options(),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

            ClearDocumentCache();
            var stopwatch = Stopwatch.StartNew();
            var first = Driver(track: true).RunGenerators(compilation);
            var cold = stopwatch.Elapsed.TotalMilliseconds;
            var firstResult = first.GetRunResult().Results.Single();
            var coldSteps = Steps(firstResult);

            var fresh = new List<double>();
            var generatorReported = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                ClearDocumentCache();
                stopwatch.Restart();
                var driver = Driver(track: false).RunGenerators(compilation);
                fresh.Add(stopwatch.Elapsed.TotalMilliseconds);
                generatorReported.Add(driver.GetTimingInfo().ElapsedTime.TotalMilliseconds);
            }

            // A compiler server without the generator cache: a new driver per build, the generator (and its statics) loaded.
            var freshServer = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var copy = new FileText(text.Path, text.GetText()!.ToString());
                stopwatch.Restart();
                Driver(track: false).ReplaceAdditionalText(text, copy).RunGenerators(compilation);
                freshServer.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            var reused = new List<double>();
            var warmDriver = Driver(track: false).RunGenerators(compilation);
            for (var i = 0; i < runs; i++)
            {
                var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText($"class Unrelated{i} {{ }}", parseOptions, path: $"Unrelated{i}.cs"));
                stopwatch.Restart();
                warmDriver = warmDriver.RunGenerators(edited);
                reused.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            // A new AdditionalText object with the same content (what csc creates for each compilation).
            var sameContent = new List<double>();
            AdditionalText current = text;
            for (var i = 0; i < runs; i++)
            {
                var copy = new FileText(current.Path, current.GetText()!.ToString());
                stopwatch.Restart();
                warmDriver = warmDriver.ReplaceAdditionalText(current, copy).RunGenerators(compilation);
                current = copy;
                sameContent.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            ClearDocumentCache();
            var gcBefore = GC.CollectionCount(0);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var tracked = Driver(track: true).RunGenerators(compilation).GetRunResult().Results.Single();
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (1024.0 * 1024.0);
            var gcs = GC.CollectionCount(0) - gcBefore;
            var steps = Steps(tracked);

            var sources = firstResult.GeneratedSources;
            stopwatch.Restart();
            foreach (var source in sources)
            {
                CSharpSyntaxTree.ParseText(source.SourceText, parseOptions, path: source.HintName);
            }

            var parse = stopwatch.Elapsed.TotalMilliseconds;

            using var sha = SHA256.Create();
            var bytes = 0L;
            foreach (var source in sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
            {
                var data = Encoding.UTF8.GetBytes(source.HintName + "\n" + source.SourceText + "\n");
                bytes += data.Length;
                sha.TransformBlock(data, 0, data.Length, null, 0);
            }

            sha.TransformFinalBlock([], 0, 0);
            Console.WriteLine($"{name}: {sources.Length} files, {bytes} bytes, sha256 {Convert.ToHexString(sha.Hash!)[..16]}, diagnostics {firstResult.Diagnostics.Length}");
            foreach (var diagnostic in firstResult.Diagnostics)
            {
                Console.WriteLine("  " + diagnostic);
            }

            Console.WriteLine($"  first run (cold JIT) {cold:F0} ms | fresh driver median {Median(fresh):F1} ms (generator ElapsedTime {Median(generatorReported):F1} ms) | fresh driver, document kept by the process median {Median(freshServer):F1} ms | reused driver, unrelated edit median {Median(reused):F2} ms | reused driver, new AdditionalText same content median {Median(sameContent):F2} ms");
            Console.WriteLine($"  steps, first run: {coldSteps}");
            Console.WriteLine($"  steps, a warm fresh run: {steps}; allocated {allocated:F0} MB, {gcs} gen0 GCs");
            Console.WriteLine($"  compiler parse of the generated sources (not part of the generator's time; outside the driver) {parse:F0} ms");
        }

        return 0;
    }

    /// <summary>The steps of this generator (tracking names) and its source outputs, in ms; Roslyn's own inner steps left out.</summary>
    private static string Steps(GeneratorRunResult result)
    {
        var own = new[] { "DocumentText", "ReadDocument", "FindTargets", "BuildClient", "SelectModels" }; // StepNames (internal to the generator)
        var steps = own.Where(result.TrackedSteps.ContainsKey).Select(name => (Name: name, Ms: result.TrackedSteps[name].Sum(x => x.ElapsedTime.TotalMilliseconds)))
            .Concat(result.TrackedOutputSteps.Select(s => (Name: "emit:" + s.Key, Ms: s.Value.Sum(x => x.ElapsedTime.TotalMilliseconds))));
        return string.Join(", ", steps.Select(s => $"{s.Name} {s.Ms:F1}")) + " ms";
    }

    private static System.Reflection.Assembly? s_generatorAssembly;

    /// <summary>Only the document read (OpenApiReader.Read, internal: by reflection), warm: the median of <paramref name="runs"/> reads after two.</summary>
    private static int ReadOnly(List<string> names, string specs, int runs)
    {
        var read = s_generatorAssembly!.GetType("FactorialGen.Generator.Parsing.OpenApiReader", throwOnError: true)!
            .GetMethod("Read", [typeof(string), typeof(SourceText), typeof(bool), typeof(CancellationToken)])!;
        foreach (var name in names)
        {
            var path = Path.Combine(specs, name);
            var text = new FileText(path, File.ReadAllText(path)).GetText()!;
            var times = new List<double>();
            var allocated = 0L;
            for (var i = 0; i < runs + 2; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var stopwatch = Stopwatch.StartNew();
                read.Invoke(null, [path, text, false, CancellationToken.None]);
                if (i >= 2)
                {
                    times.Add(stopwatch.Elapsed.TotalMilliseconds);
                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }

            Console.WriteLine($"{name}: OpenApiReader.Read median {Median(times):F1} ms (min {times.Min():F1}), allocated {allocated / 1048576.0:F1} MB per read");
        }

        return 0;
    }

    private static IIncrementalGenerator LoadGenerator(string path)
    {
        var context = new GeneratorLoadContext(Path.GetFullPath(path));
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
        return (IIncrementalGenerator)Activator.CreateInstance(assembly.GetType("FactorialGen.Generator.FactorialClientGenerator", throwOnError: true)!)!;
    }

    /// <summary>Loads the generator and YamlDotNet from beside it; Roslyn and the framework come from the host (as in csc).</summary>
    private sealed class GeneratorLoadContext(string path) : System.Runtime.Loader.AssemblyLoadContext("generator-under-test")
    {
        protected override System.Reflection.Assembly? Load(System.Reflection.AssemblyName assemblyName)
        {
            var candidate = Path.Combine(Path.GetDirectoryName(path)!, assemblyName.Name + ".dll");
            return assemblyName.Name is "FactorialGen.Generator" or "YamlDotNet" && File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }

    /// <summary>Empties the generator's per-process document cache (internal: reached by reflection; absent in older generators).</summary>
    private static void ClearDocumentCache() =>
        s_generatorAssembly?.GetType("FactorialGen.Generator.Parsing.DocumentCache", throwOnError: false)?
            .GetMethod("Clear", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?.Invoke(null, null);

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static string SpecsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "specs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/specs directory above " + AppContext.BaseDirectory);
    }

    private sealed class FileText(string path, string text) : AdditionalText
    {
        // From a stream, as the compiler reads an AdditionalFiles item (a large document becomes a chunked LargeText).
        private readonly SourceText _text = SourceText.From(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8, SourceHashAlgorithm.Sha256);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options() : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Bench" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values([]);

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
