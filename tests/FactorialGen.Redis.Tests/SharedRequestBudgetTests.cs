using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Redis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FactorialGen.Tests;

/// <summary>
/// The request budget shared through Redis: replicas (each its own connection and limiter) together never let more
/// than the budget reach the server in any window, a full queue and a Redis outage give typed errors and send nothing,
/// and the budget recovers with Redis.
/// </summary>
public sealed class SharedRequestBudgetTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60); // only reached when something hangs

    private static FactorialRequest Post() => new(HttpMethod.Post, "attendance/shifts/clock_in");

    /// <summary>A server that answers every request and notes when each POST arrived (on this process's clock).</summary>
    private static async Task<(HostileServer Server, List<long> Arrivals)> StartServerAsync()
    {
        var arrivals = new List<long>();
        var server = await HostileServer.StartAsync(async context =>
        {
            lock (arrivals)
            {
                arrivals.Add(Stopwatch.GetTimestamp());
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{}");
        });
        return (server, arrivals);
    }

    private static FactorialConnection Connect(HostileServer server, RedisRequestBudget budget) =>
        new(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress, RequestBudgetLimiter = budget });

    /// <summary>The most arrivals in any window of <paramref name="window"/> (half open, as a server counts).</summary>
    internal static int MaxInAnyWindow(IReadOnlyList<long> arrivals, TimeSpan window)
    {
        var sorted = arrivals.Order().ToArray();
        var max = 0;
        for (int start = 0, end = 0; start < sorted.Length; start++)
        {
            while (end < sorted.Length && Stopwatch.GetElapsedTime(sorted[start], sorted[end]) < window)
            {
                end++;
            }

            max = Math.Max(max, end - start);
        }

        return max;
    }

    [Fact]
    public async Task Four_replicas_sharing_a_budget_never_let_more_than_it_reach_the_server_in_any_window()
    {
        const int Limit = 5;
        const int PerReplica = 15;
        var window = TimeSpan.FromMilliseconds(400);
        await using var redis = await RedisServer.StartAsync();
        var (server, arrivals) = await StartServerAsync();
        await using var _ = server;
        var key = $"factorial:budget-{Guid.NewGuid():N}";
        var budgets = Enumerable.Range(0, 4).Select(_ => new RedisRequestBudget(redis.ConnectionString, key, new RedisRequestBudgetOptions { PermitLimit = Limit, Window = window })).ToArray();
        var connections = budgets.Select(b => Connect(server, b)).ToArray();
        try
        {
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(connections.SelectMany(c => Enumerable.Range(0, PerReplica).Select(_ => c.SendJsonAsync(Post())))).WaitAsync(Guard);
            var took = Stopwatch.GetElapsedTime(started);

            Assert.Equal(4 * PerReplica, arrivals.Count);
            Assert.True(MaxInAnyWindow(arrivals, window) <= Limit, $"{MaxInAnyWindow(arrivals, window)} POSTs arrived within one window; the budget is {Limit}.");
            Assert.True(took >= window * ((4 * PerReplica / Limit) - 1), $"60 POSTs at {Limit} per {window.TotalMilliseconds} ms took only {took.TotalMilliseconds} ms.");
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }

            foreach (var budget in budgets)
            {
                await budget.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_permit_is_shared_by_every_replica_and_a_full_queue_fails_at_once_with_a_typed_error()
    {
        await using var redis = await RedisServer.StartAsync();
        var (server, arrivals) = await StartServerAsync();
        await using var _ = server;
        var key = $"factorial:budget-{Guid.NewGuid():N}";
        var options = new RedisRequestBudgetOptions { PermitLimit = 2, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 };
        await using var first = new RedisRequestBudget(redis.ConnectionString, key, options);
        await using var second = new RedisRequestBudget(redis.ConnectionString, key, options);
        using var replicaA = Connect(server, first);
        using var replicaB = Connect(server, second);

        await replicaA.SendJsonAsync(Post());
        await replicaB.SendJsonAsync(Post());
        var error = await Assert.ThrowsAsync<FactorialRequestBudgetException>(() => replicaA.SendJsonAsync(Post()));

        Assert.Equal(2, arrivals.Count);
        Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
        Assert.False(second.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task Redis_down_gives_a_typed_error_without_the_password_sends_nothing_and_the_budget_recovers()
    {
        await using var redis = await RedisServer.StartAsync();
        var (server, arrivals) = await StartServerAsync();
        await using var _ = server;
        await using var budget = new RedisRequestBudget(redis.ConnectionString, $"factorial:budget-{Guid.NewGuid():N}", new RedisRequestBudgetOptions { PermitLimit = 10 });
        using var connection = Connect(server, budget);
        await connection.SendJsonAsync(Post());

        await redis.StopAsync();
        var error = await Assert.ThrowsAsync<FactorialRequestBudgetException>(() => connection.SendJsonAsync(Post()));
        Assert.Single(arrivals);
        Assert.Contains("Redis", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(redis.Password, error.ToString(), StringComparison.Ordinal);

        await redis.RestartAsync();
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            try
            {
                await connection.SendJsonAsync(Post(), guard.Token);
                break;
            }
            catch (FactorialRequestBudgetException)
            {
                await Task.Delay(50, guard.Token); // the connection comes back in the background
            }
        }

        Assert.Equal(2, arrivals.Count);
    }

    [Fact]
    public async Task A_waiting_request_can_be_cancelled_and_is_never_sent()
    {
        await using var redis = await RedisServer.StartAsync();
        var (server, arrivals) = await StartServerAsync();
        await using var _ = server;
        var time = new FakeTimeProvider(); // the wait never ends unless the test moves this clock
        await using var budget = new RedisRequestBudget(redis.ConnectionString, $"factorial:budget-{Guid.NewGuid():N}", new RedisRequestBudgetOptions { PermitLimit = 1, Window = TimeSpan.FromMinutes(10), TimeProvider = time });
        using var connection = Connect(server, budget);
        await connection.SendJsonAsync(Post());

        using var cancel = new CancellationTokenSource();
        var waiting = connection.SendJsonAsync(Post(), cancel.Token);
        using (var guard = new CancellationTokenSource(Guard))
        {
            while (budget.GetStatistics()!.CurrentQueuedCount == 0)
            {
                await Task.Delay(5, guard.Token);
            }
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Guard));
        Assert.Single(arrivals);
        Assert.Equal(0, budget.GetStatistics()!.CurrentQueuedCount);
    }
}
