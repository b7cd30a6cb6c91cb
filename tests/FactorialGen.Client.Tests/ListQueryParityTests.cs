using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using FactorialGen.Client.Tests.FactorialApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FactorialGen.Client.Tests;

/// <summary>
/// A list operation's one-page method (<c>ListAsync</c>) and every-item method (<c>ListAllAsync</c>) build their request
/// with one shared builder: both must send the same filters in the same order (arrays as repeated <c>name[]=</c>), the
/// one-page method with its paging values where it always put them, and the every-item method with the pager's. The
/// hostile server records each request target exactly as it came on the wire.
/// </summary>
public sealed class ListQueryParityTests
{
    private const string Employees = "/api/2026-07-01/resources/employees/employees";
    private const string Leaves = "/api/2026-07-01/resources/timeoff/leaves";

    [Fact]
    public async Task Filter_parameters_reach_the_server_the_same_from_one_page_and_from_every_item()
    {
        await using var server = await HostileServer.StartAsync();
        var targets = RecordTargets(server);
        using var hr = new HrReports(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress });
        var leaves = hr.Timeoff.Leaves;

        await leaves.ListAsync(ids: ["1", "a/b"], employeeIds: ["7"], from: new DateOnly(2026, 3, 2), limit: 25);
        await foreach (var _ in leaves.ListAllAsync(ids: ["1", "a/b"], employeeIds: ["7"], from: new DateOnly(2026, 3, 2), paging: new FactorialPaging { Limit = 25 }))
        {
        }

        const string Expected = Leaves + "?ids%5B%5D=1&ids%5B%5D=a%2Fb&employee_ids%5B%5D=7&from=2026-03-02&limit=25";
        Assert.Equal([Expected, Expected], targets.ToArray());
    }

    [Fact]
    public async Task Options_reach_the_server_the_same_from_one_page_and_from_every_item()
    {
        await using var server = await HostileServer.StartAsync();
        var targets = RecordTargets(server);
        using var hr = new HrReports(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress });
        var employees = hr.Employees.Employees;
        var options = new EmployeesListOptions { Ids = ["1", "2"], Emails = ["x@y.z"], OnlyActive = true, TeamIds = [] };

        await employees.ListAsync(options);
        await employees.ListAsync(options, limit: 5, afterId: "9");
        await foreach (var _ in employees.ListAllAsync(options, new FactorialPaging { Limit = 5 }))
        {
        }

        const string Filters = "ids%5B%5D=1&ids%5B%5D=2&emails%5B%5D=x%40y.z&only_active=true";
        Assert.Equal(
            [
                Employees + "?" + Filters,
                Employees + "?limit=5&after_id=9&" + Filters, // the one-page options overload always sent its paging values first
                Employees + "?" + Filters + "&limit=5",
            ],
            targets.ToArray());
    }

    [Fact]
    public async Task The_short_overload_and_the_options_overload_send_the_same_filters()
    {
        await using var server = await HostileServer.StartAsync();
        var targets = RecordTargets(server);
        using var hr = new HrReports(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress });
        var employees = hr.Employees.Employees;

        await employees.ListAsync(ids: ["1", "2"], teamIds: ["3"]);
        await employees.ListAsync(new EmployeesListOptions { Ids = ["1", "2"], TeamIds = ["3"] });
        await foreach (var _ in employees.ListAllAsync(ids: ["1", "2"], teamIds: ["3"], paging: new FactorialPaging { Limit = 50 }))
        {
        }

        Assert.Equal(
            [
                Employees + "?ids%5B%5D=1&ids%5B%5D=2&team_ids%5B%5D=3",
                Employees + "?ids%5B%5D=1&ids%5B%5D=2&team_ids%5B%5D=3",
                Employees + "?ids%5B%5D=1&ids%5B%5D=2&team_ids%5B%5D=3&limit=50",
            ],
            targets.ToArray());
    }

    [Fact]
    public void Every_item_method_checks_its_arguments_before_it_is_enumerated()
    {
        using var hr = new HrReports(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/") });

        var error = Assert.Throws<ArgumentNullException>(() => hr.Employees.Employees.ListAllAsync((EmployeesListOptions)null!));

        Assert.Equal("options", error.ParamName);
    }

    /// <summary>Records each request target as it came on the wire and answers an empty last page.</summary>
    private static ConcurrentQueue<string> RecordTargets(HostileServer server)
    {
        var targets = new ConcurrentQueue<string>();
        server.Handle(async ctx =>
        {
            targets.Enqueue(ctx.Features.Get<IHttpRequestFeature>()!.RawTarget);
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("""{"data": [], "meta": {"has_next_page": false}}""");
        });
        return targets;
    }
}
