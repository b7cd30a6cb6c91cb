using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using FactorialGen.Redis;
using Microsoft.Extensions.Logging;

namespace FactorialGen.Tests;

/// <summary>
/// What the store logs (a kept newer pair, a pair written back after Redis came back empty, an outage) names the key and
/// fingerprints, never a token or the Redis password.
/// </summary>
public sealed class StoreLogTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static FactorialToken Pair(string name, DateTimeOffset issued) =>
        new($"access-{name}-{Guid.NewGuid():N}", $"refresh-{name}-{Guid.NewGuid():N}", FactorialScope.Read, issued, issued.AddHours(2));

    [Fact]
    public async Task Redis_restarted_empty_gets_the_newest_known_pair_back_and_no_log_line_holds_a_secret()
    {
        var lines = new ConcurrentQueue<string>();
        using var logging = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingProvider(lines)));
        await using var redis = await RedisServer.StartAsync();
        var key = $"factorial:company-{Guid.NewGuid():N}";
        await using var store = new RedisTokenStore(redis.ConnectionString, key, new RedisTokenStoreOptions { LoggerFactory = logging });
        var newer = Pair("newer", T.AddHours(2));
        var older = Pair("older", T);
        await store.SaveAsync(newer);
        await store.SaveAsync(older); // kept the newer one: a warning

        await redis.StopAsync();
        await Assert.ThrowsAsync<FactorialTokenStoreException>(() => store.LoadAsync()); // an outage: a warning
        await redis.RestartAsync(); // empty: no persistence

        FactorialToken? loaded = null;
        for (var i = 0; i < 200 && loaded is null; i++)
        {
            try
            {
                loaded = await store.LoadAsync(); // the key is gone: the store writes back the newest pair it knew
            }
            catch (FactorialTokenStoreException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal(newer.RefreshToken, loaded?.RefreshToken);
        await using (var stranger = new RedisTokenStore(redis.ConnectionString, key))
        {
            Assert.Equal(newer.RefreshToken, (await stranger.LoadAsync())!.RefreshToken); // it is in Redis again
        }

        Assert.Contains(lines, l => l.Contains("newer token pair", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("wrote back", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("failed", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            foreach (var secret in new[] { newer.AccessToken, newer.RefreshToken!, older.AccessToken, older.RefreshToken!, redis.Password })
            {
                Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            }
        }
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {formatter(state, exception)} {exception}");
        }
    }
}
