using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Redis;

namespace FactorialGen.Samples.Replicas;

/// <summary>
/// Runs the scenario: Redis, the sandbox process, one authorization, the replicas; the callers run until the shared
/// token has been rotated <c>--lifetimes</c> times, then the replicas send <c>--posts</c> POSTs; the figures come from
/// the sandbox (<c>GET /sandbox/stats</c>) and the replicas' answers.
/// </summary>
internal static class Orchestrator
{
    private static readonly TimeSpan Answer = TimeSpan.FromMinutes(15); // a replica's longest silence (the POST phase waits for the budget)

    public static async Task<string> RunAsync(ReplicaSettings settings)
    {
        var started = Stopwatch.GetTimestamp();
        ChildProcess? localRedis = null;
        var redis = settings.Redis;
        if (redis is null)
        {
            (localRedis, redis) = await LocalRedis.StartAsync();
        }
        else if (!redis.Contains("abortConnect", StringComparison.OrdinalIgnoreCase))
        {
            redis += ",abortConnect=false";
        }

        var port = LocalRedis.FreeLoopbackPort();
        var sandboxUrl = new Uri($"http://127.0.0.1:{port}/");
        var replicas = new List<ChildProcess>();
        await using var sandbox = ChildProcess.Start(
            "sandbox", Path.Combine(AppContext.BaseDirectory, "FactorialGen.Sandbox.dll"),
            "--urls", sandboxUrl.AbsoluteUri.TrimEnd('/'), "--token-lifetime", Invariant(settings.TokenLifetimeSeconds),
            "--post-limit", Invariant(settings.Budget), "--rate-window", Invariant(settings.WindowSeconds));
        using var http = new HttpClient { BaseAddress = sandboxUrl, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await sandbox.ReadUntilAsync("Factorial sandbox is running", TimeSpan.FromSeconds(60));
            var key = $"factorial:sample-{Guid.NewGuid():N}";
            await using var store = new RedisTokenStore(redis, key);
            await SeedAsync(store, await AuthorizeAsync(http, sandboxUrl));

            for (var i = 0; i < settings.Replicas; i++)
            {
                replicas.Add(ChildProcess.StartSelf($"replica {i + 1}", ReplicaProcess.Arguments(settings, redis, key, sandboxUrl)));
            }

            foreach (var replica in replicas)
            {
                await replica.ReadUntilAsync("ready", TimeSpan.FromSeconds(120));
            }

            // Phase 1: every replica's callers use the shared token until it has been rotated --lifetimes times.
            var first = (await store.LoadAsync())!.Fingerprint;
            await Task.WhenAll(replicas.Select(r => r.WriteLineAsync("go")));
            await WaitForRotationsAsync(store, first, settings);
            await Task.WhenAll(replicas.Select(r => r.WriteLineAsync("stop")));
            var calls = await Task.WhenAll(replicas.Select(r => r.ReadUntilAsync("calls", Answer)));
            var afterCalls = await StatsAsync(http);

            // Phase 2: --posts POSTs from all replicas at once, against the shared budget.
            string[] posts = [];
            if (settings.Posts > 0)
            {
                await Task.WhenAll(replicas.Select((r, i) => r.WriteLineAsync($"posts {settings.Posts / replicas.Count + (i < settings.Posts % replicas.Count ? 1 : 0)}")));
                posts = await Task.WhenAll(replicas.Select(r => r.ReadUntilAsync("posts", Answer)));
            }

            var end = await StatsAsync(http);
            var (made, failed, errors) = Sum(calls);
            var (posted, postFailures, postErrors) = Sum(posts);
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"replicas\":{settings.Replicas},\"calls\":{made},\"failures\":{failed + postFailures},\"refreshGrants\":{afterCalls.GetProperty("refreshGrants").GetInt32()},\"lifetimes\":{settings.Lifetimes},\"maxPostsPerMinute\":{end.GetProperty("maxPostsPerWindow").GetInt32()}," +
                $"\"posts\":{posted},\"budget\":{settings.Budget},\"windowSeconds\":{settings.WindowSeconds},\"rateLimited\":{end.GetProperty("rateLimited").GetInt32()},\"tokenLifetimeSeconds\":{settings.TokenLifetimeSeconds},\"callersPerReplica\":{settings.Calls},\"sharedBudget\":{(settings.PerProcessBudget ? "false" : "true")}," +
                $"\"errors\":\"{string.Join(',', errors.Concat(postErrors).Distinct())}\",\"seconds\":{Stopwatch.GetElapsedTime(started).TotalSeconds:0.0}}}");
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.EndAsync(TimeSpan.FromSeconds(30));
                await replica.DisposeAsync();
            }

            if (localRedis is not null)
            {
                await localRedis.DisposeAsync();
            }
        }
    }

    private static async Task<FactorialToken> AuthorizeAsync(HttpClient http, Uri sandboxUrl)
    {
        var app = new FactorialApp(Sandbox.SandboxClient.Default.ClientId, Sandbox.SandboxClient.Default.ClientSecret, FactorialApp.OutOfBandRedirectUri);
        using var oauth = new FactorialOAuth(app, new FactorialOAuthOptions { BaseAddress = sandboxUrl });
        var request = oauth.Authorize(FactorialScope.ReadWrite);
        var key = await Sandbox.FactorialSandbox.FetchAuthorizationKeyAsync(http, request.Url); // plays the user who approves
        return await oauth.ObtainAccessTokenAsync(request, key);
    }

    /// <summary>Writes the first pair to Redis, retrying while a just-started redis-server comes up.</summary>
    private static async Task SeedAsync(RedisTokenStore store, FactorialToken token)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.SaveAsync(token);
                return;
            }
            catch (FactorialTokenStoreException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task WaitForRotationsAsync(RedisTokenStore store, string first, ReplicaSettings settings)
    {
        var guard = Stopwatch.GetTimestamp();
        var limit = settings.TokenLifetime * (settings.Lifetimes + 2) * 2;
        var seen = first;
        for (var rotations = 0; rotations < settings.Lifetimes;)
        {
            if (Stopwatch.GetElapsedTime(guard) > limit)
            {
                throw new TimeoutException($"The token was rotated {rotations} times in {limit.TotalSeconds} s; {settings.Lifetimes} expected.");
            }

            await Task.Delay(20);
            var current = (await store.LoadAsync())?.Fingerprint;
            if (current is not null && current != seen)
            {
                seen = current;
                rotations++;
            }
        }
    }

    private static async Task<JsonElement> StatsAsync(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("sandbox/stats", UriKind.Relative)));
        return document.RootElement.Clone();
    }

    private static (int Made, int Failed, string[] Errors) Sum(IEnumerable<string> answers)
    {
        int made = 0, failed = 0;
        var errors = new List<string>();
        foreach (var parts in answers.Select(a => a.Split(' ')))
        {
            made += int.Parse(parts[1], CultureInfo.InvariantCulture);
            failed += int.Parse(parts[2], CultureInfo.InvariantCulture);
            errors.AddRange(parts[3] == "-" ? [] : parts[3].Split(','));
        }

        return (made, failed, errors.Distinct().ToArray());
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
