using System;
using System.Linq;
using System.Threading.Tasks;
using FactorialGen.Redis;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace FactorialGen.Tests;

/// <summary>
/// Secrets at rest: with a user-supplied <see cref="IDataProtector"/> Redis never holds the token in clear, only the
/// right protector reads it back, and no error message carries a token.
/// </summary>
public sealed class TokenProtectionTests
{
    private static FactorialToken Pair() =>
        new($"access-{Guid.NewGuid():N}", $"refresh-{Guid.NewGuid():N}", FactorialScope.ReadWrite, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(2));

    private static async Task<string> RawAsync(RedisServer redis, string key)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var entries = await connection.GetDatabase().HashGetAllAsync(key);
        return string.Join("\n", entries.Select(e => $"{e.Name}={e.Value}"));
    }

    [Fact]
    public async Task Protected_pair_round_trips_and_the_raw_redis_value_holds_no_token()
    {
        await using var redis = await RedisServer.StartAsync();
        var key = $"factorial:company-{Guid.NewGuid():N}";
        var protector = new EphemeralDataProtectionProvider().CreateProtector("FactorialGen.Redis.Tests");
        await using var store = new RedisTokenStore(redis.ConnectionString, key, new RedisTokenStoreOptions { DataProtector = protector });
        var pair = Pair();

        await store.SaveAsync(pair);

        var raw = await RawAsync(redis, key);
        Assert.DoesNotContain(pair.AccessToken, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(pair.RefreshToken!, raw, StringComparison.Ordinal);
        Assert.Contains("data=dp1:", raw, StringComparison.Ordinal);
        var loaded = await store.LoadAsync();
        Assert.Equal(pair.AccessToken, loaded!.AccessToken);
        Assert.Equal(pair.RefreshToken, loaded.RefreshToken);
        Assert.Equal(pair.Scope, loaded.Scope);
        Assert.Equal(pair.ExpiresAt, loaded.ExpiresAt);
    }

    [Fact]
    public async Task Unprotected_pair_is_plain_json_in_redis()
    {
        // The control for the test above: without a protector the raw value does hold the token.
        await using var redis = await RedisServer.StartAsync();
        var key = $"factorial:company-{Guid.NewGuid():N}";
        await using var store = new RedisTokenStore(redis.ConnectionString, key);
        var pair = Pair();
        await store.SaveAsync(pair);
        Assert.Contains(pair.RefreshToken!, await RawAsync(redis, key), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protected_pair_read_without_the_right_protector_gives_a_typed_error_with_no_secret()
    {
        await using var redis = await RedisServer.StartAsync();
        var key = $"factorial:company-{Guid.NewGuid():N}";
        await using var writer = new RedisTokenStore(redis.ConnectionString, key, new RedisTokenStoreOptions { DataProtector = new EphemeralDataProtectionProvider().CreateProtector("a") });
        var pair = Pair();
        await writer.SaveAsync(pair);

        await using var noProtector = new RedisTokenStore(redis.ConnectionString, key);
        await using var otherKeys = new RedisTokenStore(redis.ConnectionString, key, new RedisTokenStoreOptions { DataProtector = new EphemeralDataProtectionProvider().CreateProtector("a") });
        var errors = new Exception[]
        {
            await Assert.ThrowsAsync<FactorialTokenStoreException>(() => noProtector.LoadAsync()),
            await Assert.ThrowsAsync<FactorialTokenStoreException>(() => otherKeys.LoadAsync()),
        };

        foreach (var error in errors)
        {
            var text = error.ToString();
            Assert.Contains(key, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(pair.AccessToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(pair.RefreshToken!, text, StringComparison.Ordinal);
            Assert.DoesNotContain(redis.Password, text, StringComparison.Ordinal);
        }

        Assert.Equal(pair.RefreshToken, (await writer.LoadAsync())!.RefreshToken); // left untouched
        Assert.DoesNotContain(pair.RefreshToken!, writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Connection_string_that_cannot_be_parsed_is_not_quoted_in_the_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisTokenStore("127.0.0.1:1,password=hunter2-secret,connectTimeout=notanumber", "factorial:x"));
        Assert.DoesNotContain("hunter2-secret", error.ToString(), StringComparison.Ordinal);
    }
}
