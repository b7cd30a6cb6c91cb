using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace FactorialGen.Benchmarks;

/// <summary>
/// <c>ListAllAsync</c> over 10,000 employees (100 pages of 100) from a sandbox in another process that waits 20 ms
/// before each answer: one page at a time versus a window of pages requested ahead.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PagingConfig))]
public class PagingBenchmarks
{
    /// <summary>The list filters the baselines send too (only_active=false, only_managers=false), made once.</summary>
    private static readonly FactorialGen.Benchmarks.FactorialApi.EmployeesListOptions AllEmployees = new() { OnlyActive = false, OnlyManagers = false };

    public const int Employees = 10_000;
    private SandboxProcess _sandbox = null!;
    private Hr _hr = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sandbox = SandboxProcess.Start(Employees, TimeSpan.FromMilliseconds(20));
        _hr = new Hr(new FactorialApiKey(_sandbox.ApiKey), new FactorialClientOptions { BaseAddress = _sandbox.BaseAddress });
        VerifyAndMeasureHeapAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _hr.Dispose();
        _sandbox.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Page, sequential")]
    public Task<int> Sequential() => CountAsync(Paging(1));

    [Benchmark(Description = "Cursor (default), sequential")]
    public Task<int> Cursor() => CountAsync(null);

    [Benchmark(Description = "Page, prefetch 4")]
    public Task<int> Prefetch4() => CountAsync(Paging(4));

    [Benchmark(Description = "Page, prefetch 8")]
    public Task<int> Prefetch8() => CountAsync(Paging(8));

    [Benchmark(Description = "Page, prefetch 16")]
    public Task<int> Prefetch16() => CountAsync(Paging(16));

    private static FactorialPaging Paging(int prefetch) => new() { Mode = FactorialPagingMode.Page, Prefetch = prefetch };

    private async Task<int> CountAsync(FactorialPaging? paging)
    {
        var count = 0;
        await foreach (var _ in _hr.Employees.Employees.ListAllAsync(AllEmployees, paging: paging))
        {
            count++;
        }

        return count == Employees ? count : throw new InvalidOperationException($"Read {count} employees instead of {Employees}.");
    }

    /// <summary>
    /// Same items in the same order for every mode; and the largest live heap seen while reading (a full collection
    /// before each look, in the middle of every page, so only what is held counts: the pages in the window and pooled
    /// read buffers, not garbage).
    /// </summary>
    private async Task VerifyAndMeasureHeapAsync()
    {
        var report = new List<string>();
        var pageBytes = await OnePageBytesAsync();
        report.Add($"one page of 100 employees held in memory: {pageBytes / 1024.0:0} KiB");
        List<string>? reference = null;
        foreach (var (name, paging) in new (string, FactorialPaging?)[]
        {
            ("page, sequential", Paging(1)), ("cursor (default), sequential", null), ("page, prefetch 4", Paging(4)),
            ("page, prefetch 8", Paging(8)), ("page, prefetch 16", Paging(16)),
        })
        {
            var ids = await IdsAsync(paging);
            reference ??= ids;
            if (ids.Count != Employees || ids.Distinct().Count() != Employees || !ids.SequenceEqual(reference))
            {
                throw new InvalidOperationException($"{name}: {ids.Count} items, not the same items in the same order as sequential paging.");
            }

            var peak = await PeakLiveHeapAsync(paging);
            report.Add($"{name}: {ids.Count} distinct items, same order as sequential; peak live heap while reading {peak / 1024.0:0} KiB = {(double)peak / pageBytes:0.0} pages");
        }

        var text = string.Join(Environment.NewLine, report);
        Console.WriteLine(text);
        Directory.CreateDirectory(Program.ArtifactsPath);
        File.WriteAllText(Path.Combine(Program.ArtifactsPath, "paging-verification.txt"), text + Environment.NewLine);
    }

    private async Task<List<string>> IdsAsync(FactorialPaging? paging)
    {
        var ids = new List<string>(Employees);
        await foreach (var e in _hr.Employees.Employees.ListAllAsync(AllEmployees, paging: paging))
        {
            ids.Add(e.Id);
        }

        return ids;
    }

    private async Task<long> OnePageBytesAsync()
    {
        await TinyRequestAsync();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var page = await _hr.Employees.Employees.ListAsync(AllEmployees, limit: 100);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(page);
        return held;
    }

    /// <summary>
    /// Seen while measuring: after a walk, its last page stays reachable until the next request (what holds it was not
    /// pinned down; not the pooled async boxes, which were checked). A one-item request first, so that page is not in
    /// the baseline only to be released mid-walk, which would hide one page of the peak.
    /// </summary>
    private Task TinyRequestAsync() => _hr.Employees.Employees.ListAsync(AllEmployees, limit: 1);

    private async Task<long> PeakLiveHeapAsync(FactorialPaging? paging)
    {
        await TinyRequestAsync();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var seen = 0;
        await foreach (var _ in _hr.Employees.Employees.ListAllAsync(AllEmployees, paging: paging))
        {
            if (++seen % 100 == 50)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        return peak;
    }
}
