using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// The run-time resource-scope guard: a call whose resource scope a token with known resource scopes lacks fails with
/// <see cref="FactorialScopeException"/> and sends nothing, on every construction path; a token with no known resource
/// scopes leaves it to the server. A 403 <c>insufficient_scope</c> maps to the same exception, naming the scope.
/// </summary>
public sealed class ResourceScopeGuardTests
{
    private const string Secret = "at-SECRET-guard";

    private static FactorialToken EmployeesOnly() =>
        FactorialToken.FromAccessToken(Secret, FactorialScope.ReadWrite, FactorialResourceScopes.Employees);

    private static FactorialRequest ClockIn() =>
        new(HttpMethod.Post, "attendance/shifts/clock_in") { PathTemplate = "attendance/shifts/clock_in", RequiredResource = FactorialResourceScopes.TimeTracking };

    private static FactorialClientOptions Options(HostileServer server) => new() { BaseAddress = server.BaseAddress };

    [Fact]
    public async Task Plain_connection_refuses_a_call_outside_the_token_resource_scopes_and_sends_nothing()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("{}");
        using var connection = new FactorialConnection(EmployeesOnly(), options: Options(server));

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(ClockIn()));

        AssertNotSentForTimeTracking(error);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Token_source_connection_refuses_it_too()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("{}");
        using var connection = new FactorialConnection(new FactorialTokenSource(EmployeesOnly()), Options(server));

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(ClockIn()));

        AssertNotSentForTimeTracking(error);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Caller_supplied_HttpClient_with_the_auth_handler_refuses_it_through_the_request_options()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("{}");
        using var handler = new FactorialAuthHandler(new FactorialTokenSource(EmployeesOnly()), server.BaseAddress)
        {
            InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false },
        };
        using var http = new HttpClient(handler);
        using var connection = new FactorialConnection(http, Options(server));

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(ClockIn()));

        AssertNotSentForTimeTracking(error);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Hand_built_request_message_with_the_documented_option_is_refused()
    {
        await using var server = await HostileServer.StartAsync();
        using var handler = new FactorialAuthHandler(new FactorialTokenSource(EmployeesOnly()), server.BaseAddress)
        {
            InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false },
        };
        using var http = new HttpClient(handler);
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "api/2026-07-01/resources/timeoff/leaves"));
        message.Options.Set(FactorialRequestOptions.RequiredResource, FactorialResourceScopes.TimeOff);

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => http.SendAsync(message));

        Assert.Equal(FactorialResourceScopes.TimeOff, error.RequiredResource);
        Assert.Equal("time_off", error.MissingScope);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Calls_within_the_granted_resource_scopes_and_calls_with_no_known_requirement_are_sent()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("{}");
        using var connection = new FactorialConnection(EmployeesOnly(), options: Options(server));

        await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees") { RequiredResource = FactorialResourceScopes.Employees });
        await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials"));

        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task Token_without_known_resource_scopes_leaves_the_decision_to_the_server()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("{}");
        using var connection = new FactorialConnection(FactorialToken.FromAccessToken(Secret, FactorialScope.ReadWrite), options: Options(server));

        await connection.SendJsonAsync(ClockIn());

        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Read_write_guard_still_comes_first()
    {
        await using var server = await HostileServer.StartAsync();
        using var connection = new FactorialConnection(FactorialToken.FromAccessToken(Secret, FactorialScope.Read, FactorialResourceScopes.Employees), options: Options(server));

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(ClockIn()));

        Assert.Equal(FactorialScope.Write, error.RequiredScope);
        Assert.Equal("write", error.MissingScope);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Server_403_naming_a_resource_scope_in_the_body_maps_to_the_scope_exception()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("""{"error":"insufficient_scope","error_description":"no","required_scope":"time_tracking"}""", 403);
        using var connection = new FactorialConnection(FactorialToken.FromAccessToken(Secret, FactorialScope.ReadWrite), options: Options(server));

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Post, "attendance/shifts/clock_in")));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(FactorialResourceScopes.TimeTracking, error.RequiredResource);
        Assert.Equal("time_tracking", error.MissingScope);
        Assert.Contains("'time_tracking' resource scope", error.Message, StringComparison.Ordinal);
        Assert.Contains("FactorialResourceScopes.TimeTracking", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("table", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_403_naming_the_scope_in_the_challenge_maps_to_the_scope_exception()
    {
        await using var server = await HostileServer.StartAsync();
        server.Handle(context =>
        {
            context.Response.StatusCode = 403;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\", scope=\"time_off\"";
            return Task.CompletedTask;
        });
        using var connection = new FactorialConnection(FactorialToken.FromAccessToken(Secret, FactorialScope.ReadWrite, FactorialResourceScopes.TimeOff | FactorialResourceScopes.Employees), options: Options(server));

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "timeoff/leaves")));

        Assert.Equal(FactorialResourceScopes.TimeOff, error.RequiredResource);
        Assert.Equal(FactorialResourceScopes.Employees | FactorialResourceScopes.TimeOff, error.GrantedResources);
        Assert.Contains("granted only 'employees time_off'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_403_that_names_no_scope_names_the_operation_resource_scope_from_the_table()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("""{"error":"insufficient_scope"}""", 403);
        using var connection = new FactorialConnection(FactorialToken.FromAccessToken(Secret, FactorialScope.ReadWrite), options: Options(server));

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(ClockIn()));

        Assert.Equal(FactorialResourceScopes.TimeTracking, error.RequiredResource);
        Assert.Contains("'time_tracking'", error.Message, StringComparison.Ordinal);
        Assert.Contains("FactorialGen's scope table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_403_to_a_token_whose_read_write_scope_covers_the_call_does_not_contradict_itself()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("""{"error":"insufficient_scope"}""", 403);
        using var connection = new FactorialConnection(FactorialToken.FromAccessToken(Secret, FactorialScope.ReadWrite), options: Options(server));

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees")));

        Assert.Null(error.MissingScope);
        Assert.Equal(FactorialResourceScopes.None, error.RequiredResource);
        Assert.DoesNotContain("but the token was authorized for", error.Message, StringComparison.Ordinal);
        Assert.Contains("covers the 'read' this call needs", error.Message, StringComparison.Ordinal);
        Assert.Contains("resource scope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_403_naming_a_read_write_scope_the_recorded_token_covers_says_the_record_is_wrong()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("""{"error":"insufficient_scope","required_scope":"write"}""", 403);
        using var connection = new FactorialConnection(FactorialToken.FromAccessToken(Secret, FactorialScope.ReadWrite), options: Options(server));

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Post, "employees/employees/invite")));

        Assert.Equal(FactorialScope.Write, error.RequiredScope);
        Assert.Equal("write", error.MissingScope);
        Assert.DoesNotContain("but the token was authorized for", error.Message, StringComparison.Ordinal);
        Assert.Contains("recorded scope is wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_403_read_write_refusal_keeps_its_mapping()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("""{"error":"insufficient_scope"}""", 403);
        using var connection = new FactorialConnection(new FactorialApiKey("key-SECRET-1"), Options(server));

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Post, "employees/employees/invite")));

        Assert.Equal(FactorialScope.Write, error.RequiredScope);
        Assert.Equal("write", error.MissingScope);
        Assert.Null(error.GrantedScope);
        Assert.Contains("which the credentials lack", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time_tracking\\\"\\nat-SECRET-guard")]
    [InlineData("<script>time_tracking</script>")]
    public async Task A_hostile_scope_value_never_reaches_the_message(string hostile)
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson($$"""{"error":"insufficient_scope","required_scope":"{{hostile}}"}""", 403);
        using var connection = new FactorialConnection(FactorialToken.FromAccessToken(Secret, FactorialScope.ReadWrite), options: Options(server));

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees")));

        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", error.Message, StringComparison.Ordinal);
        Assert.Null(error.MissingScope);
    }

    private static void AssertNotSentForTimeTracking(FactorialScopeException error)
    {
        Assert.Null(error.StatusCode);
        Assert.Equal(FactorialResourceScopes.TimeTracking, error.RequiredResource);
        Assert.Equal(FactorialResourceScopes.Employees, error.GrantedResources);
        Assert.Equal(FactorialScope.Write, error.RequiredScope);
        Assert.Equal("time_tracking", error.MissingScope);
        Assert.Equal("POST", error.Method);
        Assert.Equal("attendance/shifts/clock_in", error.Path);
        Assert.StartsWith("Not sent: POST attendance/shifts/clock_in needs Factorial's 'time_tracking' resource scope, but the token was granted only 'employees'.", error.Message, StringComparison.Ordinal);
        Assert.Contains("FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }
}
