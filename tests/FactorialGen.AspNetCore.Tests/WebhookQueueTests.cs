using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.AspNetCore.Tests.FactorialApi.V2026_07_01;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace FactorialGen.AspNetCore.Tests;

/// <summary>
/// Handlers run off the request path: answered at once, repeats within the window handled once, a full queue is 503,
/// shutdown drains the queue, and a burst from many senders is handled exactly once each.
/// </summary>
public sealed class WebhookQueueTests(ITestOutputHelper output)
{
    private const string Secret = "queue-challenge-7c1d";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static string Shift(long id) => $$"""{"id":{{id}},"employee_id":5}""";

    private static Task<WebhookReceiver> StartAsync(Func<Shift, CancellationToken, Task> onClockIn, Action<FactorialWebhookOptions>? options = null, Action<IServiceCollection>? services = null) =>
        WebhookReceiver.StartAsync(
            o => { o.Challenge = Secret; options?.Invoke(o); },
            hooks => hooks.On(FactorialWebhooks.AttendanceShiftClockIn, onClockIn),
            services);

    [Fact]
    public async Task A_slow_handler_does_not_delay_the_answer()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await StartAsync(async (_, _) => { started.TrySetResult(); await gate.Task; });

        using var response = await receiver.PostAsync("attendance/shift/clock_in", Shift(1), Secret).WaitAsync(HangGuard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await started.Task.WaitAsync(HangGuard);
        Assert.False(gate.Task.IsCompleted); // the answer came while the handler was still blocked
        gate.SetResult();
    }

    [Fact]
    public async Task A_repeated_delivery_within_the_window_is_handled_once_and_again_after_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-07-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var handled = new ConcurrentQueue<long>();
        var signal = new SemaphoreSlim(0);
        await using var receiver = await StartAsync(
            (shift, _) => { handled.Enqueue(shift.Id); signal.Release(); return Task.CompletedTask; },
            o => { o.Workers = 1; o.DuplicateWindow = TimeSpan.FromMinutes(10); },
            s => s.AddSingleton<TimeProvider>(time));

        for (var i = 0; i < 3; i++)
        {
            using var repeat = await receiver.PostAsync("attendance/shift/clock_in", Shift(1), Secret);
            Assert.Equal(HttpStatusCode.OK, repeat.StatusCode); // a repeat is acknowledged, so Factorial stops retrying
        }

        using var other = await receiver.PostAsync("attendance/shift/clock_in", Shift(2), Secret);
        Assert.True(await signal.WaitAsync(HangGuard));
        Assert.True(await signal.WaitAsync(HangGuard));
        Assert.Equal([1L, 2L], handled.ToArray()); // one worker: in order, and 1 only once

        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var later = await receiver.PostAsync("attendance/shift/clock_in", Shift(1), Secret);
        Assert.True(await signal.WaitAsync(HangGuard));
        Assert.Equal([1L, 2L, 1L], handled.ToArray());
        Assert.True(receiver.Logs.Contains("repeats one accepted within"));
    }

    [Fact]
    public async Task A_full_queue_is_503_so_Factorial_retries_and_the_retry_is_not_taken_for_a_duplicate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new ConcurrentQueue<long>();
        var signal = new SemaphoreSlim(0);
        await using var receiver = await StartAsync(
            async (shift, _) => { started.TrySetResult(); await gate.Task; handled.Enqueue(shift.Id); signal.Release(); },
            o => { o.Workers = 1; o.QueueCapacity = 1; });

        using var first = await receiver.PostAsync("attendance/shift/clock_in", Shift(1), Secret);
        await started.Task.WaitAsync(HangGuard); // the worker holds 1; the queue is empty
        using var second = await receiver.PostAsync("attendance/shift/clock_in", Shift(2), Secret); // fills the queue
        using var third = await receiver.PostAsync("attendance/shift/clock_in", Shift(3), Secret);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);

        gate.SetResult();
        Assert.True(await signal.WaitAsync(HangGuard));
        Assert.True(await signal.WaitAsync(HangGuard));
        using var retry = await receiver.PostAsync("attendance/shift/clock_in", Shift(3), Secret);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True(await signal.WaitAsync(HangGuard));
        Assert.Equal([1L, 2L, 3L], handled.ToArray());
    }

    [Fact]
    public async Task Shutdown_drains_the_queue_before_cancelling_handlers()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outcomes = new ConcurrentQueue<string>();
        await using var receiver = await StartAsync(
            async (shift, ct) =>
            {
                started.TrySetResult();
                await Task.WhenAny(gate.Task, Task.Delay(Timeout.Infinite, ct));
                outcomes.Enqueue($"{shift.Id}:{(ct.IsCancellationRequested ? "cancelled" : "done")}");
            },
            o => o.Workers = 1);

        using var first = await receiver.PostAsync("attendance/shift/clock_in", Shift(1), Secret);
        using var second = await receiver.PostAsync("attendance/shift/clock_in", Shift(2), Secret);
        await started.Task.WaitAsync(HangGuard);

        var stopping = receiver.StopAsync(); // the host's default shutdown timeout (30 s) is far longer than this test
        gate.SetResult();
        await stopping.WaitAsync(HangGuard * 2);

        Assert.Equal(["1:done", "2:done"], outcomes.ToArray());
    }

    [Fact]
    public async Task A_thousand_deliveries_from_20_senders_are_all_accepted_and_each_handled_once()
    {
        const int senders = 20;
        const int perSender = 50;
        var handled = new ConcurrentDictionary<long, int>();
        var all = new SemaphoreSlim(0);
        await using var receiver = await StartAsync((shift, _) =>
        {
            handled.AddOrUpdate(shift.Id, 1, (_, n) => n + 1);
            all.Release();
            return Task.CompletedTask;
        });
        var acks = new ConcurrentBag<double>();
        var statuses = new ConcurrentBag<HttpStatusCode>();

        // Warm-up (not timed, not counted): one delivery per sender opens its connection and JIT-compiles the path.
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async sender =>
        {
            using var response = await receiver.PostAsync("attendance/shift/clock_in", Shift(-1 - sender), Secret);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }));
        for (var i = 0; i < senders; i++)
        {
            Assert.True(await all.WaitAsync(HangGuard));
        }

        handled.Clear();

        await Task.WhenAll(Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; i < perSender; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await receiver.PostAsync("attendance/shift/clock_in", Shift((sender * perSender) + i), Secret);
                acks.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                statuses.Add(response.StatusCode);
            }
        })));
        for (var i = 0; i < senders * perSender; i++)
        {
            Assert.True(await all.WaitAsync(HangGuard), "hang guard: not every delivery was handled");
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(senders * perSender, handled.Count);
        Assert.All(handled.Values, n => Assert.Equal(1, n));
        var sorted = acks.OrderBy(a => a).ToArray();
        output.WriteLine($"{sorted.Length} deliveries from {senders} senders: ack p50 {sorted[sorted.Length / 2]:F2} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:F2} ms, max {sorted[^1]:F2} ms");
    }
}
