using System;
using System.Threading.Tasks;

namespace FactorialGen.Client.Tests;

/// <summary>
/// Numbers and formats through generated models (<c>Shift</c>: <c>minutes</c> is an Int64, <c>date</c> a date,
/// <c>created_at</c> a timestamp): a value that does not fit its type is <see cref="FactorialInvalidResponseException"/>
/// with its JSON path, never a saturated, rounded or dropped value; numbers as strings that mean a valid value are read.
/// </summary>
public sealed class NumberAndDateFormatTests
{
    private const string Valid = """
        "id": "9", "employee_id": "3", "reference_date": "2026-03-02", "company_id": "1", "updated_at": "2026-03-02T18:00:00Z"
        """;

    [Theory]
    [InlineData("\"minutes\": 9223372036854775808, \"date\": \"2026-03-02\", \"created_at\": \"2026-03-02T09:00:00Z\"", "minutes")]
    [InlineData("\"minutes\": 90.5, \"date\": \"2026-03-02\", \"created_at\": \"2026-03-02T09:00:00Z\"", "minutes")]
    [InlineData("\"minutes\": \"1e20\", \"date\": \"2026-03-02\", \"created_at\": \"2026-03-02T09:00:00Z\"", "minutes")]
    [InlineData("\"minutes\": \"90.5\", \"date\": \"2026-03-02\", \"created_at\": \"2026-03-02T09:00:00Z\"", "minutes")]
    [InlineData("\"minutes\": 90, \"date\": \"2026-02-30\", \"created_at\": \"2026-03-02T09:00:00Z\"", "date")]
    [InlineData("\"minutes\": 90, \"date\": \"0000-12-31\", \"created_at\": \"2026-03-02T09:00:00Z\"", "date")]
    [InlineData("\"minutes\": 90, \"date\": \"2026-03-02\", \"created_at\": \"10000-01-01T00:00:00Z\"", "created_at")]
    [InlineData("\"minutes\": 90, \"date\": \"2026-03-02\", \"created_at\": \"2026-03-02T09:00:00+99:00\"", "created_at")]
    public async Task Generated_models_refuse_values_that_do_not_fit_with_their_json_path(string fields, string field)
    {
        await using var server = await HostileServer.StartAsync();
        using var hr = new HrReports(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress });

        server.AnswerJson($"{{{Valid}, {fields}}}");
        var single = await Assert.ThrowsAsync<FactorialInvalidResponseException>(() => hr.Attendance.Shifts.GetAsync("9"));
        server.AnswerJson("{\"data\": [{" + Valid + ", \"minutes\": 1, \"date\": \"2026-03-02\", \"created_at\": \"2026-03-02T09:00:00Z\"}, {" + Valid + ", " + fields + "}], \"meta\": {\"has_next_page\": false}}");
        var page = await Assert.ThrowsAsync<FactorialInvalidResponseException>(() => hr.Attendance.Shifts.ListAsync());

        Assert.Equal("$." + field, single.JsonPath);
        Assert.Equal("$.data[1]." + field, page.JsonPath);
        Assert.Contains("$.data[1]." + field, page.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_models_still_read_numbers_as_strings_and_whole_decimals()
    {
        await using var server = await HostileServer.StartAsync();
        using var hr = new HrReports(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress });
        server.AnswerJson("[{" + Valid + ", \"minutes\": \"12\", \"date\": \"2026-03-02\", \"created_at\": \"2026-03-02T09:00:00Z\"}, {" + Valid + ", \"minutes\": 9.0e1, \"date\": \"2024-02-29\", \"created_at\": \"2026-03-02T09:00:00+01:00\"}]");

        var page = await hr.Attendance.Shifts.ListAsync();

        Assert.Equal(12, page.Items[0].Minutes);
        Assert.Equal(90, page.Items[1].Minutes);
        Assert.Equal(new DateOnly(2024, 2, 29), page.Items[1].Date);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), page.Items[1].CreatedAt);
    }
}
