using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FactorialGen.Redis;
using Xunit.Abstractions;

namespace FactorialGen.Tests;

/// <summary>
/// Many replicas, one token: separate processes, each with many concurrent callers, share the token through Redis and
/// refresh it exactly once per lifetime (the sandbox counts every refresh grant, accepted or not).
/// </summary>
public sealed class ClusterRefreshTests(ITestOutputHelper output)
{
    private const int Processes = 4;
    private const int CallersPerProcess = 50;
    private const int Lifetimes = 10;

    [Fact]
    public async Task Four_processes_with_fifty_callers_each_refresh_once_per_token_lifetime_and_no_call_fails()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var key = $"factorial:company-{Guid.NewGuid():N}";
        await using (var seed = new RedisTokenStore(redis.ConnectionString, key))
        {
            await seed.SaveAsync(await sandbox.AuthorizeAsync(FactorialScope.Read));
        }

        var replicas = new List<ChildProcess>();
        try
        {
            for (var i = 0; i < Processes; i++)
            {
                replicas.Add(Replicas.Start(sandbox, redis, key, TimeSpan.FromSeconds(5)));
            }

            foreach (var replica in replicas)
            {
                Assert.Equal("ready", await replica.ReadLineAsync());
            }

            var calls = 0;
            var failures = 0;
            var grantsPerLifetime = new List<int>();
            var last = "";
            for (var lifetime = 0; lifetime <= Lifetimes; lifetime++)
            {
                if (lifetime > 0)
                {
                    await Replicas.AdvanceAsync(sandbox, replicas, sandbox.Server.Options.AccessTokenLifetime);
                }

                var before = sandbox.Server.Stats.RefreshGrants;
                await Task.WhenAll(replicas.Select(r => r.WriteLineAsync($"burst {CallersPerProcess}")));
                var bursts = new List<Replicas.Burst>();
                foreach (var replica in replicas)
                {
                    bursts.Add(Replicas.Burst.Parse(await replica.ReadLineAsync()));
                }

                calls += bursts.Sum(b => b.Ok + b.Failed);
                failures += bursts.Sum(b => b.Failed);
                Assert.True(bursts.All(b => b.Failed == 0), $"lifetime {lifetime}: failed calls: {string.Join("; ", bursts.Select(b => b.Errors))}");
                last = Assert.Single(bursts.Select(b => b.Fingerprint).Distinct()); // every replica ends on the same pair
                if (lifetime > 0)
                {
                    grantsPerLifetime.Add(sandbox.Server.Stats.RefreshGrants - before);
                }
            }

            output.WriteLine($"replicas={Processes} callers/replica={CallersPerProcess} lifetimes={Lifetimes} calls={calls} failures={failures} refreshGrants={sandbox.Server.Stats.RefreshGrants} perLifetime=[{string.Join(',', grantsPerLifetime)}]");
            Assert.Equal(Enumerable.Repeat(1, Lifetimes), grantsPerLifetime);
            Assert.Equal(Lifetimes, sandbox.Server.Stats.RefreshGrants);
            Assert.Equal(0, failures);
            Assert.Equal(Processes * CallersPerProcess * (Lifetimes + 1), calls);

            await using var check = new RedisTokenStore(redis.ConnectionString, key);
            var stored = await check.LoadAsync();
            Assert.Equal(last, stored!.Fingerprint); // Redis holds the pair every replica uses
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }
}
