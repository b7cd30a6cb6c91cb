using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>The typed request layer against the sandbox: both list shapes, paging, typed errors, cancellation.</summary>
public sealed class RequestLayerTests
{
    private static FactorialRequest Employees() => new(HttpMethod.Get, "employees/employees");

    [Fact]
    public async Task ListAll_walks_every_cursor_page_of_a_wrapped_list()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions("2026-07-01"));

        var first = await connection.GetPageAsync(Employees().AddQuery("limit", "100"), TestJsonContext.Default.TestEmployee);
        var before = sandbox.Server.Stats.ResourceRequests;
        var all = new List<TestEmployee>();
        await foreach (var employee in connection.ListAllAsync(Employees(), TestJsonContext.Default.TestEmployee))
        {
            all.Add(employee);
        }

        Assert.NotNull(first.Meta);
        Assert.True(first.HasNextPage);
        Assert.Equal(sandbox.Server.Options.EmployeeCount, all.Count);
        Assert.Equal(all.Count, all.Select(e => e.Id).Distinct().Count());
        Assert.Equal(all.OrderBy(e => e.Id).Select(e => e.Id), all.Select(e => e.Id));
        Assert.Equal((sandbox.Server.Options.EmployeeCount + 99) / 100, sandbox.Server.Stats.ResourceRequests - before);
    }

    [Fact]
    public async Task ListAll_with_a_small_limit_and_page_mode_gives_the_same_items()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions("2026-07-01"));

        var byCursor = await ToListAsync(connection.ListAllAsync(Employees(), TestJsonContext.Default.TestEmployee, new FactorialPaging { Limit = 37 }));
        var byPage = await ToListAsync(connection.ListAllAsync(Employees(), TestJsonContext.Default.TestEmployee, new FactorialPaging { Limit = 37, Mode = FactorialPagingMode.Page }));

        Assert.Equal(byCursor.Select(e => e.Id), byPage.Select(e => e.Id));
        Assert.Equal(sandbox.Server.Options.EmployeeCount, byCursor.Count);
    }

    [Fact]
    public async Task Prefetching_pages_gives_the_same_items_in_the_same_order()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(5));
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions("2026-07-01"));

        var sequential = await ToListAsync(connection.ListAllAsync(Employees(), TestJsonContext.Default.TestEmployee, new FactorialPaging { Limit = 20, Mode = FactorialPagingMode.Page }));
        var requestsBefore = sandbox.Server.Stats.ResourceRequests;
        var ahead = await ToListAsync(connection.ListAllAsync(Employees(), TestJsonContext.Default.TestEmployee, new FactorialPaging { Limit = 20, Mode = FactorialPagingMode.Page, Prefetch = 4 }));
        var requests = sandbox.Server.Stats.ResourceRequests - requestsBefore;

        Assert.Equal(sequential.Select(e => e.Id), ahead.Select(e => e.Id));
        Assert.Equal(sandbox.Server.Options.EmployeeCount, ahead.Count);
        Assert.InRange(requests, 13, 13 + 4); // 13 pages, plus at most the window requested past the end
    }

    [Fact]
    public async Task Stopping_early_while_prefetching_abandons_the_pages_ahead_cleanly()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(20));
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions("2026-07-01"));

        var taken = 0;
        await foreach (var _ in connection.ListAllAsync(Employees(), TestJsonContext.Default.TestEmployee, new FactorialPaging { Limit = 10, Mode = FactorialPagingMode.Page, Prefetch = 8 }))
        {
            if (++taken == 15)
            {
                break;
            }
        }

        Assert.Equal(15, taken);
    }

    [Fact]
    public async Task Bare_array_lists_of_the_2024_10_01_version_are_read_whole()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions("2024-10-01"));

        var page = await connection.GetPageAsync(Employees(), TestJsonContext.Default.TestEmployee);
        var all = await ToListAsync(connection.ListAllAsync(Employees(), TestJsonContext.Default.TestEmployee));
        var paged = await ToListAsync(connection.ListAllAsync(Employees(), TestJsonContext.Default.TestEmployee, new FactorialPaging { Limit = 50, Mode = FactorialPagingMode.Page }));

        Assert.Null(page.Meta);
        Assert.False(page.HasNextPage);
        Assert.Equal(sandbox.Server.Options.EmployeeCount, all.Count);
        Assert.Equal(all.Select(e => e.Id), paged.Select(e => e.Id));
    }

    [Fact]
    public async Task Query_arrays_filter_the_list()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions());
        var some = (await connection.GetPageAsync(Employees().AddQuery("limit", "5"), TestJsonContext.Default.TestEmployee)).Items;

        var filtered = await connection.GetPageAsync(Employees().AddQuery("ids[]", [some[1].Id.ToString(), some[3].Id.ToString()]), TestJsonContext.Default.TestEmployee);

        Assert.Equal([some[1].Id, some[3].Id], filtered.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Get_by_id_returns_the_typed_item_and_unknown_id_a_typed_404()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions());
        var first = (await connection.GetPageAsync(Employees().AddQuery("limit", "1"), TestJsonContext.Default.TestEmployee)).Items[0];

        var one = await connection.SendAsync(new FactorialRequest(HttpMethod.Get, $"employees/employees/{first.Id}"), TestJsonContext.Default.TestEmployee);
        var error = await Assert.ThrowsAsync<FactorialApiException>(() => connection.SendAsync(
            new FactorialRequest(HttpMethod.Get, "employees/employees/999999") { PathTemplate = "employees/employees/{id}" },
            TestJsonContext.Default.TestEmployee));

        Assert.Equal(first, one);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("GET", error.Method);
        Assert.Equal("employees/employees/{id}", error.Path);
        Assert.Equal("not_found", error.ErrorCode);
        Assert.NotNull(error.ResponseBody);
        Assert.DoesNotContain(token.AccessToken, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limit_gives_a_typed_429_with_retry_after()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.RateLimitPerMinute = 3);
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions());

        for (var i = 0; i < 3; i++)
        {
            await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials"));
        }

        var error = await Assert.ThrowsAsync<FactorialRateLimitException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials")));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.NotNull(error.RetryAfter);
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Cancellation_stops_a_slow_call()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Latency = TimeSpan.FromSeconds(30));
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.SendJsonAsync(Employees(), cancel.Token));
    }

    [Fact]
    public async Task Absolute_paths_are_sent_as_they_are()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions("2026-07-01"));

        var page = await connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, "/api/2024-10-01/resources/locations/locations"), TestJsonContext.Default.TestEmployee);

        Assert.Null(page.Meta); // the 2024-10-01 shape, whatever the connection's default version
        Assert.NotEmpty(page.Items);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
