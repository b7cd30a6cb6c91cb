using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Client.Tests.FactorialApi;
using FactorialGen.Testing;
using Microsoft.AspNetCore.Http;

namespace FactorialGen.Client.Tests;

/// <summary>
/// The sandbox's deliveries as a receiver sees them: the payload of what the client did, the subscription's challenge
/// in <c>x-factorial-wh-challenge</c>, a retry after a failed attempt, and never a target outside loopback.
/// </summary>
public sealed class SandboxWebhookRetryTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_failed_delivery_is_retried_with_the_same_body_and_challenge()
    {
        await using var receiver = await HostileServer.StartAsync();
        var attempts = 0;
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Handle(context =>
        {
            var attempt = Interlocked.Increment(ref attempts);
            context.Response.StatusCode = attempt == 1 ? 500 : 200;
            if (attempt == 2)
            {
                delivered.TrySetResult();
            }

            return Task.CompletedTask;
        });
        await using var sandbox = await TestSandbox.StartAsync(o => o.WebhookRetryDelay = TimeSpan.Zero);
        using var hr = new HrAdmin(await sandbox.AuthorizeAsync(FactorialScope.ReadWrite), options: sandbox.ClientOptions());
        var challenges = await hr.Webhooks.SubscribeAsync(new Uri(receiver.BaseAddress, "hooks"), [FactorialWebhooks.AttendanceShiftClockIn]);

        var shift = await hr.Attendance.Shifts.ClockInAsync(new() { Now = sandbox.Time.GetUtcNow() });
        await delivered.Task.WaitAsync(HangGuard);

        var posts = receiver.Received.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("/hooks/attendance/shift/clock_in", p.PathAndQuery));
        Assert.All(posts, p => Assert.Equal(challenges[FactorialWebhooks.AttendanceShiftClockIn], p.Headers["x-factorial-wh-challenge"]));
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Equal(Convert.ToString(shift.Id, System.Globalization.CultureInfo.InvariantCulture), JsonDocument.Parse(posts[0].Body).RootElement.GetProperty("id").ToString());
        for (var waited = 0; sandbox.Server.Webhooks.Delivered == 0; waited += 10)
        {
            Assert.True(waited < HangGuard.TotalMilliseconds, "the sandbox did not count the delivery");
            await Task.Delay(10);
        }

        Assert.Equal(1, sandbox.Server.Webhooks.FailedAttempts);
    }

    [Fact]
    public async Task A_target_outside_loopback_is_refused()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var hr = new HrAdmin(await sandbox.AuthorizeAsync(FactorialScope.ReadWrite), options: sandbox.ClientOptions());

        var error = await Assert.ThrowsAsync<FactorialApiException>(() => hr.ApiPublic.WebhookSubscriptions.CreateAsync(new()
        {
            CompanyId = "1",
            SubscriptionType = FactorialWebhooks.AttendanceShiftClockIn,
            TargetUrl = "https://hooks.example.com/clock_in",
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }
}
