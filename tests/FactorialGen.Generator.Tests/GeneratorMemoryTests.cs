using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace FactorialGen.Generator.Tests;

/// <summary>What the generator costs in memory on the real 404-operation document (figures for docs/benchmarks.md).</summary>
[Collection(MeasurementCollection.Name)]
public sealed class GeneratorMemoryTests(ITestOutputHelper output)
{
    private const string V2024 = "factorial-openapi-2024-10-01.json";

    [RealSpecFact(V2024)]
    public void Memory_allocated_and_held_by_the_pipeline_of_the_2024_document_is_reported()
    {
        // A measurement, not a timed assertion. The driver is created as the compiler creates it (no step tracking).
        // A first run on the same compilation pays for JIT and for the compilation's own lazily bound state, which the
        // compiler has anyway; what the measured run adds and keeps is the generator's: its cached pipeline and output.
        // Each stage runs in its own method so that no local of a debug build keeps the driver alive.
        var source = $"[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"{V2024}\")] public partial class HrFull;";
        var document = GeneratorHarness.SharedSpec(V2024);
        var compilation = GeneratorHarness.Compilation(source);
        Warm(compilation, document);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var run = HoldDriver(compilation, document, before);
        var released = GC.GetTotalMemory(forceFullCollection: true) - before;

        output.WriteLine($"fresh driver, warm process: {run.Milliseconds} ms, allocated {run.Allocated / 1048576.0:0.0} MiB; "
            + $"held while the driver lives {run.Held / 1048576.0:0.0} MiB ({run.Files} files, {run.OutputChars / 1024} K chars of output = "
            + $"{run.OutputChars * 2 / 1048576.0:0.0} MiB as UTF-16); after the driver is dropped {released / 1048576.0:0.0} MiB");
        Assert.True(run.Files > 20 && run.OutputChars > 1_000_000, $"{run.Files} files, {run.OutputChars} chars: the whole document was not generated");
        GC.KeepAlive(compilation);
        GC.KeepAlive(document);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Warm(Compilation compilation, AdditionalText document) =>
        GeneratorHarness.Driver([document], trackSteps: false).RunGenerators(compilation);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (long Milliseconds, long Allocated, long Held, int Files, long OutputChars) HoldDriver(Compilation compilation, AdditionalText document, long before)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var driver = GeneratorHarness.Driver([document], trackSteps: false).RunGenerators(compilation);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        var (files, chars) = Output(driver);
        GC.KeepAlive(driver);
        return (watch.ElapsedMilliseconds, allocated, held, files, chars);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (int Files, long Chars) Output(GeneratorDriver driver)
    {
        var sources = driver.GetRunResult().Results.Single().GeneratedSources;
        return (sources.Length, sources.Sum(s => (long)s.SourceText.Length));
    }
}

/// <summary>Tests that read process-wide counters (allocated bytes, heap size): run alone, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasurementCollection
{
    public const string Name = "Measurements";
}
