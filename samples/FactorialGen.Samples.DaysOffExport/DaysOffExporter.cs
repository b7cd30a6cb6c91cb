using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Samples.DaysOffExport;

/// <summary>
/// Writes every employee's days off of one month as CSV (<c>employee_id,full_name,date,part</c>, part = full,
/// morning or afternoon). Reads the month's leaves and holidays once and combines them per employee with
/// <see cref="FactorialDaysOffCalculator"/>, instead of three calls per employee, and writes the rows with
/// <see cref="FactorialDaysOffCsv"/> (quoting, no spreadsheet formulas).
/// </summary>
public sealed class DaysOffExporter(HrReports hr)
{
    /// <summary>Exports <paramref name="month"/> to <paramref name="output"/>; returns the number of rows written.</summary>
    /// <param name="month">Any day of the month to export.</param>
    /// <param name="output">Where the CSV goes.</param>
    /// <param name="progress">Told how many employees have been read, of how many, as each page of them arrives. Optional.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    public async Task<int> ExportAsync(DateOnly month, TextWriter output, IProgress<FactorialPagingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var from = new DateOnly(month.Year, month.Month, 1);
        var to = from.AddMonths(1).AddDays(-1);

        var holidaysByLocation = new Dictionary<string, List<FactorialAbsence>>(StringComparer.Ordinal);
        await foreach (var holiday in hr.Holidays.CompanyHolidays.ListAllAsync(startAt: from, endAt: to, cancellationToken: cancellationToken))
        {
            if (holiday.Date >= from && holiday.Date <= to)
            {
                Add(holidaysByLocation, holiday.LocationId, new FactorialAbsence(holiday.Date, holiday.Date, HalfDay(holiday.HalfDay?.ToString())));
            }
        }

        var leavesByEmployee = new Dictionary<string, List<FactorialAbsence>>(StringComparer.Ordinal);
        await foreach (var leave in hr.Timeoff.Leaves.ListAllAsync(new FactorialApi.LeavesListOptions { From = from, To = to, Approved = true }, cancellationToken: cancellationToken))
        {
            if (leave.Approved == true)
            {
                Add(leavesByEmployee, leave.EmployeeId, new FactorialAbsence(leave.StartOn, leave.FinishOn ?? leave.StartOn, HalfDay(leave.HalfDay?.ToString())));
            }
        }

        var csv = new FactorialDaysOffCsv(output);
        await csv.WriteHeaderAsync(cancellationToken);
        await foreach (var employee in hr.Employees.Employees.ListAllAsync(paging: new FactorialPaging { Progress = progress }, cancellationToken: cancellationToken))
        {
            var absences = (employee.LocationId is { } location && holidaysByLocation.TryGetValue(location, out var holidays) ? holidays : [])
                .Concat(leavesByEmployee.TryGetValue(employee.Id, out var leaves) ? leaves : []);
            var daysOff = FactorialDaysOffCalculator.Compute(from, to, absences, includeWeekends: false, employee.SeniorityCalculationDate, employee.TerminatedOn);
            await csv.WriteAsync(employee.Id, employee.FullName, daysOff, cancellationToken);
        }

        return csv.Rows;
    }

    private static void Add(Dictionary<string, List<FactorialAbsence>> map, string key, FactorialAbsence absence)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(absence);
    }

    private static string? HalfDay(string? member) => member switch
    {
        "BegginingOfDay" or "BeginningOfDay" => FactorialDaysOff.BeginningOfDay,
        "EndOfDay" => FactorialDaysOff.EndOfDay,
        _ => null,
    };
}
