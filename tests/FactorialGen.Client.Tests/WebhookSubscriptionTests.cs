using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Client.Tests.FactorialApi;
using FactorialGen.Testing;
using FactorialGen.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FactorialGen.Client.Tests;

/// <summary>
/// <c>hr.Webhooks</c>: one subscription per event type at <c>baseUrl/type</c> with a fresh random challenge, updated
/// rather than duplicated, removed by <c>UnsubscribeAllAsync</c>, rolled back when a call fails, and the challenges
/// never in a log line, a <c>ToString()</c> or an exception.
/// </summary>
public sealed class WebhookSubscriptionTests
{
    private static readonly Uri Receiver = new("http://127.0.0.1:5999/factorial/webhooks");
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static async Task<HrAdmin> ConnectAsync(TestSandbox sandbox) =>
        new(await sandbox.AuthorizeAsync(FactorialScope.ReadWrite), options: sandbox.ClientOptions());

    [Fact]
    public async Task Subscribe_makes_one_subscription_per_type_at_base_url_slash_type_each_with_its_own_random_challenge()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var hr = await ConnectAsync(sandbox);

        var challenges = await hr.Webhooks.SubscribeAsync(Receiver, [FactorialWebhooks.AttendanceShiftClockIn, FactorialWebhooks.TimeoffLeaveCreate]);

        Assert.Equal(2, challenges.Count);
        Assert.NotEqual(challenges[FactorialWebhooks.AttendanceShiftClockIn], challenges[FactorialWebhooks.TimeoffLeaveCreate]);
        Assert.All(challenges.Values, c => Assert.Equal(43, c.Length)); // 256 random bits, base64url
        var stored = await hr.ApiPublic.WebhookSubscriptions.ListAsync(type: FactorialWebhooks.AttendanceShiftClockIn);
        var clockIn = Assert.Single(stored.Items);
        Assert.Equal("http://127.0.0.1:5999/factorial/webhooks/attendance/shift/clock_in", clockIn.TargetUrl);
        Assert.Equal(challenges[FactorialWebhooks.AttendanceShiftClockIn], clockIn.Challenge);
        Assert.True(clockIn.Enabled);
        Assert.Contains(await hr.Webhooks.ListAsync(), s => s.SubscriptionType == FactorialWebhooks.TimeoffLeaveCreate && s.TargetUrl == new Uri(Receiver + "/timeoff/leave/create"));
    }

    [Fact]
    public async Task A_generated_model_holding_a_challenge_does_not_print_it_in_ToString()
    {
        // Generated models are classes, not records: a record's synthesized ToString prints every property, and the
        // document's WebhookSubscription carries the challenge (Expense carries an access token) in a plain field.
        await using var sandbox = await TestSandbox.StartAsync();
        using var hr = await ConnectAsync(sandbox);
        var challenges = await hr.Webhooks.SubscribeAsync(Receiver, [FactorialWebhooks.AttendanceShiftClockIn]);

        var page = await hr.ApiPublic.WebhookSubscriptions.ListAsync(type: FactorialWebhooks.AttendanceShiftClockIn);

        var subscription = Assert.Single(page.Items);
        Assert.Equal(challenges[FactorialWebhooks.AttendanceShiftClockIn], subscription.Challenge);
        Assert.DoesNotContain(subscription.Challenge!, subscription.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(subscription.Challenge!, page.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(subscription.Challenge!, string.Join(" ", page.Items), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribing_again_updates_the_subscription_of_the_type_with_a_new_challenge()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var hr = await ConnectAsync(sandbox);

        var first = await hr.Webhooks.SubscribeAsync(Receiver, [FactorialWebhooks.AttendanceShiftClockIn]);
        var second = await hr.Webhooks.SubscribeAsync(new Uri("http://127.0.0.1:6000/hooks/"), [FactorialWebhooks.AttendanceShiftClockIn]);

        Assert.NotEqual(first[FactorialWebhooks.AttendanceShiftClockIn], second[FactorialWebhooks.AttendanceShiftClockIn]);
        var all = (await hr.Webhooks.ListAsync()).Where(s => s.SubscriptionType == FactorialWebhooks.AttendanceShiftClockIn).ToList();
        Assert.Equal("http://127.0.0.1:6000/hooks/attendance/shift/clock_in", Assert.Single(all).TargetUrl!.AbsoluteUri);
        Assert.Equal(0, sandbox.Server.Webhooks.Published); // no event happened, so nothing was queued
    }

    [Fact]
    public async Task UnsubscribeAll_deletes_the_receivers_subscriptions_and_their_stored_challenges_only()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var hr = await ConnectAsync(sandbox);
        var store = new FactorialWebhookChallengeStore();
        await hr.Webhooks.SubscribeAsync(new Uri("http://127.0.0.1:6001/other"), [FactorialWebhooks.TimeoffLeaveCreate]);
        await hr.Webhooks.SubscribeAsync(Receiver, [FactorialWebhooks.AttendanceShiftClockIn, FactorialWebhooks.AttendanceShiftClockOut], new() { Store = store });
        var before = await hr.Webhooks.ListAsync();

        var deleted = await hr.Webhooks.UnsubscribeAllAsync(Receiver, store);

        Assert.Equal(2, deleted);
        var after = await hr.Webhooks.ListAsync();
        Assert.Equal(before.Count - 2, after.Count);
        Assert.DoesNotContain(after, s => s.TargetUrl!.AbsoluteUri.StartsWith(Receiver.AbsoluteUri, StringComparison.Ordinal));
        Assert.Contains(after, s => s.SubscriptionType == FactorialWebhooks.TimeoffLeaveCreate); // another receiver's stays
        Assert.Empty(store.SubscriptionTypes);
    }

    [Fact]
    public async Task A_refused_subscription_rolls_back_the_call_and_no_challenge_reaches_the_exception_logs_or_ToString()
    {
        // Factorial refuses the second subscription and echoes the request body (with its challenge) in the error.
        await using var server = await HostileServer.StartAsync();
        var posts = 0;
        server.Handle(async context =>
        {
            var request = context.Request;
            context.Response.ContentType = "application/json";
            if (request.Method == "GET" && request.Path.Value!.EndsWith("/credentials", StringComparison.Ordinal))
            {
                await context.Response.WriteAsync("""{"data":[{"company_id":"7"}],"meta":{"has_next_page":false,"has_previous_page":false,"limit":100,"total":1}}""");
            }
            else if (request.Method == "GET")
            {
                await context.Response.WriteAsync("""{"data":[],"meta":{"has_next_page":false,"has_previous_page":false,"limit":100,"total":0}}""");
            }
            else if (request.Method == "POST" && Interlocked.Increment(ref posts) == 1)
            {
                context.Response.StatusCode = 201;
                await context.Response.WriteAsync("""{"id":"41","type":"attendance/shift/clock_in","target_url":"http://127.0.0.1:5999/x","company_id":"7","enabled":true,"api_version":"2026-07-01"}""");
            }
            else if (request.Method == "POST")
            {
                var body = server.Received[^1].Body; // the server has read the body already
                context.Response.StatusCode = 422;
                await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = "unprocessable_entity", error_description = "Invalid subscription: " + body }));
            }
            else
            {
                await context.Response.WriteAsync("""{"id":"41","type":"attendance/shift/clock_in","target_url":"http://127.0.0.1:5999/x","company_id":"7","enabled":false,"api_version":"2026-07-01"}""");
            }
        });
        using var logs = new CapturedLogs();
        using var hr = new HrAdmin(new FactorialApiKey("test-key-webhooks"), new FactorialClientOptions { BaseAddress = server.BaseAddress, LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)) });
        var store = new FactorialWebhookChallengeStore();

        var error = await Assert.ThrowsAsync<FactorialWebhookSubscriptionException>(() =>
            hr.Webhooks.SubscribeAsync(Receiver, [FactorialWebhooks.AttendanceShiftClockIn, FactorialWebhooks.AttendanceShiftClockOut], new() { Store = store }).WaitAsync(HangGuard));

        var sent = server.Received.Where(r => r.Method == "POST").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("challenge").GetString()!).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal("7", JsonDocument.Parse(server.Received.First(r => r.Method == "POST").Body).RootElement.GetProperty("company_id").GetString());
        Assert.Contains(server.Received, r => r.Method == "DELETE" && r.PathAndQuery.EndsWith("/api_public/webhook_subscriptions/41", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal([FactorialWebhooks.AttendanceShiftClockOut], error.SubscriptionTypes);
        Assert.Contains("deleted again", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException); // the cause held the challenge: dropped
        Assert.Empty(store.SubscriptionTypes);
        foreach (var challenge in sent)
        {
            Assert.DoesNotContain(challenge, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(logs.Lines, l => l.Contains(challenge, StringComparison.Ordinal));
        }

        Assert.NotEmpty(logs.Lines); // the requests were logged (without the challenges)
    }

    [Fact]
    public async Task The_challenges_ToString_and_the_store_name_types_never_values()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var hr = await ConnectAsync(sandbox);
        var store = new FactorialWebhookChallengeStore();

        var challenges = await hr.Webhooks.SubscribeAsync(Receiver, [FactorialWebhooks.AttendanceShiftClockIn], new() { Store = store });

        var secret = challenges[FactorialWebhooks.AttendanceShiftClockIn];
        Assert.Equal(secret, store.Find(FactorialWebhooks.AttendanceShiftClockIn));
        Assert.Contains(FactorialWebhooks.AttendanceShiftClockIn, challenges.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, challenges.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, store.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, string.Join(";", await hr.Webhooks.ListAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unusable_urls_and_types_are_refused_before_anything_is_sent()
    {
        await using var server = await HostileServer.StartAsync();
        using var hr = new HrAdmin(new FactorialApiKey("test-key-webhooks"), new FactorialClientOptions { BaseAddress = server.BaseAddress });

        await Assert.ThrowsAsync<ArgumentException>(() => hr.Webhooks.SubscribeAsync(new Uri("http://hr.example.com/hooks"), [FactorialWebhooks.AttendanceShiftClockIn]));
        await Assert.ThrowsAsync<ArgumentException>(() => hr.Webhooks.SubscribeAsync(new Uri("https://hr.example.com/hooks?x=1"), [FactorialWebhooks.AttendanceShiftClockIn]));
        await Assert.ThrowsAsync<ArgumentException>(() => hr.Webhooks.SubscribeAsync(Receiver, ["ats/application/create"]));
        await Assert.ThrowsAsync<ArgumentException>(() => hr.Webhooks.SubscribeAsync(Receiver, []));

        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Cancelling_while_a_subscription_is_being_made_stops_and_rolls_back()
    {
        await using var server = await HostileServer.StartAsync();
        var posted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Handle(async context =>
        {
            context.Response.ContentType = "application/json";
            if (context.Request.Method == "GET")
            {
                await context.Response.WriteAsync("""{"data":[{"company_id":"7"}],"meta":{"has_next_page":false,"has_previous_page":false,"limit":100,"total":1}}""");
                return;
            }

            posted.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted); // never answers
        });
        using var hr = new HrAdmin(new FactorialApiKey("test-key-webhooks"), new FactorialClientOptions { BaseAddress = server.BaseAddress });
        using var cancel = new CancellationTokenSource();

        var subscribing = hr.Webhooks.SubscribeAsync(Receiver, [FactorialWebhooks.AttendanceShiftClockIn], cancellationToken: cancel.Token);
        await posted.Task.WaitAsync(HangGuard);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => subscribing.WaitAsync(HangGuard));
        Assert.DoesNotContain(server.Received, r => r.Method == "DELETE"); // nothing had been made
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string[] Lines => _lines.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} [{eventId.Id}] {formatter(state, exception)} {exception} {state}");
        }
    }
}
