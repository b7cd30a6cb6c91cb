using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>The scope rule at run time: fail fast without sending, and 403 insufficient_scope mapped to the same exception.</summary>
public sealed class ScopeEnforcementTests
{
    private static FactorialRequest ClockIn(long employeeId) =>
        new FactorialRequest(HttpMethod.Post, "attendance/shifts/clock_in") { PathTemplate = "attendance/shifts/clock_in" }
            .WithJsonBody(new TestClockIn(employeeId, "2026-03-02T09:00:00Z"), TestJsonContext.Default.TestClockIn);

    [Fact]
    public async Task Write_call_with_a_read_token_fails_fast_and_sends_nothing()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions());
        var before = sandbox.Server.Stats.ResourceRequests;

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(ClockIn(1)));

        Assert.Equal(FactorialScope.Write, error.RequiredScope);
        Assert.Equal(FactorialScope.Read, error.GrantedScope);
        Assert.Null(error.StatusCode);
        Assert.Equal("POST", error.Method);
        Assert.Equal("attendance/shifts/clock_in", error.Path);
        Assert.Contains("'write'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, sandbox.Server.Stats.ResourceRequests);
    }

    [Fact]
    public async Task Read_call_with_a_write_only_token_fails_fast()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Write);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions());

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees")));

        Assert.Equal(FactorialScope.Read, error.RequiredScope);
    }

    [Fact]
    public async Task Server_403_insufficient_scope_maps_to_the_scope_exception()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var read = await sandbox.AuthorizeAsync(FactorialScope.Read);
        // A token obtained elsewhere, wrongly declared as read+write: the client sends, the server refuses.
        var misdeclared = FactorialToken.FromAccessToken(read.AccessToken, FactorialScope.ReadWrite);
        using var connection = new FactorialConnection(misdeclared, options: sandbox.ClientOptions());

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => connection.SendJsonAsync(ClockIn(1)));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(FactorialScope.Write, error.RequiredScope);
        Assert.NotNull(error.ResponseBody);
    }

    [Fact]
    public async Task Write_call_with_a_read_write_token_goes_through()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.ReadWrite);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions());
        var employee = (await connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee)).Items[0];

        var shift = await connection.SendJsonAsync(ClockIn(employee.Id));

        Assert.Equal(employee.Id, long.Parse(shift.GetProperty("employee_id").ToString()));
    }

    [Fact]
    public async Task Api_key_covers_reads_and_writes()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var connection = new FactorialConnection(new FactorialApiKey(sandbox.Server.IssueApiKey()), sandbox.ClientOptions());

        var page = await connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee);
        var shift = await connection.SendJsonAsync(ClockIn(page.Items[1].Id));

        Assert.Equal(page.Items[1].Id, long.Parse(shift.GetProperty("employee_id").ToString()));
    }

    [Fact]
    public async Task Wrong_api_key_gets_a_typed_401()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var connection = new FactorialConnection(new FactorialApiKey("not-a-key"), sandbox.ClientOptions());

        var error = await Assert.ThrowsAsync<FactorialApiException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees")));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("invalid_token", error.ErrorCode);
        Assert.DoesNotContain("not-a-key", error.Message, StringComparison.Ordinal);
    }
}
