using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace FactorialGen.Benchmarks;

/// <summary>
/// <c>-- quick</c>: a few seconds instead of minutes, for trying a change. Runs each <see cref="RuntimeBenchmarks"/>
/// method on one thread (the in-memory transport completes synchronously), interleaved in rounds (so a machine busy with other work slows every method alike), and prints the
/// median and the fastest round and the exact bytes allocated per call. BenchmarkDotNet's figures are the ones to publish.
/// </summary>
internal static class QuickCheck
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 25;
        var bench = new RuntimeBenchmarks();
        bench.Setup();
        var methods = new List<(string Name, string Category, bool Baseline, Func<Task> Call)>();
        foreach (var method in typeof(RuntimeBenchmarks).GetMethods())
        {
            if (method.GetCustomAttribute<BenchmarkAttribute>() is { } attribute)
            {
                var category = method.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories[0] ?? "";
                methods.Add((method.Name, category, attribute.Baseline, method.CreateDelegate<Func<Task>>(bench)));
            }
        }

        var times = new Dictionary<string, List<double>>();
        var bytes = new Dictionary<string, long>();
        foreach (var (name, _, _, call) in methods)
        {
            times[name] = [];
            for (var i = 0; i < 300; i++)
            {
                await call();
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, category, _, call) in methods)
            {
                var n = category.Contains("page", StringComparison.Ordinal) ? 20 : 400;
                var before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < n; i++)
                {
                    var task = call();
                    if (!task.IsCompleted)
                    {
                        await task;
                    }
                }

                watch.Stop();
                bytes[name] = (GC.GetAllocatedBytesForCurrentThread() - before) / n;
                times[name].Add(watch.Elapsed.TotalMicroseconds / n);
            }
        }

        Console.WriteLine($"{"method",-30} {"median us",10} {"ratio",6} {"min us",8} {"ratio",6} {"bytes",8} {"ratio",6}");
        foreach (var group in methods.GroupBy(m => m.Category))
        {
            var baseline = group.Single(m => m.Baseline).Name;
            var baseTime = Median(times[baseline]);
            var baseMin = times[baseline].Min();
            foreach (var (name, _, _, _) in group)
            {
                var t = Median(times[name]);
                var min = times[name].Min();
                Console.WriteLine($"{name,-30} {t,10:0.00} {t / baseTime,6:0.00} {min,8:0.00} {min / baseMin,6:0.00} {bytes[name],8} {(double)bytes[name] / bytes[baseline],6:0.00}");
            }
        }

        bench.Cleanup();
        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
