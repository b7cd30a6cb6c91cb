using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// Days off print as days (not <c>List`1</c>), enumerate in date order with their part, and export as CSV that
/// quotes what must be quoted and keeps names from running as spreadsheet formulas.
/// </summary>
public sealed class DaysOffTextAndCsvTests
{
    private static readonly FactorialDaysOff Sample = new(
        [new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 7)],
        [new DateOnly(2026, 4, 1)],
        [new DateOnly(2026, 4, 10)]);

    [Fact]
    public void ToString_prints_the_days()
    {
        var text = Sample.ToString();

        Assert.Equal("FactorialDaysOff { FullDays = [2026-04-06, 2026-04-07], Mornings = [2026-04-01], Afternoons = [2026-04-10] }", text);
        Assert.DoesNotContain("List`1", new FactorialDaysOff([], [], []).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Days_enumerate_in_date_order_with_their_part()
    {
        Assert.Equal(
            ["2026-04-01 (morning)", "2026-04-06", "2026-04-07", "2026-04-10 (afternoon)"],
            Sample.EnumerateDays().Select(d => d.ToString()));
    }

    [Fact]
    public async Task Csv_has_one_row_per_day_with_quoting_and_no_formulas()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var csv = new FactorialDaysOffCsv(output);

        await csv.WriteHeaderAsync();
        var rows = await csv.WriteAsync("7", "=HYPERLINK(\"x\"), \"Sam\"", Sample);
        await csv.WriteAsync("8", "Ana", new FactorialDaysOff([], [], []));

        Assert.Equal(4, rows);
        Assert.Equal(4, csv.Rows);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("employee_id,full_name,date,part", lines[0]);
        Assert.Equal("7,\"'=HYPERLINK(\"\"x\"\"), \"\"Sam\"\"\",2026-04-01,morning", lines[1]);
        Assert.EndsWith(",2026-04-06,full", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",2026-04-10,afternoon", lines[4], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
    }
}
