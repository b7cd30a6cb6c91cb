using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FactorialGen.Benchmarks;

/// <summary>Short but steady: in-process (no extra build), 3 warm-up and 10 measured iterations.</summary>
public sealed class RuntimeConfig : ManualConfig
{
    public RuntimeConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("InProcess-10"));
}

/// <summary>A full walk of 100 pages takes seconds: one invocation per iteration, 1 warm-up and 5 measured iterations.</summary>
public sealed class PagingConfig : ManualConfig
{
    public PagingConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
            .WithInvocationCount(1).WithUnrollFactor(1).WithId("InProcess-walk"));
}
