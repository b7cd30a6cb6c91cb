using System;
using System.Net;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>Malformed server answers become typed errors, never NullReference or InvalidCast exceptions.</summary>
public sealed class BadResponseTests
{
    private static FactorialConnection Connection(CannedHandler handler, long maxBytes = 1024 * 1024) =>
        new(new FactorialApiKey("key"), new FactorialClientOptions { PrimaryHandler = handler, MaxResponseBytes = maxBytes });

    [Theory]
    [InlineData("{\"id\": 1, \"full_name\": \"Ana\"")]
    [InlineData("{\"id\": \"not a number\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    [InlineData("null")]
    public async Task Malformed_item_bodies_raise_the_invalid_response_exception(string body)
    {
        using var connection = Connection(new CannedHandler(HttpStatusCode.OK, body));

        var error = await Assert.ThrowsAsync<FactorialInvalidResponseException>(
            () => connection.SendAsync(new FactorialRequest(HttpMethod.Get, "employees/employees/1"), TestJsonContext.Default.TestEmployee));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("employees/employees/1", error.Path);
    }

    [Theory]
    [InlineData("{\"data\": 5}")]
    [InlineData("\"text\"")]
    [InlineData("[{\"id\": []}]")]
    [InlineData("{\"data\": [{\"id\": 1}], \"meta\": {\"has_next_page\": true, \"end_cursor\": \"1\"}")]
    public async Task Malformed_list_bodies_raise_the_invalid_response_exception(string body)
    {
        using var connection = Connection(new CannedHandler(HttpStatusCode.OK, body));

        await Assert.ThrowsAsync<FactorialInvalidResponseException>(
            () => connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee));
    }

    [Fact]
    public async Task Html_page_with_200_is_not_taken_for_json()
    {
        using var connection = Connection(new CannedHandler(HttpStatusCode.OK, "<html><body>Maintenance</body></html>", "text/html"));

        var error = await Assert.ThrowsAsync<FactorialInvalidResponseException>(
            () => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees")));

        Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_over_the_size_limit_is_refused()
    {
        var huge = "[" + string.Join(",", new string[5000].AsSpan().ToArray().Select(_ => "{\"id\":1}")) + "]";
        using var connection = Connection(new CannedHandler(HttpStatusCode.OK, huge), maxBytes: 1000);

        var error = await Assert.ThrowsAsync<FactorialResponseTooLargeException>(
            () => connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_status_with_an_html_body_keeps_the_raw_body()
    {
        using var connection = Connection(new CannedHandler(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html"));

        var error = await Assert.ThrowsAsync<FactorialApiException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees")));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Equal("<html>bad gateway</html>", error.ResponseBody);
    }

    [Fact]
    public async Task Extra_fields_and_string_cursors_or_numbers_are_tolerated()
    {
        const string body = "{\"data\": [{\"id\": 7, \"full_name\": \"Ana\", \"unknown\": {\"x\": [1]}}], \"meta\": {\"limit\": null, \"total\": \"1\", \"has_next_page\": false, \"end_cursor\": 7}}";
        using var connection = Connection(new CannedHandler(HttpStatusCode.OK, body));

        var page = await connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee);

        Assert.Equal(7, Assert.Single(page.Items).Id);
        Assert.Null(page.Meta!.Limit);
        Assert.Equal(1, page.Meta.Total);
        Assert.Equal("7", page.Meta.EndCursor);
    }

    [Fact]
    public async Task Paging_that_repeats_a_cursor_stops_with_an_error_instead_of_looping()
    {
        const string body = "{\"data\": [{\"id\": 1}], \"meta\": {\"has_next_page\": true, \"end_cursor\": \"1\"}}";
        using var connection = Connection(new CannedHandler(HttpStatusCode.OK, body));

        await Assert.ThrowsAsync<FactorialInvalidResponseException>(async () =>
        {
            await foreach (var _ in connection.ListAllAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee))
            {
            }
        });
    }

    [Fact]
    public async Task Credentials_are_never_sent_to_another_host()
    {
        var canned = new CannedHandler(HttpStatusCode.OK, "{}");
        using var http = new HttpClient(new FactorialAuthHandler(new FactorialApiKey("key"), new Uri("https://api.factorialhr.com")) { InnerHandler = canned });

        await Assert.ThrowsAsync<FactorialException>(() => http.GetAsync("https://evil.example.com/steal"));
        await Assert.ThrowsAsync<FactorialException>(() => http.GetAsync("http://api.factorialhr.com/api"));
        await http.GetAsync("https://api.factorialhr.com/api");

        Assert.Equal(1, canned.Calls);
        Assert.Equal("key", string.Join(",", canned.LastRequest!.Headers.GetValues("x-api-key")));
    }
}
