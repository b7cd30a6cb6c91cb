using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FactorialGen.Tests;

/// <summary>
/// The client-side request budget: counted requests over it wait in order (on a fake clock), a full queue fails at
/// once with a typed error and sends nothing, cancellation gives up the place, a 429's Retry-After holds the next
/// requests, and a permit stays counted for a window after its answer arrived.
/// </summary>
public sealed class RequestBudgetTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // only reached when the budget hangs

    private static FactorialRequest Post() => new(HttpMethod.Post, "attendance/shifts/clock_in");

    private static FactorialRequest Get() => new(HttpMethod.Get, "employees/employees");

    private static FactorialConnection Connect(HostileServer server, FakeTimeProvider time, FactorialRequestBudgetOptions? budget, RateLimiter? limiter = null) =>
        new(new FactorialApiKey("key"), new FactorialClientOptions
        {
            BaseAddress = server.BaseAddress,
            TimeProvider = time,
            RequestBudget = budget,
            RequestBudgetLimiter = limiter,
        });

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (!condition())
        {
            await Task.Delay(5, guard.Token);
        }
    }

    private static int Posts(HostileServer server) => server.Received.Count(r => r.Method == "POST");

    [Fact]
    public async Task Posts_over_the_budget_wait_in_order_until_the_window_has_passed_and_reads_are_not_counted()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("{}");
        var time = new FakeTimeProvider();
        var budget = new FactorialRequestBudgetOptions { PermitLimit = 2, Window = TimeSpan.FromMinutes(1) };
        using var limiter = new FactorialRequestBudgetLimiter(budget, time);
        using var connection = Connect(server, time, budget, limiter);

        await connection.SendJsonAsync(Post());
        await connection.SendJsonAsync(Post());
        var third = connection.SendJsonAsync(Post());
        await WaitUntilAsync(() => limiter.GetStatistics()!.CurrentQueuedCount == 1);
        await connection.SendJsonAsync(Get()); // reads pass while a POST waits

        Assert.Equal(2, Posts(server));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);

        time.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(Guard);
        Assert.Equal(3, Posts(server));
    }

    [Fact]
    public async Task The_default_budget_is_Factorials_documented_two_hundred_posts_per_minute_on_a_plain_connection()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("{}");
        var time = new FakeTimeProvider();
        using var connection = new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress, TimeProvider = time });

        Assert.Equal(200, connection.Options.RequestBudget!.PermitLimit);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => connection.SendJsonAsync(Post())));
        var over = connection.SendJsonAsync(Post());
        await Task.Delay(200); // were the budget missing, the 201st POST would have arrived by now
        Assert.Equal(200, Posts(server));
        Assert.False(over.IsCompleted);

        time.Advance(TimeSpan.FromMinutes(1));
        await over.WaitAsync(Guard);
        Assert.Equal(201, Posts(server));
    }

    [Fact]
    public async Task A_full_queue_fails_at_once_with_a_typed_error_and_sends_nothing()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("{}");
        var time = new FakeTimeProvider();
        using var connection = Connect(server, time, new FactorialRequestBudgetOptions { PermitLimit = 1, QueueLimit = 1 });

        await connection.SendJsonAsync(Post());
        var queued = connection.SendJsonAsync(Post());
        var error = await Assert.ThrowsAsync<FactorialRequestBudgetException>(() => connection.SendJsonAsync(Post()));

        Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Posts(server));
        time.Advance(TimeSpan.FromMinutes(1));
        await queued.WaitAsync(Guard);
        Assert.Equal(2, Posts(server));
    }

    [Fact]
    public async Task Cancelling_a_queued_request_gives_up_its_place_and_sends_nothing()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("{}");
        var time = new FakeTimeProvider();
        var budget = new FactorialRequestBudgetOptions { PermitLimit = 1, QueueLimit = 1 };
        using var limiter = new FactorialRequestBudgetLimiter(budget, time);
        using var connection = Connect(server, time, budget, limiter);
        await connection.SendJsonAsync(Post());

        using var cancel = new CancellationTokenSource();
        var waiting = connection.SendJsonAsync(Post(), cancel.Token);
        await WaitUntilAsync(() => limiter.GetStatistics()!.CurrentQueuedCount == 1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Guard));
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
        var next = connection.SendJsonAsync(Post()); // the queue's one place is free again
        time.Advance(TimeSpan.FromMinutes(1));
        await next.WaitAsync(Guard);
        Assert.Equal(2, Posts(server));
    }

    [Fact]
    public async Task A_429_with_Retry_After_holds_the_next_posts_until_the_wait_has_passed()
    {
        await using var server = await HostileServer.StartAsync();
        var answered = 0;
        server.Handle(async context =>
        {
            if (Interlocked.Increment(ref answered) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "30";
                await context.Response.WriteAsync("{}");
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{}");
        });
        var time = new FakeTimeProvider();
        using var connection = Connect(server, time, new FactorialRequestBudgetOptions());

        var limited = await Assert.ThrowsAsync<FactorialRateLimitException>(() => connection.SendJsonAsync(Post()));
        Assert.Equal(TimeSpan.FromSeconds(30), limited.RetryAfter);
        var next = connection.SendJsonAsync(Post());
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(200); // without the back-off, the POST would have arrived by now
        Assert.Equal(1, Posts(server));

        time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(Guard);
        Assert.Equal(2, Posts(server));
    }

    [Fact]
    public async Task A_permit_counts_until_a_window_after_its_answer_arrived()
    {
        var time = new FakeTimeProvider();
        using var limiter = new FactorialRequestBudgetLimiter(new FactorialRequestBudgetOptions { PermitLimit = 2, Window = TimeSpan.FromSeconds(60) }, time);
        var quick = await limiter.AcquireAsync();
        var slow = await limiter.AcquireAsync();
        quick.Dispose(); // answered at once (t = 0)
        time.Advance(TimeSpan.FromSeconds(30));
        slow.Dispose(); // answered after 30 s: it stays counted until t = 90

        var third = limiter.AcquireAsync().AsTask();
        var fourth = limiter.AcquireAsync().AsTask();
        time.Advance(TimeSpan.FromSeconds(29)); // t = 59
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1)); // t = 60
        Assert.True((await third.WaitAsync(Guard)).IsAcquired);
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(29)); // t = 89
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1)); // t = 90
        Assert.True((await fourth.WaitAsync(Guard)).IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Invalid_budgets_are_refused_when_the_client_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { RequestBudget = new() { PermitLimit = 0 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { RequestBudget = new() { Window = TimeSpan.Zero } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { RequestBudget = new() { QueueLimit = -1 } }));
    }
}
