using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Testing;
using FactorialGen.Webhooks;
using Core = FactorialGen.AspNetCore.Tests.FactorialApi;

namespace FactorialGen.AspNetCore.Tests;

/// <summary>
/// The whole loop over real HTTP: <c>hr.Webhooks.SubscribeAsync</c> registers a Kestrel receiver on loopback with the
/// sandbox, the client acts (clock in/out, employee created, leave created), the sandbox delivers with the
/// subscription's challenge, and the typed handler runs once; a wrong challenge never reaches a handler, and
/// unsubscribing stops the deliveries.
/// </summary>
public sealed class SandboxWebhookDeliveryTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Subscribed_events_of_client_actions_reach_their_typed_handlers_once()
    {
        await using var loop = await Loop.StartAsync();

        var challenges = await loop.Hr.Webhooks.SubscribeAsync(loop.BaseUrl, Core.FactorialWebhooks.WebhookEvents.SubscriptionTypes, new() { Store = loop.Store });
        var shift = await loop.Hr.Attendance.Shifts.ClockInAsync(new() { Now = loop.Sandbox.Time.GetUtcNow() });
        await loop.WaitHandledAsync(1);
        var closed = await loop.Hr.Attendance.Shifts.ClockOutAsync(new() { Now = loop.Sandbox.Time.GetUtcNow().AddHours(4) });
        await loop.WaitHandledAsync(2);
        var hired = await loop.Hr.Employees.Employees.CreateWithContractAsync(new() { CompanyId = "1", FirstName = "Grace", LastName = "Hopper", Email = "grace.hopper@sandbox-industries.test" });
        await loop.WaitHandledAsync(3);
        var leave = await loop.Hr.Timeoff.Leaves.CreateAsync(new() { EmployeeId = shift.EmployeeId, StartOn = new DateOnly(2026, 3, 16) });
        await loop.WaitHandledAsync(4);

        Assert.Equal(4, challenges.Count);
        var handled = loop.Handled.ToArray();
        Assert.Equal(Core.FactorialWebhooks.AttendanceShiftClockIn, handled[0].Type);
        Assert.Equal(shift.Id, Assert.IsType<Core.Shift>(handled[0].Payload).Id);
        Assert.Null(((Core.Shift)handled[0].Payload).ClockOut);
        Assert.Equal(Core.FactorialWebhooks.AttendanceShiftClockOut, handled[1].Type);
        Assert.Equal(closed.ClockOut, Assert.IsType<Core.Shift>(handled[1].Payload).ClockOut);
        Assert.Equal(Core.FactorialWebhooks.EmployeesEmployeeCreateWithContract, handled[2].Type);
        Assert.Equal(hired.Id, Assert.IsType<Core.Employee>(handled[2].Payload).Id);
        Assert.Equal(Core.FactorialWebhooks.TimeoffLeaveCreate, handled[3].Type);
        Assert.Equal(leave.Id, Assert.IsType<Core.Leave>(handled[3].Payload).Id);

        // Once each: four deliveries, none failed (so none retried), four handler runs.
        await loop.WaitUntilAsync(() => loop.Sandbox.Server.Webhooks.Delivered == 4);
        Assert.Equal(4, loop.Sandbox.Server.Webhooks.Published);
        Assert.Equal(0, loop.Sandbox.Server.Webhooks.FailedAttempts);
        Assert.Equal(4, loop.Handled.Count);
        Assert.All(challenges.Values, c => Assert.DoesNotContain(loop.Receiver.Logs.Lines, l => l.Contains(c, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_delivery_with_a_wrong_challenge_is_refused_retried_and_never_handled()
    {
        await using var loop = await Loop.StartAsync();
        var challenges = await loop.Hr.Webhooks.SubscribeAsync(loop.BaseUrl, [Core.FactorialWebhooks.AttendanceShiftClockIn], new() { Store = loop.Store });
        loop.Store.Set(Core.FactorialWebhooks.AttendanceShiftClockIn, "not-the-subscriptions-challenge");

        await loop.Hr.Attendance.Shifts.ClockInAsync(new() { Now = loop.Sandbox.Time.GetUtcNow() });

        await loop.WaitUntilAsync(() => loop.Sandbox.Server.Webhooks.GivenUp == 1);
        Assert.Equal(3, loop.Sandbox.Server.Webhooks.FailedAttempts); // the first try and two retries, each 401
        Assert.Equal(0, loop.Sandbox.Server.Webhooks.Delivered);
        Assert.Empty(loop.Handled);
        Assert.Equal(3, loop.Receiver.Logs.Lines.Count(l => l.Contains("does not match", StringComparison.Ordinal)));
        Assert.DoesNotContain(loop.Receiver.Logs.Lines, l => l.Contains(challenges[Core.FactorialWebhooks.AttendanceShiftClockIn], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unsubscribing_stops_deliveries_and_closes_the_receiver_to_the_old_challenge()
    {
        await using var loop = await Loop.StartAsync();
        var challenges = await loop.Hr.Webhooks.SubscribeAsync(loop.BaseUrl, [Core.FactorialWebhooks.AttendanceShiftClockIn, Core.FactorialWebhooks.AttendanceShiftClockOut], new() { Store = loop.Store });
        await loop.Hr.Attendance.Shifts.ClockInAsync(new() { Now = loop.Sandbox.Time.GetUtcNow() });
        await loop.WaitHandledAsync(1);

        Assert.Equal(2, await loop.Hr.Webhooks.UnsubscribeAllAsync(loop.BaseUrl, loop.Store));
        await loop.Hr.Attendance.Shifts.ClockOutAsync(new() { Now = loop.Sandbox.Time.GetUtcNow().AddHours(1) });
        using var replay = await loop.Receiver.PostAsync(Core.FactorialWebhooks.AttendanceShiftClockOut, """{"id":"1","employee_id":"1","company_id":"1","date":"2026-03-02","reference_date":"2026-03-02","minutes":0,"workable":true,"created_at":"2026-03-02T09:00:00Z","updated_at":"2026-03-02T09:00:00Z"}""", challenges[Core.FactorialWebhooks.AttendanceShiftClockOut]);

        Assert.Equal(1, loop.Sandbox.Server.Webhooks.Published); // the clock-out found no subscription: nothing was queued
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode); // its challenge left the store
        Assert.Single(loop.Handled);
        Assert.Empty(await loop.Hr.Webhooks.ListAsync().ContinueWith(t => t.Result.Where(s => s.TargetUrl!.AbsoluteUri.StartsWith(loop.BaseUrl.AbsoluteUri, StringComparison.Ordinal)).ToList(), TaskScheduler.Default));
    }

    /// <summary>A sandbox, a receiver of every built-in event with a challenge store, and a read-write client.</summary>
    private sealed class Loop : IAsyncDisposable
    {
        private readonly SemaphoreSlim _signal = new(0);

        private Loop(TestSandbox sandbox, FactorialWebhookChallengeStore store)
        {
            Sandbox = sandbox;
            Store = store;
        }

        public TestSandbox Sandbox { get; }

        public FactorialWebhookChallengeStore Store { get; }

        public WebhookReceiver Receiver { get; private set; } = null!;

        public CoreHr Hr { get; private set; } = null!;

        public Uri BaseUrl => new(Receiver.Client.BaseAddress!, "factorial/webhooks");

        public ConcurrentQueue<(string Type, object Payload)> Handled { get; } = new();

        public static async Task<Loop> StartAsync()
        {
            var sandbox = await TestSandbox.StartAsync(o => o.WebhookRetryDelay = TimeSpan.Zero);
            var loop = new Loop(sandbox, new FactorialWebhookChallengeStore());
            loop.Receiver = await WebhookReceiver.StartAsync<CoreHr>(
                o => o.ChallengeStore = loop.Store,
                hooks => hooks
                    .On(Core.FactorialWebhooks.AttendanceShiftClockIn, (Core.Shift s, CancellationToken _) => loop.RecordAsync(Core.FactorialWebhooks.AttendanceShiftClockIn, s))
                    .On(Core.FactorialWebhooks.AttendanceShiftClockOut, (Core.Shift s, CancellationToken _) => loop.RecordAsync(Core.FactorialWebhooks.AttendanceShiftClockOut, s))
                    .On(Core.FactorialWebhooks.EmployeesEmployeeCreateWithContract, (Core.Employee e, CancellationToken _) => loop.RecordAsync(Core.FactorialWebhooks.EmployeesEmployeeCreateWithContract, e))
                    .On(Core.FactorialWebhooks.TimeoffLeaveCreate, (Core.Leave l, CancellationToken _) => loop.RecordAsync(Core.FactorialWebhooks.TimeoffLeaveCreate, l)));
            loop.Hr = new CoreHr(await sandbox.AuthorizeAsync(FactorialScope.ReadWrite), options: sandbox.ClientOptions());
            return loop;
        }

        public async Task WaitHandledAsync(int count)
        {
            while (Handled.Count < count)
            {
                Assert.True(await _signal.WaitAsync(HangGuard), $"only {Handled.Count} of {count} events were handled");
            }
        }

        public async Task WaitUntilAsync(Func<bool> condition)
        {
            for (var waited = TimeSpan.Zero; !condition(); waited += TimeSpan.FromMilliseconds(10))
            {
                Assert.True(waited < HangGuard, "the sandbox's deliveries did not settle");
                await Task.Delay(10);
            }
        }

        public async ValueTask DisposeAsync()
        {
            Hr?.Dispose();
            await Receiver.DisposeAsync();
            await Sandbox.DisposeAsync();
        }

        private Task RecordAsync(string type, object payload)
        {
            Handled.Enqueue((type, payload));
            _signal.Release();
            return Task.CompletedTask;
        }
    }
}
