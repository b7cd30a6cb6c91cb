using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Samples.Webhooks;
using FactorialGen.Testing;
using Core = FactorialGen.AspNetCore.Tests.FactorialApi;

namespace FactorialGen.AspNetCore.Tests;

/// <summary>
/// samples/FactorialGen.Samples.Webhooks run as its command line says (<c>--urls http://127.0.0.1:PORT --challenge
/// SECRET</c>) against real sandbox deliveries: one JSON line per handled event, nothing for a refused delivery.
/// </summary>
public sealed class WebhookSampleTests
{
    private const string Secret = "sample-secret-3f9a";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_sample_prints_one_json_line_per_sandbox_delivery_and_nothing_for_a_refused_one()
    {
        var port = TestSandbox.FreeLoopbackPort();
        var output = new LineWriter();
        using var stop = new CancellationTokenSource();
        var sample = WebhookSample.RunAsync(["--urls", $"http://127.0.0.1:{port}", "--challenge", Secret], output, stop.Token);
        await using var sandbox = await TestSandbox.StartAsync(o => o.WebhookRetryDelay = TimeSpan.Zero);
        using var hr = new CoreHr(await sandbox.AuthorizeAsync(FactorialScope.ReadWrite), options: sandbox.ClientOptions());
        var me = (await hr.ApiPublic.Credentials.ListAsync()).Items[0];
        foreach (var type in Core.FactorialWebhooks.WebhookEvents.SubscriptionTypes)
        {
            await hr.ApiPublic.WebhookSubscriptions.CreateAsync(new()
            {
                CompanyId = me.CompanyId,
                SubscriptionType = type,
                TargetUrl = $"http://127.0.0.1:{port}{WebhookSample.Prefix}/{type}",
                Challenge = Secret,
            });
        }

        try
        {
            var shift = await hr.Attendance.Shifts.ClockInAsync(new() { Now = sandbox.Time.GetUtcNow() });
            Assert.Equal($$"""{"type":"attendance/shift/clock_in","payload":"Shift","id":"{{Text(shift.Id)}}"}""", await output.NextAsync());
            await hr.Attendance.Shifts.ClockOutAsync(new() { Now = sandbox.Time.GetUtcNow().AddHours(8) });
            Assert.Equal($$"""{"type":"attendance/shift/clock_out","payload":"Shift","id":"{{Text(shift.Id)}}"}""", await output.NextAsync());
            var hired = await hr.Employees.Employees.CreateWithContractAsync(new() { CompanyId = me.CompanyId, FirstName = "Alan", LastName = "Turing", Email = "alan.turing@sandbox-industries.test" });
            Assert.Equal($$"""{"type":"employees/employee/create_with_contract","payload":"Employee","id":"{{Text(hired.Id)}}"}""", await output.NextAsync());
            var leave = await hr.Timeoff.Leaves.CreateAsync(new() { EmployeeId = hired.Id, StartOn = new DateOnly(2026, 4, 6) });
            Assert.Equal($$"""{"type":"timeoff/leave/create","payload":"Leave","id":"{{Text(leave.Id)}}"}""", await output.NextAsync());

            // A forged delivery (wrong challenge) is refused and prints nothing; a genuine one after it prints its line.
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var forged = new HttpRequestMessage(HttpMethod.Post, WebhookSample.Prefix + "/attendance/shift/clock_in") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            forged.Headers.Add("x-factorial-wh-challenge", "forged");
            using var refused = await http.SendAsync(forged);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            var second = await hr.Attendance.Shifts.ClockInAsync(new() { Now = sandbox.Time.GetUtcNow().AddDays(1) });
            Assert.Equal($$"""{"type":"attendance/shift/clock_in","payload":"Shift","id":"{{Text(second.Id)}}"}""", await output.NextAsync());
            Assert.Equal(5, output.Count);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await sample.WaitAsync(HangGuard));
        }
    }

    private static string Text(object id) => Convert.ToString(id, CultureInfo.InvariantCulture)!;

    /// <summary>Collects the sample's standard output line by line.</summary>
    private sealed class LineWriter : StringWriter
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly SemaphoreSlim _signal = new(0);
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override void WriteLine(string? value)
        {
            Interlocked.Increment(ref _count);
            _lines.Enqueue(value ?? string.Empty);
            _signal.Release();
        }

        public async Task<string> NextAsync()
        {
            Assert.True(await _signal.WaitAsync(HangGuard), "the sample printed no line");
            Assert.True(_lines.TryDequeue(out var line));
            return line;
        }
    }
}
