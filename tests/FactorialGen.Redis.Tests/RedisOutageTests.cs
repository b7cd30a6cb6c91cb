using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using FactorialGen.Redis;
using Xunit.Abstractions;

namespace FactorialGen.Tests;

/// <summary>
/// Redis stopped in the middle of a run (and restarted empty: no persistence): calls that need the store get a typed
/// <see cref="FactorialTokenStoreException"/> with no secret in it, the store reconnects by itself, and no pair is lost.
/// </summary>
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LockExpiry = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Redis_down_gives_typed_errors_then_recovers_by_itself_without_losing_the_pair()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var key = $"factorial:company-{Guid.NewGuid():N}";
        var issued = await sandbox.AuthorizeAsync(FactorialScope.Read);
        await using (var seed = new RedisTokenStore(redis.ConnectionString, key))
        {
            await seed.SaveAsync(issued);
        }

        var replicas = Enumerable.Range(0, 3).Select(_ => InProcessReplica.Create(sandbox, redis, key, LockExpiry)).ToArray();
        var secrets = new List<string> { redis.Password, issued.AccessToken, issued.RefreshToken! };
        try
        {
            // Lifetime 1: all well.
            sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime);
            Assert.Empty((await Task.WhenAll(replicas.Select(r => r.BurstAsync(20)))).SelectMany(e => e));
            Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
            var beforeOutage = replicas[0].Source.Current!;
            secrets.Add(beforeOutage.AccessToken);
            secrets.Add(beforeOutage.RefreshToken!);

            // Redis goes away; the token expires: every call that needs a refresh fails with a typed error, none refreshes.
            await redis.StopAsync();
            sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime);
            var outage = Stopwatch.GetTimestamp();
            var down = (await Task.WhenAll(replicas.Select(r => r.BurstAsync(5)))).SelectMany(e => e).ToArray();
            var failedAfter = Stopwatch.GetElapsedTime(outage);
            Assert.Equal(15, down.Length);
            Assert.True(failedAfter < TimeSpan.FromSeconds(20), $"the outage was reported only after {failedAfter} (as a lock held by someone else?)");
            Assert.All(down, error => Assert.IsType<FactorialTokenStoreException>(error));
            Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);

            // Redis comes back, empty. Nothing is reconfigured: the stores reconnect by themselves.
            await redis.RestartAsync();
            var restarted = Stopwatch.GetTimestamp();
            var attempts = 0;
            Exception[] errors = [];
            for (; attempts < 200; attempts++)
            {
                errors = await replicas[0].BurstAsync(1);
                if (errors.Length == 0)
                {
                    break;
                }

                down = [.. down, .. errors];
                await Task.Delay(100);
            }

            var recovery = Stopwatch.GetElapsedTime(restarted);
            Assert.Empty(errors);
            Assert.Empty((await Task.WhenAll(replicas.Select(r => r.BurstAsync(20)))).SelectMany(e => e));
            output.WriteLine($"typedErrorsWhileDown={down.Length} reportedAfter={failedAfter.TotalMilliseconds:0}ms ({down[0].InnerException?.GetType().Name}) recovery={recovery.TotalMilliseconds:0}ms attempts={attempts + 1} refreshGrants={sandbox.Server.Stats.RefreshGrants}");
            Assert.Equal(2, sandbox.Server.Stats.RefreshGrants); // one refresh for the lifetime that began during the outage
            Assert.Single(replicas.Select(r => r.Source.Current!.AccessToken).Distinct());

            // No pair lost: a brand-new replica starts from what Redis holds now, and that pair refreshes.
            await using var newcomer = InProcessReplica.Create(sandbox, redis, key, LockExpiry);
            Assert.Equal(replicas[0].Source.Current!.AccessToken, (await newcomer.Store.LoadAsync())!.AccessToken);
            sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime);
            Assert.Empty(await newcomer.BurstAsync(10));
            Assert.Empty((await Task.WhenAll(replicas.Select(r => r.BurstAsync(10)))).SelectMany(e => e));
            Assert.Equal(3, sandbox.Server.Stats.RefreshGrants);

            foreach (var error in down)
            {
                var text = error.ToString();
                Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
                Assert.Contains(key, error.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Store_made_while_redis_is_down_reports_typed_errors_and_works_once_it_is_up()
    {
        await using var redis = await RedisServer.StartAsync();
        await redis.StopAsync();
        var key = $"factorial:company-{Guid.NewGuid():N}";
        await using var store = new RedisTokenStore(redis.ConnectionString, key);
        var pair = new FactorialToken("access-secret-value", "refresh-secret-value", FactorialScope.Read, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(2));

        var load = await Assert.ThrowsAsync<FactorialTokenStoreException>(() => store.LoadAsync());
        var save = await Assert.ThrowsAsync<FactorialTokenStoreException>(() => store.SaveAsync(pair));
        var lockError = await Assert.ThrowsAsync<FactorialTokenStoreException>(async () => await store.AcquireLockAsync());
        foreach (var error in new Exception[] { load, save, lockError })
        {
            var text = error.ToString();
            Assert.DoesNotContain(redis.Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-value", text, StringComparison.Ordinal);
        }

        await redis.RestartAsync();
        FactorialToken? loaded = null;
        for (var i = 0; i < 200 && loaded is null; i++)
        {
            try
            {
                await store.SaveAsync(pair);
                loaded = await store.LoadAsync();
            }
            catch (FactorialTokenStoreException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal(pair.RefreshToken, loaded?.RefreshToken);
    }
}
