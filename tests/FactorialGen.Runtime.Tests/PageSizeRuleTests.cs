using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FactorialGen.Runtime.Generated;

namespace FactorialGen.Tests;

/// <summary>
/// One page-size rule, one message: a <c>limit</c> outside 1..100 is refused before anything is sent, whether it comes
/// from <see cref="FactorialPaging.Limit"/> (ListAllAsync) or from a request's query (a generated ListAsync(limit: …)),
/// which the server would otherwise cut to 100 without a word. Long lists report their progress page by page.
/// </summary>
public sealed class PageSizeRuleTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(500)]
    public async Task Limit_outside_the_page_size_is_refused_with_the_same_rule_on_both_paths(int limit)
    {
        var handler = new CannedHandler(System.Net.HttpStatusCode.OK, "[]");
        using var connection = new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { PrimaryHandler = handler });

        var one = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => connection.GetPageAsync(
            new FactorialRequest(HttpMethod.Get, "employees/employees").AddQuery("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            FactorialJsonTypes.Element));
        var all = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var _ in connection.ListAllAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), FactorialJsonTypes.Element, new FactorialPaging { Limit = limit }))
            {
            }
        });

        foreach (var error in new[] { one, all })
        {
            Assert.Contains($"is {limit}", error.Message, StringComparison.Ordinal);
            Assert.Contains("1 to 100 items (FactorialPaging.MaxLimit)", error.Message, StringComparison.Ordinal);
            Assert.Contains("ListAllAsync", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("limit", one.ParamName);
        Assert.Equal(0, handler.Calls); // nothing was sent
    }

    [Fact]
    public async Task Limit_within_the_page_size_is_sent()
    {
        var handler = new CannedHandler(System.Net.HttpStatusCode.OK, "[]");
        using var connection = new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { PrimaryHandler = handler });

        await connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees").AddQuery("limit", "100"), FactorialJsonTypes.Element);

        Assert.Contains("limit=100", handler.LastRequest!.RequestUri!.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FactorialPagingMode.Auto, 1)]
    [InlineData(FactorialPagingMode.Page, 1)]
    [InlineData(FactorialPagingMode.Page, 3)]
    public async Task Long_list_reports_pages_items_and_total_as_each_page_arrives(FactorialPagingMode mode, int prefetch)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var connection = new FactorialConnection(new FactorialApiKey(sandbox.Server.IssueApiKey()), sandbox.ClientOptions());
        var reports = new List<FactorialPagingProgress>();
        var seenBeforeReport = new List<int>();
        var count = 0;
        var progress = new SyncProgress(p =>
        {
            reports.Add(p);
            seenBeforeReport.Add(count);
        });

        await foreach (var _ in connection.ListAllAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), FactorialJsonTypes.Element, new FactorialPaging { Limit = 50, Mode = mode, Prefetch = prefetch, Progress = progress }))
        {
            count++;
        }

        var total = sandbox.Server.Options.EmployeeCount;
        Assert.Equal(total, count);
        Assert.Equal((total + 49) / 50, reports.Count);
        Assert.Equal(Enumerable.Range(1, reports.Count), reports.Select(r => r.Pages));
        Assert.Equal(total, reports[^1].Items);
        Assert.All(reports, r => Assert.Equal(total, r.Total));
        Assert.Equal(reports.Select((r, i) => i == 0 ? 0 : (int)reports[i - 1].Items), seenBeforeReport); // reported before the page's items are handed out
    }

    private sealed class SyncProgress(Action<FactorialPagingProgress> report) : IProgress<FactorialPagingProgress>
    {
        public void Report(FactorialPagingProgress value) => report(value);
    }
}
