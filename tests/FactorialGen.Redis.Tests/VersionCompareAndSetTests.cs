using System;
using System.Threading.Tasks;
using FactorialGen.Redis;

namespace FactorialGen.Tests;

/// <summary>
/// The pair is written with compare-and-set on its version (a Lua script in Redis): a slow or paused replica can never
/// put an older pair over a newer one, so the newest refresh token is never lost.
/// </summary>
public sealed class VersionCompareAndSetTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static FactorialToken Pair(string name, DateTimeOffset issued) =>
        new($"access-{name}-{Guid.NewGuid():N}", $"refresh-{name}-{Guid.NewGuid():N}", FactorialScope.Read, issued, issued.AddHours(2));

    [Fact]
    public async Task Older_pair_from_a_slow_replica_never_overwrites_a_newer_one()
    {
        await using var redis = await RedisServer.StartAsync();
        var key = $"factorial:company-{Guid.NewGuid():N}";
        await using var fast = new RedisTokenStore(redis.ConnectionString, key);
        await using var slow = new RedisTokenStore(redis.ConnectionString, key);
        var first = Pair("first", T);
        await fast.SaveAsync(first);
        Assert.Equal(first.RefreshToken, (await slow.LoadAsync())!.RefreshToken);

        var newer = Pair("newer", T.AddHours(2));
        Assert.True(await fast.TrySaveAsync(newer));
        var older = Pair("older", T.AddHours(1)); // issued before 'newer', saved after it
        Assert.False(await slow.TrySaveAsync(older));
        await slow.SaveAsync(older); // SaveAsync keeps the newer pair and returns normally (documented)
        Assert.Equal(newer.RefreshToken, (await fast.LoadAsync())!.RefreshToken);
        Assert.Equal(newer.RefreshToken, (await slow.LoadAsync())!.RefreshToken);

        var newest = Pair("newest", T.AddHours(4));
        Assert.True(await slow.TrySaveAsync(newest));
        Assert.Equal(newest.RefreshToken, (await fast.LoadAsync())!.RefreshToken);
    }

    [Fact]
    public async Task Pair_issued_at_the_same_instant_is_written_only_by_a_saver_that_saw_the_stored_pair()
    {
        await using var redis = await RedisServer.StartAsync();
        var key = $"factorial:company-{Guid.NewGuid():N}";
        await using var a = new RedisTokenStore(redis.ConnectionString, key);
        await using var b = new RedisTokenStore(redis.ConnectionString, key);
        await a.SaveAsync(Pair("first", T));
        await b.LoadAsync(); // b saw version 1
        var fromA = Pair("a", T.AddHours(1));
        Assert.True(await a.TrySaveAsync(fromA)); // version 2

        var fromB = Pair("b", T.AddHours(1)); // same issue time, but b never saw version 2
        Assert.False(await b.TrySaveAsync(fromB));
        Assert.Equal(fromA.RefreshToken, (await b.LoadAsync())!.RefreshToken);

        Assert.True(await b.TrySaveAsync(fromB)); // now b saw version 2: its write is a proper successor
        Assert.Equal(fromB.RefreshToken, (await a.LoadAsync())!.RefreshToken);
        Assert.True(await b.TrySaveAsync(fromB)); // saving the stored pair again is harmless
    }

    [Fact]
    public async Task Cleared_pair_stays_cleared_and_a_new_authorization_can_be_saved()
    {
        await using var redis = await RedisServer.StartAsync();
        var key = $"factorial:company-{Guid.NewGuid():N}";
        await using var a = new RedisTokenStore(redis.ConnectionString, key);
        await using var b = new RedisTokenStore(redis.ConnectionString, key);
        await a.SaveAsync(Pair("first", T.AddHours(5)));
        await b.LoadAsync();
        await a.ClearAsync();
        Assert.Null(await b.LoadAsync()); // b knew the pair, but a clear is not an outage: nothing is written back
        Assert.Null(await a.LoadAsync());

        var again = Pair("again", T); // a new authorization may carry any issue time
        await b.SaveAsync(again);
        Assert.Equal(again.RefreshToken, (await a.LoadAsync())!.RefreshToken);
    }
}
