using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FactorialGen.Redis;

namespace FactorialGen.Tests;

/// <summary>A replica in this process: its own Redis connection and store, one token source, one connection.</summary>
internal sealed class InProcessReplica : IAsyncDisposable
{
    private readonly FactorialOAuth _oauth;

    private InProcessReplica(RedisTokenStore store, FactorialOAuth oauth, FactorialTokenSource source, FactorialConnection connection)
    {
        Store = store;
        _oauth = oauth;
        Source = source;
        Connection = connection;
    }

    public RedisTokenStore Store { get; }

    public FactorialTokenSource Source { get; }

    public FactorialConnection Connection { get; }

    public static InProcessReplica Create(TestSandbox sandbox, RedisServer redis, string key, TimeSpan lockExpiry)
    {
        var store = new RedisTokenStore(redis.ConnectionString, key, new RedisTokenStoreOptions { LockExpiry = lockExpiry, LockTimeout = TimeSpan.FromSeconds(30) });
        var oauth = sandbox.CreateOAuth();
        var source = new FactorialTokenSource(store, oauth, new FactorialTokenSourceOptions { TimeProvider = sandbox.Time });
        var options = sandbox.ClientOptions();
        options.App = null;
        return new InProcessReplica(store, oauth, source, new FactorialConnection(source, options));
    }

    /// <summary>Makes <paramref name="count"/> concurrent calls; returns the errors (empty when all passed).</summary>
    public async Task<Exception[]> BurstAsync(int count)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            try
            {
                await Connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials"));
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }));
        return results.Where(e => e is not null).ToArray()!;
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        _oauth.Dispose();
        await Store.DisposeAsync();
    }
}

/// <summary>Helpers for replica processes (<see cref="ChildProgram"/>).</summary>
internal static class Replicas
{
    public static ChildProcess Start(TestSandbox sandbox, RedisServer redis, string key, TimeSpan lockExpiry, string mode = "normal") =>
        ChildProcess.Start(
            "replica", redis.ConnectionString, key, sandbox.BaseAddress.AbsoluteUri,
            sandbox.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ((int)lockExpiry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), mode);

    /// <summary>Moves the sandbox's clock and every replica's clock by <paramref name="by"/>.</summary>
    public static async Task AdvanceAsync(TestSandbox sandbox, IReadOnlyList<ChildProcess> replicas, TimeSpan by)
    {
        sandbox.Time.Advance(by);
        var ms = ((long)by.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await Task.WhenAll(replicas.Select(r => r.WriteLineAsync($"advance {ms}")));
        foreach (var replica in replicas)
        {
            Assert.Equal("advanced", await replica.ReadLineAsync());
        }
    }

    /// <summary>A burst's answer: <c>done ok failed fingerprint errors</c>.</summary>
    public sealed record Burst(int Ok, int Failed, string Fingerprint, string Errors)
    {
        public static Burst Parse(string line)
        {
            var parts = line.Split(' ');
            Assert.True(parts.Length >= 4 && parts[0] == "done", $"unexpected answer from a replica: {line}");
            return new Burst(int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture), parts[3], parts.Length > 4 ? parts[4] : "");
        }
    }
}
