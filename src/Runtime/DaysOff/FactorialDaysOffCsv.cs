using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen;

/// <summary>
/// Writes days off as CSV, one row per day: <c>employee_id,full_name,date,part</c> (part = <c>full</c>,
/// <c>morning</c> or <c>afternoon</c>, dates <c>yyyy-MM-dd</c>), RFC 4180 quoting. A text value that a spreadsheet
/// would run as a formula (it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) gets a
/// leading <c>'</c>, so names from the HR system cannot inject formulas into the file.
/// </summary>
/// <example>
/// <code>
/// var csv = new FactorialDaysOffCsv(writer);
/// await csv.WriteHeaderAsync();
/// await csv.WriteAsync(employee.Id, employee.FullName, await hr.GetDaysOffAsync(employee.Id, from, to));
/// </code>
/// </example>
public sealed class FactorialDaysOffCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "employee_id,full_name,date,part";

    private readonly TextWriter _output;

    /// <summary>Creates a writer over <paramref name="output"/> (not disposed by it).</summary>
    /// <param name="output">Where the rows go.</param>
    public FactorialDaysOffCsv(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Rows written so far, the header excluded.</summary>
    public int Rows { get; private set; }

    /// <summary>Writes <see cref="Header"/>.</summary>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task WriteHeaderAsync(CancellationToken cancellationToken = default) =>
        _output.WriteLineAsync(Header.AsMemory(), cancellationToken);

    /// <summary>Writes one row per day of <paramref name="daysOff"/>, in date order; returns how many.</summary>
    /// <param name="employeeId">The employee's id.</param>
    /// <param name="fullName">The employee's name, or <see langword="null"/>.</param>
    /// <param name="daysOff">The days off, from <c>GetDaysOffAsync</c> or <see cref="FactorialDaysOffCalculator"/>.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task<int> WriteAsync(string employeeId, string? fullName, FactorialDaysOff daysOff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(employeeId);
        ArgumentNullException.ThrowIfNull(daysOff);
        var rows = 0;
        var prefix = Field(employeeId) + "," + Field(fullName) + ",";
        foreach (var day in daysOff.EnumerateDays())
        {
            var part = day.Part switch
            {
                FactorialDayPart.Morning => "morning",
                FactorialDayPart.Afternoon => "afternoon",
                _ => "full",
            };
            await _output.WriteLineAsync((prefix + FactorialDaysOff.Iso(day.Date) + "," + part).AsMemory(), cancellationToken).ConfigureAwait(false);
            rows++;
        }

        Rows += rows;
        return rows;
    }

    /// <summary>One CSV field: quoted when it holds a comma, quote or line break; a leading formula character neutralised.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
