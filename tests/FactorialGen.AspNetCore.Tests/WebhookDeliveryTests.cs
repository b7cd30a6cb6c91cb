using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Linq;
using System.Threading.Tasks;
using FactorialGen.AspNetCore.Tests.FactorialApi.V2026_07_01;

namespace FactorialGen.AspNetCore.Tests;

/// <summary>Verified deliveries reach the typed handler; everything else is refused before it runs.</summary>
public sealed class WebhookDeliveryTests
{
    private const string Secret = "s3cret-challenge-0f9e";
    private const string ShiftJson = """{"id":7,"employee_id":42,"clock_in":"2026-07-01T08:00:00Z","unknown_field":[1,2]}""";

    private const string SentinelJson = """{"id":999,"full_name":"sentinel"}""";

    private readonly ConcurrentQueue<object> _handled = new();
    private readonly SemaphoreSlim _sentinel = new(0);

    /// <summary>One worker, so handlers run in delivery order: once the sentinel is handled, every delivery before it was too.</summary>
    private Task<WebhookReceiver> StartAsync(Action<FactorialWebhookOptions>? options = null, Func<Shift, CancellationToken, Task>? onClockIn = null) =>
        WebhookReceiver.StartAsync(
            options ?? (o => { o.Challenge = Secret; o.Workers = 1; }),
            hooks => hooks
                .On(FactorialWebhooks.AttendanceShiftClockIn, onClockIn ?? ((Shift shift, CancellationToken _) => { _handled.Enqueue(shift); return Task.CompletedTask; }))
                .On(FactorialWebhooks.EmployeesEmployeeCreate, (EmployeesEmployee employee, CancellationToken _) =>
                {
                    _handled.Enqueue(employee);
                    if (employee.Id == 999)
                    {
                        _sentinel.Release();
                    }

                    return Task.CompletedTask;
                }));

    /// <summary>Sends the sentinel (with <paramref name="challenge"/>) and waits until it is handled: the queue before it is done.</summary>
    private async Task DrainAsync(WebhookReceiver receiver, string challenge = Secret)
    {
        using var response = await receiver.PostAsync("employees/employee/create", SentinelJson, challenge);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _sentinel.WaitAsync(TimeSpan.FromSeconds(30)), "hang guard: the sentinel was never handled");
    }

    private object[] HandledBeforeSentinel => _handled.Where(h => h is not EmployeesEmployee { Id: 999 }).ToArray();

    [Fact]
    public async Task A_delivery_with_the_right_challenge_reaches_the_typed_handler()
    {
        await using var receiver = await StartAsync();

        using var response = await receiver.PostAsync("attendance/shift/clock_in", ShiftJson, Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var created = await receiver.PostAsync("employees/employee/create", """{"id":3,"full_name":"Ada"}""", Secret);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        await DrainAsync(receiver);

        var handled = HandledBeforeSentinel;
        Assert.Equal(2, handled.Length);
        var shift = Assert.IsType<Shift>(handled[0]);
        Assert.Equal(7, shift.Id);
        Assert.Equal(42, shift.EmployeeId);
        Assert.Equal("Ada", Assert.IsType<EmployeesEmployee>(handled[1]).FullName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    [InlineData(Secret + "x")]
    [InlineData("S3CRET-CHALLENGE-0F9E")]
    [InlineData(Secret + ", " + Secret)]
    public async Task A_missing_or_wrong_challenge_is_401_and_the_handler_never_runs(string? challenge)
    {
        await using var receiver = await StartAsync();

        using var response = await receiver.PostAsync("attendance/shift/clock_in", ShiftJson, challenge);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await DrainAsync(receiver);
        Assert.Empty(HandledBeforeSentinel);
        Assert.True(receiver.Logs.Contains("with 401"));
    }

    [Fact]
    public async Task A_repeated_challenge_header_is_401()
    {
        await using var receiver = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/factorial/webhooks/attendance/shift/clock_in") { Content = new StringContent(ShiftJson) };
        request.Headers.TryAddWithoutValidation(FactorialWebhookOptions.ChallengeHeader, [Secret, Secret]);

        using var response = await receiver.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await DrainAsync(receiver);
        Assert.Empty(HandledBeforeSentinel);
    }

    [Fact]
    public async Task Each_event_type_is_checked_against_its_own_challenge()
    {
        await using var receiver = await StartAsync(o =>
        {
            o.Challenges[FactorialWebhooks.AttendanceShiftClockIn] = "shift-secret";
            o.Challenges[FactorialWebhooks.EmployeesEmployeeCreate] = "employee-secret";
            o.Workers = 1;
        });

        using var crossed = await receiver.PostAsync("attendance/shift/clock_in", ShiftJson, "employee-secret");
        using var own = await receiver.PostAsync("attendance/shift/clock_in", ShiftJson, "shift-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, crossed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await DrainAsync(receiver, "employee-secret");
        Assert.Single(HandledBeforeSentinel);
    }

    [Theory]
    [InlineData("attendance/shift/clock_out")] // an event of the document without a handler
    [InlineData("attendance/shift/unknown")]
    [InlineData("")]
    public async Task An_unknown_event_type_is_404(string type)
    {
        await using var receiver = await StartAsync();

        using var response = await receiver.PostAsync(type, ShiftJson, Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await DrainAsync(receiver);
        Assert.Empty(HandledBeforeSentinel);
    }

    [Theory]
    [InlineData("{\"id\":7,")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("{\"employee_id\":42}")] // the required id is missing
    public async Task A_malformed_body_is_400_with_a_logged_reason_and_no_handler_call(string body)
    {
        await using var receiver = await StartAsync();

        using var response = await receiver.PostAsync("attendance/shift/clock_in", body, Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await DrainAsync(receiver);
        Assert.Empty(HandledBeforeSentinel);
        Assert.True(receiver.Logs.Contains("with 400: the body is not a valid Shift ("));
    }

    [Fact]
    public async Task A_body_over_the_default_1_MiB_cap_is_413_and_never_handled()
    {
        await using var receiver = await StartAsync();
        var padding = new string(' ', 1024 * 1024);

        using var response = await receiver.PostAsync("attendance/shift/clock_in", ShiftJson + padding, Secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await DrainAsync(receiver);
        Assert.Empty(HandledBeforeSentinel);

        using var justUnder = await receiver.PostAsync("attendance/shift/clock_in", ShiftJson + padding[..(1024 * 1024 - ShiftJson.Length)], Secret);
        Assert.Equal(HttpStatusCode.OK, justUnder.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_without_length_over_the_cap_is_413()
    {
        await using var receiver = await StartAsync(o => { o.Challenge = Secret; o.MaxBodyBytes = 4096; o.Workers = 1; });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/factorial/webhooks/attendance/shift/clock_in")
        {
            Content = new StreamContent(new UnknownLengthStream(System.Text.Encoding.UTF8.GetBytes(ShiftJson + new string(' ', 100_000)))),
        };
        request.Headers.TryAddWithoutValidation(FactorialWebhookOptions.ChallengeHeader, Secret);

        using var response = await receiver.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await DrainAsync(receiver);
        Assert.Empty(HandledBeforeSentinel);
    }

    [Fact]
    public async Task A_throwing_handler_is_logged_and_does_not_poison_the_queue()
    {
        await using var receiver = await StartAsync(onClockIn: (shift, _) => shift.Id == 1 ? throw new InvalidOperationException("database down") : RecordAsync(shift));

        using var throwing = await receiver.PostAsync("attendance/shift/clock_in", """{"id":1,"employee_id":1}""", Secret);
        using var next = await receiver.PostAsync("attendance/shift/clock_in", """{"id":2,"employee_id":1}""", Secret);
        await DrainAsync(receiver);

        Assert.Equal(HttpStatusCode.OK, throwing.StatusCode); // answered before the handler ran
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(2L, Assert.IsType<Shift>(Assert.Single(HandledBeforeSentinel)).Id);
        Assert.True(receiver.Logs.Contains("threw InvalidOperationException"));
    }

    private Task RecordAsync(object payload)
    {
        _handled.Enqueue(payload);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_challenge_never_appears_in_any_log_line()
    {
        await using var receiver = await StartAsync();

        (await receiver.PostAsync("attendance/shift/clock_in", ShiftJson, Secret)).Dispose();
        (await receiver.PostAsync("attendance/shift/clock_in", ShiftJson, Secret + "x")).Dispose();
        (await receiver.PostAsync("attendance/shift/clock_in", ShiftJson, Secret[..^1])).Dispose();
        (await receiver.PostAsync("attendance/shift/clock_in", "{\"id\":", Secret)).Dispose();
        (await receiver.PostAsync("attendance/shift/clock_in", ShiftJson + new string(' ', 1024 * 1024), Secret)).Dispose();
        (await receiver.PostAsync("nope", ShiftJson, Secret)).Dispose();

        Assert.NotEmpty(receiver.Logs.Lines);
        Assert.True(receiver.Logs.Contains("with 401"));
        Assert.DoesNotContain(receiver.Logs.Lines, l => l.Contains(Secret[..^1], StringComparison.Ordinal));
    }

    /// <summary>A stream that does not know its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 1024));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
