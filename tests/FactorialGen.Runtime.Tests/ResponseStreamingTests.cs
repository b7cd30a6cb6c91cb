using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// Bodies are read as streams and cut at <see cref="FactorialClientOptions.MaxResponseBytes"/>, and every read honours
/// cancellation: a body that never ends can neither exhaust memory nor hold a caller forever.
/// </summary>
public sealed class ResponseStreamingTests
{
    private const int Limit = 64 * 1024;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // only ever reached if cancellation is ignored

    private static FactorialRequest Item() => new(HttpMethod.Get, "employees/employees/1");

    private static FactorialRequest List() => new(HttpMethod.Get, "employees/employees");

    public static TheoryData<string> Readers => ["SendAsync<T>", "SendJsonAsync", "GetPageAsync", "ListAllAsync"];

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Endless_body_without_a_length_is_cut_at_the_limit_after_reading_about_that_much(string reader)
    {
        var body = new EndlessStream("{\"data\": ["u8.ToArray(), "{\"id\": 1, \"full_name\": \"Ana\"},"u8.ToArray());
        using var connection = Connection(CannedHandler.Streaming(HttpStatusCode.OK, () => body));

        var error = await Assert.ThrowsAsync<FactorialResponseTooLargeException>(() => Read(reader, connection, CancellationToken.None).WaitAsync(Guard));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
        Assert.InRange(body.BytesRead, Limit, Limit + (128 * 1024)); // streamed and cut, not buffered whole
        Assert.True(body.Disposed, "the body stream is released");
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Body_announced_over_the_limit_is_refused_before_reading_it(string reader)
    {
        var body = new EndlessStream("["u8.ToArray(), " "u8.ToArray());
        using var connection = Connection(CannedHandler.Streaming(HttpStatusCode.OK, () => body, contentLength: Limit + 1));

        await Assert.ThrowsAsync<FactorialResponseTooLargeException>(() => Read(reader, connection, CancellationToken.None).WaitAsync(Guard));

        Assert.Equal(0, body.BytesRead);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    [InlineData("error body")]
    public async Task Body_that_stops_arriving_is_abandoned_promptly_when_the_caller_cancels(string reader)
    {
        var body = new StallingStream("{\"data\": [{\"id\": 1"u8.ToArray());
        var status = reader == "error body" ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;
        using var connection = Connection(CannedHandler.Streaming(status, () => body));
        using var cancel = new CancellationTokenSource();

        var call = Read(reader == "error body" ? "SendJsonAsync" : reader, connection, cancel.Token);
        await body.Stalled.WaitAsync(Guard); // the client has read what came and waits for more
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Guard));
        Assert.True(body.Disposed, "the body stream is released");
    }

    [Theory]
    [InlineData("exchange", HttpStatusCode.OK)]
    [InlineData("refresh", HttpStatusCode.OK)]
    [InlineData("revoke", HttpStatusCode.OK)]
    [InlineData("exchange", HttpStatusCode.BadRequest)]
    [InlineData("revoke", HttpStatusCode.InternalServerError)]
    public async Task Token_endpoint_answer_that_stops_arriving_is_abandoned_promptly_when_the_caller_cancels(string call, HttpStatusCode status)
    {
        var body = new StallingStream("{\"access_token\": \"a"u8.ToArray());
        using var oauth = new FactorialOAuth(
            new FactorialApp("id", "secret", FactorialApp.OutOfBandRedirectUri),
            new FactorialOAuthOptions { HttpMessageHandler = CannedHandler.Streaming(status, () => body) });
        using var cancel = new CancellationTokenSource();

        Task pending = call switch
        {
            "exchange" => oauth.ObtainAccessTokenAsync("key", cancel.Token),
            "refresh" => oauth.RefreshAccessTokenAsync("refresh-token", cancel.Token),
            _ => oauth.RevokeAsync(FactorialToken.FromAccessToken("token", FactorialScope.Read), cancel.Token),
        };
        await body.Stalled.WaitAsync(Guard);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(Guard));
    }

    [Theory]
    [InlineData("exchange")]
    [InlineData("refresh")]
    [InlineData("revoke")]
    public async Task Endless_token_endpoint_answer_is_cut_at_one_mebibyte(string call)
    {
        var body = new EndlessStream("{\"access_token\": \""u8.ToArray(), "a"u8.ToArray());
        using var oauth = new FactorialOAuth(
            new FactorialApp("id", "secret", FactorialApp.OutOfBandRedirectUri),
            new FactorialOAuthOptions { HttpMessageHandler = CannedHandler.Streaming(HttpStatusCode.OK, () => body) });

        Task pending = call switch
        {
            "exchange" => oauth.ObtainAccessTokenAsync("key"),
            "refresh" => oauth.RefreshAccessTokenAsync("refresh-token"),
            _ => oauth.RevokeAsync(FactorialToken.FromAccessToken("token", FactorialScope.Read)),
        };

        var error = await Assert.ThrowsAsync<FactorialInvalidResponseException>(() => pending.WaitAsync(Guard));
        Assert.Contains("1048576 bytes", error.Message, StringComparison.Ordinal);
        Assert.InRange(body.BytesRead, 1024 * 1024, 2 * 1024 * 1024);
    }

    [Fact]
    public async Task Endless_error_body_is_read_only_up_to_the_error_body_limit()
    {
        var body = new EndlessStream("<html>"u8.ToArray(), "<p>Internal error</p>"u8.ToArray());
        var options = new FactorialClientOptions { PrimaryHandler = CannedHandler.Streaming(HttpStatusCode.BadGateway, () => body, mediaType: "text/html"), MaxErrorBodyChars = 1_000 };
        using var connection = new FactorialConnection(new FactorialApiKey("key"), options);

        var error = await Assert.ThrowsAsync<FactorialApiException>(() => connection.SendJsonAsync(Item()).WaitAsync(Guard));

        Assert.Equal(1_000, error.ResponseBody!.Length);
        Assert.InRange(body.BytesRead, 1_000, 64 * 1024);
    }

    [Fact]
    public async Task Body_that_stops_arriving_times_out_by_itself_after_the_client_timeout()
    {
        // FactorialClientOptions.Timeout is documented as covering the body as well: no caller cancellation here.
        var body = new StallingStream("{\"id\": 1"u8.ToArray());
        var options = new FactorialClientOptions { PrimaryHandler = CannedHandler.Streaming(HttpStatusCode.OK, () => body), Timeout = TimeSpan.FromMilliseconds(300) };
        using var connection = new FactorialConnection(new FactorialApiKey("key"), options);

        var call = connection.SendJsonAsync(Item());
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.True(finished == call, "a body that never ends held the call past FactorialClientOptions.Timeout");
        await Assert.ThrowsAsync<FactorialNetworkException>(() => call);
    }

    private static FactorialConnection Connection(HttpMessageHandler handler) =>
        new(new FactorialApiKey("key"), new FactorialClientOptions { PrimaryHandler = handler, MaxResponseBytes = Limit });

    private static async Task Read(string reader, FactorialConnection connection, CancellationToken cancellationToken)
    {
        switch (reader)
        {
            case "SendAsync<T>":
                await connection.SendAsync(Item(), TestJsonContext.Default.TestEmployee, cancellationToken);
                break;
            case "SendJsonAsync":
                await connection.SendJsonAsync(Item(), cancellationToken);
                break;
            case "GetPageAsync":
                await connection.GetPageAsync(List(), TestJsonContext.Default.TestEmployee, cancellationToken);
                break;
            default:
                await foreach (var _ in connection.ListAllAsync(List(), TestJsonContext.Default.TestEmployee, cancellationToken: cancellationToken))
                {
                }

                break;
        }
    }
}
