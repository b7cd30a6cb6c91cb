using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Runtime.Generated;
using FactorialGen.Serialization;

namespace FactorialGen.Tests;

/// <summary>
/// What the per-call speed work (docs/benchmarks.md) must not change: one-pass page reading in both shapes, date parsing
/// straight from UTF-8, and a body sent again after a 401 without being copied first.
/// </summary>
public sealed class HotPathTests
{
    private static readonly Uri Api = new("https://api.factorialhr.com/");

    private static FactorialConnection Connection(HttpMessageHandler handler) =>
        new(new FactorialApiKey("key"), new FactorialClientOptions { PrimaryHandler = handler, BaseAddress = Api });

    [Theory]
    [InlineData("""{"data": [{"id": 1}, null, {"id": 2}], "meta": {"has_next_page": true, "end_cursor": "2", "limit": "100", "total": 5}}""")]
    [InlineData("""{"meta": {"has_next_page": true, "end_cursor": 2, "limit": 100, "total": "5", "extra": [1, {"a": 2}]}, "other": {"x": [1]}, "data": [{"id": 1}, {"id": 2}]}""")]
    public async Task Wrapped_pages_are_read_in_one_pass_whatever_the_property_order(string body)
    {
        using var connection = Connection(new CannedHandler(HttpStatusCode.OK, body));
        var page = await connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee);

        Assert.Equal([1L, 2L], [page.Items[0].Id, page.Items[1].Id]);
        Assert.Equal(2, page.Items.Count);
        Assert.Equal(new FactorialPageMeta(100, 5, true, false, null, "2"), page.Meta);
        Assert.Equal("2", page.NextCursor);
    }

    [Fact]
    public async Task Bare_array_with_a_byte_order_mark_is_a_page_without_meta()
    {
        var handler = CannedHandler.Bytes([0xEF, 0xBB, 0xBF, .. "[{\"id\": 3}]"u8]);
        using var connection = Connection(handler);
        var page = await connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee);

        Assert.Equal(3, Assert.Single(page.Items).Id);
        Assert.Null(page.Meta);
    }

    [Theory]
    [InlineData("""{"data": 5}""", "Expected a list (an array, or an object with a 'data' array) but got a JSON Object")]
    [InlineData("""{"meta": {}}""", "Expected a list (an array, or an object with a 'data' array) but got a JSON Object")]
    [InlineData("\"text\"", "Expected a list (an array, or an object with a 'data' array) but got a JSON String")]
    [InlineData("null", "Expected a list (an array, or an object with a 'data' array) but got a JSON Null")]
    [InlineData("""{"data": [{"id": 1}, {"id": []}]}""", "Item 1 of the list could not be read")]
    [InlineData("""[{"id": 1}] [2]""", "The body could not be read")]
    public async Task Bodies_that_are_not_lists_say_what_was_wrong(string body, string message)
    {
        using var connection = Connection(new CannedHandler(HttpStatusCode.OK, body));
        var error = await Assert.ThrowsAsync<FactorialInvalidResponseException>(
            () => connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_without_a_length_is_read_whole_and_still_limited()
    {
        var items = string.Join(",", Enumerable.Range(1, 3000).Select(i => $"{{\"id\": {i}, \"full_name\": \"Person {i}\"}}"));
        var json = Encoding.UTF8.GetBytes($"{{\"data\": [{items}]}}"); // ~100 KB, read in chunks without Content-Length
        using (var connection = Connection(CannedHandler.Bytes(json, announceLength: false)))
        {
            var page = await connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee);
            Assert.Equal(3000, page.Items.Count);
            Assert.Equal("Person 3000", page.Items[^1].FullName);
        }

        using var limited = new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { PrimaryHandler = CannedHandler.Bytes(json, announceLength: false), BaseAddress = Api, MaxResponseBytes = 50_000 });
        var error = await Assert.ThrowsAsync<FactorialResponseTooLargeException>(
            () => limited.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee));
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"2026-03-02T09:15:30.123Z\"", "2026-03-02T09:15:30.1230000+00:00")]
    [InlineData("\"2026-03-02T09:15:30+02:00\"", "2026-03-02T09:15:30.0000000+02:00")]
    [InlineData("\"2026-03-02T09:15:30-05:30\"", "2026-03-02T09:15:30.0000000-05:30")]
    [InlineData("\"2026-03-02T09:15:30\"", "2026-03-02T09:15:30.0000000+00:00")]
    [InlineData("\"2026-03-02\"", "2026-03-02T00:00:00.0000000+00:00")]
    [InlineData("\"2026\\u002d03-02T09:15:30Z\"", "2026-03-02T09:15:30.0000000+00:00")]
    public void Timestamps_read_the_same_on_the_fast_and_the_slow_path(string json, string? expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        Assert.Equal(expected, FactorialJsonReader.ReadDateTime(ref reader)?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("\"2026-03-02\"", "2026-03-02")]
    [InlineData("\"2024-02-29T10:00:00Z\"", "2024-02-29")]
    [InlineData("\"2026\\u002d03-02\"", "2026-03-02")]
    [InlineData("null", null)]
    public void Dates_read_the_same_on_the_fast_and_the_slow_path(string json, string? expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        Assert.Equal(expected, FactorialJsonReader.ReadDate(ref reader)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_a_401_the_same_body_is_sent_again_and_the_request_stays_usable(bool streamed)
    {
        var server = new RejectOnceServer();
        var token = new FactorialToken("old-access", "old-refresh", FactorialScope.ReadWrite, DateTimeOffset.UtcNow, expiresAt: null);
        using var connection = new FactorialConnection(token, new InMemoryTokenStore(token), new FactorialClientOptions
        {
            BaseAddress = Api,
            PrimaryHandler = server,
            App = new FactorialApp("client", "secret", FactorialApp.OutOfBandRedirectUri),
        });
        var request = new FactorialRequest(HttpMethod.Post, "attendance/shifts/clock_in");
        const string Body = """{"employee_id":7,"now":"2026-03-02T09:00:00Z"}""";
        if (streamed)
        {
            var content = new StreamContent(new OneWayStream(Encoding.UTF8.GetBytes(Body)));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.WithContent(content);
        }
        else
        {
            request.WithJsonBody(new TestClockIn(7, "2026-03-02T09:00:00Z"), TestJsonContext.Default.TestClockIn);
        }

        await connection.SendJsonAsync(request);

        Assert.Equal(["Bearer old-access", "Bearer new-access"], server.Authorizations);
        Assert.Equal([Body, Body], server.Bodies);
        Assert.Equal(["application/json", "application/json"], server.ContentTypes);
        if (!streamed)
        {
            await connection.SendJsonAsync(request); // the request's own content was not disposed by the retry
            Assert.Equal(Body, server.Bodies[^1]);
        }
    }

    /// <summary>A token endpoint plus a resource that refuses the first bearer token with 401.</summary>
    private sealed class RejectOnceServer : HttpMessageHandler
    {
        public List<string> Authorizations { get; } = [];

        public List<string> Bodies { get; } = [];

        public List<string?> ContentTypes { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == "/oauth/token")
            {
                var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                return Json(HttpStatusCode.OK, $$"""{"access_token":"new-access","token_type":"Bearer","expires_in":7200,"refresh_token":"new-refresh","scope":"read write","created_at":{{created}}}""");
            }

            var authorization = request.Headers.Authorization!.ToString();
            Authorizations.Add(authorization);
            var copy = new MemoryStream();
            await request.Content!.CopyToAsync(copy, cancellationToken); // as a transport would: no buffering of its own
            Bodies.Add(Encoding.UTF8.GetString(copy.ToArray()));
            ContentTypes.Add(request.Content.Headers.ContentType?.MediaType);
            return authorization == "Bearer old-access"
                ? Json(HttpStatusCode.Unauthorized, """{"error":"invalid_token"}""")
                : Json(HttpStatusCode.OK, """{"id":"1"}""");
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
