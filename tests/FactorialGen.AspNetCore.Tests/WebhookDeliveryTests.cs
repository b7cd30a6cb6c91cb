using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.AspNetCore.Tests.FactorialApi.FactorialHooks;

namespace FactorialGen.AspNetCore.Tests;

/// <summary>Verified deliveries reach the typed handler; everything else is refused before it runs.</summary>
public sealed class WebhookDeliveryTests
{
    private const string Secret = "s3cret-challenge-0f9e";
    private const string ShiftJson = """{"id":7,"employee_id":42,"clock_in":"2026-07-01T08:00:00Z","unknown_field":[1,2]}""";

    private readonly ConcurrentQueue<object> _handled = new();

    private Task<WebhookReceiver> StartAsync(Action<FactorialWebhookOptions>? options = null, Func<Shift, CancellationToken, Task>? onClockIn = null) =>
        WebhookReceiver.StartAsync(
            options ?? (o => o.Challenge = Secret),
            hooks => hooks
                .On(FactorialWebhooks.AttendanceShiftClockIn, onClockIn ?? ((Shift shift, CancellationToken _) => { _handled.Enqueue(shift); return Task.CompletedTask; }))
                .On(FactorialWebhooks.EmployeesEmployeeCreate, (EmployeesEmployee employee, CancellationToken _) => { _handled.Enqueue(employee); return Task.CompletedTask; }));

    [Fact]
    public async Task A_delivery_with_the_right_challenge_reaches_the_typed_handler()
    {
        await using var receiver = await StartAsync();

        using var response = await receiver.PostAsync("attendance/shift/clock_in", ShiftJson, Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shift = Assert.IsType<Shift>(Assert.Single(_handled));
        Assert.Equal(7, shift.Id);
        Assert.Equal(42, shift.EmployeeId);

        using var created = await receiver.PostAsync("employees/employee/create", """{"id":3,"full_name":"Ada"}""", Secret);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains(_handled, h => h is EmployeesEmployee { Id: 3, FullName: "Ada" });
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
        Assert.Empty(_handled);
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
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task Each_event_type_is_checked_against_its_own_challenge()
    {
        await using var receiver = await StartAsync(o =>
        {
            o.Challenges[FactorialWebhooks.AttendanceShiftClockIn] = "shift-secret";
            o.Challenges[FactorialWebhooks.EmployeesEmployeeCreate] = "employee-secret";
        });

        using var crossed = await receiver.PostAsync("attendance/shift/clock_in", ShiftJson, "employee-secret");
        using var own = await receiver.PostAsync("attendance/shift/clock_in", ShiftJson, "shift-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, crossed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Single(_handled);
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
        Assert.Empty(_handled);
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
        Assert.Empty(_handled);
        Assert.True(receiver.Logs.Contains("with 400: the body is not a valid Shift ("));
    }

    [Fact]
    public async Task A_body_over_the_default_1_MiB_cap_is_413_and_never_handled()
    {
        await using var receiver = await StartAsync();
        var padding = new string(' ', 1024 * 1024);

        using var response = await receiver.PostAsync("attendance/shift/clock_in", ShiftJson + padding, Secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_handled);

        using var justUnder = await receiver.PostAsync("attendance/shift/clock_in", ShiftJson + padding[..(1024 * 1024 - ShiftJson.Length)], Secret);
        Assert.Equal(HttpStatusCode.OK, justUnder.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_without_length_over_the_cap_is_413()
    {
        await using var receiver = await StartAsync(o => { o.Challenge = Secret; o.MaxBodyBytes = 4096; });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/factorial/webhooks/attendance/shift/clock_in")
        {
            Content = new StreamContent(new UnknownLengthStream(System.Text.Encoding.UTF8.GetBytes(ShiftJson + new string(' ', 100_000)))),
        };
        request.Headers.TryAddWithoutValidation(FactorialWebhookOptions.ChallengeHeader, Secret);

        using var response = await receiver.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task A_throwing_handler_is_500_so_Factorial_retries_and_it_is_logged()
    {
        await using var receiver = await StartAsync(onClockIn: (_, _) => throw new InvalidOperationException("database down"));

        using var response = await receiver.PostAsync("attendance/shift/clock_in", ShiftJson, Secret);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(receiver.Logs.Contains("threw InvalidOperationException"));
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
