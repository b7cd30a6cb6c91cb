using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Redis;
using Microsoft.Extensions.Time.Testing;

namespace FactorialGen.Tests;

/// <summary>
/// The entry point of this test assembly when a test starts it as a replica process (<see cref="ChildProcess"/>): a
/// client with its own <see cref="RedisTokenStore"/> and its own fake clock, which the test moves in step with the
/// sandbox's. The test host never calls it. A replica ends when its standard input closes.
/// </summary>
public static class ChildProgram
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["replica", var redis, var key, var sandbox, var startMs, var lockExpiryMs, var mode] =>
                    await ReplicaAsync(redis, key, new Uri(sandbox), long.Parse(startMs, CultureInfo.InvariantCulture), int.Parse(lockExpiryMs, CultureInfo.InvariantCulture), mode == "hang-in-refresh"),
                _ => Usage(),
            };
        }
        catch (Exception ex)
        {
            // FactorialGen's messages never hold a token; the test shows this line when a replica fails.
            Console.WriteLine($"error {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("FactorialGen.Redis.Tests runs as a test assembly; its entry point only serves replica processes of tests.");
        return 0;
    }

    /// <summary>
    /// Commands on stdin: <c>advance &lt;ms&gt;</c> moves the clock; <c>burst &lt;n&gt;</c> makes n concurrent calls and
    /// answers <c>done &lt;ok&gt; &lt;failed&gt; &lt;fingerprint&gt; &lt;error types&gt;</c>. In hang-in-refresh mode the replica says
    /// <c>in-refresh</c> once it holds the lock and re-reads the store for a refresh, then hangs there (to be killed).
    /// </summary>
    private static async Task<int> ReplicaAsync(string redis, string key, Uri baseAddress, long startMs, int lockExpiryMs, bool hangInRefresh)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(startMs));
        await using var redisStore = new RedisTokenStore(redis, key, new RedisTokenStoreOptions { LockExpiry = TimeSpan.FromMilliseconds(lockExpiryMs), LockTimeout = TimeSpan.FromSeconds(30) });
        ITokenStore store = hangInRefresh ? new HangInRefreshStore(redisStore) : redisStore;
        var app = new FactorialApp(Sandbox.SandboxClient.Default.ClientId, Sandbox.SandboxClient.Default.ClientSecret, FactorialApp.OutOfBandRedirectUri);
        using var oauth = new FactorialOAuth(app, new FactorialOAuthOptions { BaseAddress = baseAddress, TimeProvider = time });
        var source = await FactorialTokenSource.FromStoreAsync(store, oauth, new FactorialTokenSourceOptions { TimeProvider = time });
        using var connection = new FactorialConnection(source, new FactorialClientOptions { BaseAddress = baseAddress, TimeProvider = time });
        Console.WriteLine("ready");
        while (await Console.In.ReadLineAsync() is { } command)
        {
            var parts = command.Split(' ');
            switch (parts[0])
            {
                case "advance":
                    time.Advance(TimeSpan.FromMilliseconds(long.Parse(parts[1], CultureInfo.InvariantCulture)));
                    Console.WriteLine("advanced");
                    break;
                case "burst":
                    var results = await Task.WhenAll(Enumerable.Range(0, int.Parse(parts[1], CultureInfo.InvariantCulture)).Select(async _ =>
                    {
                        try
                        {
                            await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials"));
                            return null;
                        }
                        catch (Exception ex)
                        {
                            return ex.GetType().Name;
                        }
                    }));
                    var failed = results.Where(r => r is not null).ToArray();
                    Console.WriteLine($"done {results.Length - failed.Length} {failed.Length} {source.Current!.Fingerprint} {string.Join(',', failed.Distinct())}");
                    break;
                default:
                    return 2;
            }
        }

        return 0;
    }

    /// <summary>Delegates to the Redis store, but hangs (holding the refresh lock) at the re-read before a refresh.</summary>
    private sealed class HangInRefreshStore(RedisTokenStore inner) : ITokenStore, ITokenStoreLock
    {
        private int _locked;

        public async ValueTask<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken = default)
        {
            var handle = await inner.AcquireLockAsync(cancellationToken);
            Volatile.Write(ref _locked, 1);
            return handle;
        }

        public async Task<FactorialToken?> LoadAsync(CancellationToken cancellationToken = default)
        {
            if (Volatile.Read(ref _locked) == 1)
            {
                Console.WriteLine("in-refresh");
                await Task.Delay(Timeout.Infinite, cancellationToken); // killed here, holding the lock
            }

            return await inner.LoadAsync(cancellationToken);
        }

        public Task SaveAsync(FactorialToken token, CancellationToken cancellationToken = default) => inner.SaveAsync(token, cancellationToken);

        public Task ClearAsync(CancellationToken cancellationToken = default) => inner.ClearAsync(cancellationToken);
    }
}
