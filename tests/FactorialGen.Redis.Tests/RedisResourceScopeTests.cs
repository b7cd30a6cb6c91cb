using System;
using System.Linq;
using System.Threading.Tasks;
using FactorialGen.Redis;
using StackExchange.Redis;

namespace FactorialGen.Tests;

/// <summary>
/// The Redis store keeps a token's resource scopes with it, and reads entries written before they existed (no
/// <c>resource_scopes</c> field: none known).
/// </summary>
public sealed class RedisResourceScopeTests
{
    private static FactorialToken Pair(FactorialResourceScopes resources) =>
        new($"access-{Guid.NewGuid():N}", $"refresh-{Guid.NewGuid():N}", FactorialScope.ReadWrite, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(2))
        {
            ResourceScopes = resources,
        };

    private static async Task<string> RawAsync(RedisServer redis, string key)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var entries = await connection.GetDatabase().HashGetAllAsync(key);
        return string.Join("\n", entries.Select(e => $"{e.Name}={e.Value}"));
    }

    [Fact]
    public async Task Resource_scopes_round_trip_through_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        var key = $"factorial:rs-{Guid.NewGuid():N}";
        await using var store = new RedisTokenStore(redis.ConnectionString, key);
        var pair = Pair(FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking);

        await store.SaveAsync(pair);
        await using var other = new RedisTokenStore(redis.ConnectionString, key);
        var loaded = await other.LoadAsync();

        Assert.Contains("\"resource_scopes\":\"employees time_tracking\"", await RawAsync(redis, key), StringComparison.Ordinal);
        Assert.Equal(pair.ResourceScopes, loaded!.ResourceScopes);
        Assert.Equal(pair.Scope, loaded.Scope);
    }

    [Fact]
    public async Task Entry_without_resource_scopes_is_written_as_before_and_reads_as_none_known()
    {
        await using var redis = await RedisServer.StartAsync();
        var key = $"factorial:rs-{Guid.NewGuid():N}";
        await using var store = new RedisTokenStore(redis.ConnectionString, key);

        await store.SaveAsync(Pair(FactorialResourceScopes.None));

        Assert.DoesNotContain("resource_scopes", await RawAsync(redis, key), StringComparison.Ordinal);
        Assert.Equal(FactorialResourceScopes.None, (await store.LoadAsync())!.ResourceScopes);
    }
}
