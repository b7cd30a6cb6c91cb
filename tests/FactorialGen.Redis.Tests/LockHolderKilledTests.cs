using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using FactorialGen.Redis;
using Xunit.Abstractions;

namespace FactorialGen.Tests;

/// <summary>
/// A replica killed (SIGKILL) while it holds the refresh lock, in the middle of a refresh: its lock expires, the other
/// replicas go on within the lock expiry, refresh once, and the pair in Redis still works (no pair lost).
/// </summary>
public sealed class LockHolderKilledTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LockExpiry = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Replica_killed_mid_refresh_releases_the_lock_by_expiry_and_the_others_refresh_once()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var key = $"factorial:company-{Guid.NewGuid():N}";
        await using (var seed = new RedisTokenStore(redis.ConnectionString, key))
        {
            await seed.SaveAsync(await sandbox.AuthorizeAsync(FactorialScope.Read));
        }

        await using var doomed = Replicas.Start(sandbox, redis, key, LockExpiry, "hang-in-refresh");
        Assert.Equal("ready", await doomed.ReadLineAsync());
        await Replicas.AdvanceAsync(sandbox, [doomed], sandbox.Server.Options.AccessTokenLifetime);
        await doomed.WriteLineAsync("burst 1");
        Assert.Equal("in-refresh", await doomed.ReadLineAsync()); // it holds the lock and is refreshing
        await doomed.KillAsync();
        var killedAt = Stopwatch.GetTimestamp();

        // The dead replica's lock is still there: a short wait for it fails with a typed error.
        await using (var probe = new RedisTokenStore(redis.ConnectionString, key, new RedisTokenStoreOptions { LockTimeout = TimeSpan.FromMilliseconds(100) }))
        {
            var error = await Assert.ThrowsAsync<FactorialTokenStoreException>(async () => await probe.AcquireLockAsync());
            Assert.Contains(probe.LockKey, error.Message, StringComparison.Ordinal);
        }

        var replicas = Enumerable.Range(0, 3).Select(_ => InProcessReplica.Create(sandbox, redis, key, LockExpiry)).ToArray();
        try
        {
            var errors = (await Task.WhenAll(replicas.Select(r => r.BurstAsync(20)))).SelectMany(e => e).ToArray();
            var continuedAfter = Stopwatch.GetElapsedTime(killedAt);
            output.WriteLine($"lockExpiry={LockExpiry.TotalSeconds}s continuedAfter={continuedAfter.TotalMilliseconds:0}ms failures={errors.Length} refreshGrants={sandbox.Server.Stats.RefreshGrants}");
            Assert.Empty(errors);
            Assert.Equal(1, sandbox.Server.Stats.RefreshGrants); // the killed replica never sent its refresh; one replica did
            // Hang guard only (a lock that never expired would fail the calls after the 30 s LockTimeout instead).
            Assert.True(continuedAfter < LockExpiry + TimeSpan.FromSeconds(15), $"the others went on only after {continuedAfter}");
            Assert.Single(replicas.Select(r => r.Source.Current!.AccessToken).Distinct());

            // No pair lost: the pair in Redis refreshes again, for every replica, once.
            sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime);
            Assert.Empty((await Task.WhenAll(replicas.Select(r => r.BurstAsync(20)))).SelectMany(e => e));
            Assert.Equal(2, sandbox.Server.Stats.RefreshGrants);
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
