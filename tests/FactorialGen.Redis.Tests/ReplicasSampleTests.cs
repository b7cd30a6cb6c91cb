using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace FactorialGen.Tests;

/// <summary>
/// The replicas sample end to end, with small numbers: the sandbox as a separate process, two replica processes on
/// one real Redis, a short token lifetime and a budget window scaled down to one second. Its JSON line must show no
/// failed call, exactly one refresh grant per token lifetime, and never more POSTs than the budget in any window.
/// </summary>
public sealed class ReplicasSampleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_replica_processes_refresh_once_per_lifetime_and_stay_under_the_post_budget()
    {
        await using var redis = await RedisServer.StartAsync();
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "FactorialGen.Samples.Replicas.dll"),
            "--replicas", "2", "--calls", "5", "--lifetimes", "2", "--token-lifetime", "3",
            "--posts", "24", "--budget", "5", "--window", "1", "--redis", redis.ConnectionString,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var sample = Process.Start(start)!;
        var stderr = sample.StandardError.ReadToEndAsync();
        var stdout = await sample.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(3)); // a hang guard only
        await sample.WaitForExitAsync();
        output.WriteLine(stdout);
        output.WriteLine(await stderr);

        Assert.Equal(0, sample.ExitCode);
        using var figures = JsonDocument.Parse(stdout.Trim());
        var root = figures.RootElement;
        Assert.Equal(2, root.GetProperty("replicas").GetInt32());
        Assert.True(root.GetProperty("calls").GetInt32() > 0);
        Assert.Equal(0, root.GetProperty("failures").GetInt32());
        Assert.Equal(root.GetProperty("lifetimes").GetInt32(), root.GetProperty("refreshGrants").GetInt32());
        Assert.Equal(24, root.GetProperty("posts").GetInt32());
        Assert.InRange(root.GetProperty("maxPostsPerMinute").GetInt32(), 1, 5);
        Assert.Equal(0, root.GetProperty("rateLimited").GetInt32());
        Assert.DoesNotContain(redis.Password, stdout + await stderr, StringComparison.Ordinal);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current
        : "dotnet";
}
