using System;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace FactorialGen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/FactorialGen.Benchmarks -- --filter '*'</c> runs every benchmark; see
/// docs/benchmarks.md. <c>generator</c> measures the source generator (see <see cref="GeneratorCost"/>), <c>compile</c> the
/// compiler on generated text (see <see cref="CompileCost"/>); <c>sandbox-server</c> is the child process of <see cref="PagingBenchmarks"/>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["sandbox-server", ..])
        {
            return await SandboxProcess.ServeAsync(args[1..]);
        }

        if (args is ["generator", ..])
        {
            return GeneratorCost.Run(args[1..]);
        }

        if (args is ["compile", ..])
        {
            return CompileCost.Run(args[1..]);
        }

        if (args is ["quick", ..])
        {
            return await QuickCheck.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.WithArtifactsPath(ArtifactsPath));
        return 0;
    }

    /// <summary>Reports go to <c>artifacts/benchmarks</c> at the repository root (ignored by git).</summary>
    public static string ArtifactsPath { get; } = FindArtifactsPath();

    private static string FindArtifactsPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FactorialGen.sln")))
            {
                return Path.Combine(directory.FullName, "artifacts", "benchmarks");
            }
        }

        return Path.GetFullPath("BenchmarkDotNet.Artifacts");
    }
}
