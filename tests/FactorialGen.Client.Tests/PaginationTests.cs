using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace FactorialGen.Client.Tests;

/// <summary>Cursor paging through the generated <c>ListAsync</c> / <c>ListAllAsync</c>.</summary>
public sealed class PaginationTests
{
    [Fact]
    public async Task ListAllAsync_walks_260_employees_37_at_a_time_every_id_once_in_order()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var hr = new HrReports(token, options: sandbox.ClientOptions());
        var before = sandbox.Server.Stats.ResourceRequests;

        var ids = new List<string>();
        await foreach (var employee in hr.Employees.Employees.ListAllAsync(paging: new FactorialPaging { Limit = 37 }))
        {
            ids.Add(employee.Id);
        }

        Assert.Equal(Enumerable.Range(1, 260).Select(i => i.ToString(CultureInfo.InvariantCulture)), ids);
        Assert.Equal(8, sandbox.Server.Stats.ResourceRequests - before); // ceil(260 / 37) pages
    }

    [Fact]
    public async Task ListAsync_pages_with_limit_and_after_id()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var hr = new HrReports(token, options: sandbox.ClientOptions());
        var employees = hr.Employees.Employees;

        var first = await employees.ListAsync(limit: 100);
        Assert.Equal(100, first.Items.Count);
        Assert.True(first.HasNextPage);
        Assert.NotNull(first.NextCursor);
        Assert.Equal(260, first.Meta?.Total);

        var second = await employees.ListAsync(limit: 100, afterId: first.NextCursor);
        Assert.Equal(100, second.Items.Count);
        Assert.True(second.HasNextPage);
        Assert.Equal("101", second.Items[0].Id);
        Assert.Empty(first.Items.Select(e => e.Id).Intersect(second.Items.Select(e => e.Id)));

        var third = await employees.ListAsync(limit: 100, afterId: second.NextCursor);
        Assert.Equal(60, third.Items.Count);
        Assert.False(third.HasNextPage);
        Assert.Null(third.NextCursor);
        Assert.Equal("260", third.Items[^1].Id);
    }
}
