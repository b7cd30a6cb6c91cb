using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// The sandbox's resource-scope mode over real HTTP: it grants the resource scopes asked for, lists them in the token
/// answer, enforces the one each resource needs with a 403 that names it, and the runtime guard and 403 mapping agree
/// with it. The seed's read/write grants are unchanged.
/// </summary>
public sealed class SandboxResourceScopeTests
{
    /// <summary>Every sandbox resource, the resource scope it needs (null: outside the table) and one that does not cover it.</summary>
    public static TheoryData<string, string?> Resources => new()
    {
        { "employees/employees", "employees" },
        { "attendance/shifts", "time_tracking" },
        { "timeoff/leaves", "time_off" },
        { "timeoff/leave_types", "time_off" },
        { "holidays/company_holidays", "company_holidays" },
        { "locations/locations", "company_locations" },
        { "teams/teams", "employees" },
        { "teams/memberships", "employees" },
        { "api_public/credentials", null },
    };

    private static async Task<FactorialToken> AuthorizeAsync(TestSandbox sandbox, FactorialScope scope, FactorialResourceScopes resources)
    {
        using var oauth = sandbox.CreateOAuth();
        var request = oauth.Authorize(scope, resources);
        return await oauth.ObtainAccessTokenAsync(request, sandbox.Server.ApproveAuthorization(request.Url));
    }

    private static FactorialRequest ClockIn() =>
        new FactorialRequest(HttpMethod.Post, "attendance/shifts/clock_in") { PathTemplate = "attendance/shifts/clock_in" }
            .WithJsonBody(new TestClockIn(1, "2026-03-02T09:00:00Z"), TestJsonContext.Default.TestClockIn);

    [Fact]
    public async Task Token_answer_lists_the_granted_resource_scopes_and_a_refresh_keeps_them()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await AuthorizeAsync(sandbox, FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking);
        using var oauth = sandbox.CreateOAuth();

        var refreshed = await oauth.RefreshAccessTokenAsync(token);

        Assert.Equal(FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking, token.ResourceScopes);
        Assert.Equal(FactorialScope.ReadWrite, token.Scope);
        Assert.Equal(token.ResourceScopes, refreshed.ResourceScopes);
        Assert.NotEqual(token.AccessToken, refreshed.AccessToken);
    }

    [Fact]
    public async Task Resource_scopes_alone_give_a_token_that_reads_and_writes_within_them()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        // Factorial's own links ask for resource scopes only: build one by hand without read/write.
        var request = oauth.Authorize(FactorialScope.Read, FactorialResourceScopes.TimeTracking);
        var url = new Uri(request.Url.AbsoluteUri.Replace("scope=read%20time_tracking", "scope=time_tracking", StringComparison.Ordinal));
        Assert.NotEqual(request.Url, url);

        var token = await oauth.ObtainAccessTokenAsync(request, sandbox.Server.ApproveAuthorization(url));
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions());
        var shift = await connection.SendJsonAsync(ClockIn());

        Assert.Equal(FactorialScope.ReadWrite, token.Scope);
        Assert.Equal(FactorialResourceScopes.TimeTracking, token.ResourceScopes);
        Assert.Equal("1", shift.GetProperty("employee_id").ToString());
    }

    [Fact]
    public async Task Guard_refuses_a_time_tracking_call_with_an_employees_token_and_the_sandbox_receives_nothing()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await AuthorizeAsync(sandbox, FactorialScope.ReadWrite, FactorialResourceScopes.Employees);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions());
        var before = sandbox.Server.Stats.ResourceRequests;
        var request = ClockIn();
        request = new FactorialRequest(request.Method, request.Path) { PathTemplate = request.PathTemplate, RequiredResource = FactorialResourceScopes.TimeTracking }.WithContent(request.Content);

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(request));

        Assert.Null(error.StatusCode);
        Assert.Equal(FactorialResourceScopes.TimeTracking, error.RequiredResource);
        Assert.Contains("'time_tracking'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, sandbox.Server.Stats.ResourceRequests);
    }

    [Fact]
    public async Task Token_from_elsewhere_without_known_resource_scopes_gets_the_sandbox_403_mapped_to_the_scope_exception()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var granted = await AuthorizeAsync(sandbox, FactorialScope.ReadWrite, FactorialResourceScopes.Employees);
        var elsewhere = FactorialToken.FromAccessToken(granted.AccessToken, FactorialScope.ReadWrite);
        using var connection = new FactorialConnection(elsewhere, options: sandbox.ClientOptions());
        var before = sandbox.Server.Stats.ResourceRequests;

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(ClockIn()));

        Assert.Equal(before + 1, sandbox.Server.Stats.ResourceRequests);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(FactorialResourceScopes.TimeTracking, error.RequiredResource);
        Assert.Equal("time_tracking", error.MissingScope);
        Assert.Contains("'time_tracking' resource scope", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(granted.AccessToken, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Every_resource_enforces_its_resource_scope_with_a_403_that_names_it(string resource, string? scope)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        FactorialScopes.TryParseResources(scope, out var needed);
        var other = needed == FactorialResourceScopes.Recruitment ? FactorialResourceScopes.Posts : FactorialResourceScopes.Recruitment;
        var without = await AuthorizeAsync(sandbox, FactorialScope.ReadWrite, other);
        var with = await AuthorizeAsync(sandbox, FactorialScope.ReadWrite, needed == FactorialResourceScopes.None ? other : needed);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };

        using var refused = await GetAsync(http, resource, without);
        using var allowed = await GetAsync(http, resource, with);

        if (scope is null)
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // outside the table: any token
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("insufficient_scope", body.RootElement.GetProperty("error").GetString());
            Assert.Equal(scope, body.RootElement.GetProperty("required_scope").GetString());
            Assert.Contains($"scope=\"{scope}\"", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Seed_read_write_grant_is_unchanged_and_reaches_every_resource()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.ReadWrite);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };

        Assert.Equal(FactorialResourceScopes.None, token.ResourceScopes);
        foreach (var row in Resources)
        {
            using var answer = await GetAsync(http, (string)row[0], token);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
    }

    [Fact]
    public async Task Authorize_page_refuses_a_scope_name_that_is_not_Factorial_s()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        var url = new Uri(oauth.Authorize(FactorialScope.Read).Url.AbsoluteUri.Replace("scope=read", "scope=read%20approvals", StringComparison.Ordinal));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var answer = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("resource scope names", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, string resource, FactorialToken token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"api/2026-07-01/resources/{resource}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return http.SendAsync(request);
    }
}
