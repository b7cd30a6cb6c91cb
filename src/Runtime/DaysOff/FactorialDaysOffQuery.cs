using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Serialization;

namespace FactorialGen;

/// <summary>
/// The seed's <c>get_daysoff</c> over the API: reads the employee, the company holidays of the employee's location
/// and the employee's approved leaves, then combines them with <see cref="FactorialDaysOffCalculator"/>.
/// Generated clients that can read those three resources call it from <c>GetDaysOffAsync</c>.
/// </summary>
public static class FactorialDaysOffQuery
{
    /// <summary>Computes <paramref name="employeeId"/>'s days off between <paramref name="from"/> and <paramref name="to"/> (inclusive).</summary>
    /// <param name="connection">The connection to call through (needs the read scope).</param>
    /// <param name="apiVersion">The dated API version of the paths, e.g. <c>2026-07-01</c>.</param>
    /// <param name="employeeId">The employee's id.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="includeWeekends">Whether Saturdays and Sundays count.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public static async Task<FactorialDaysOff> GetAsync(FactorialConnection connection, string apiVersion, string employeeId, DateOnly from, DateOnly to, bool includeWeekends = false, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetCoreAsync(connection, apiVersion, employeeId, from, to, includeWeekends, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (ex is not ObjectDisposedException)
        {
            // JsonElement.GetString on a string that is not valid UTF-8 (or holds a lone surrogate escape).
            throw new FactorialInvalidResponseException($"An answer held a value that could not be read: {ex.Message}", System.Net.HttpStatusCode.OK, "GET", $"/api/{apiVersion}/resources/…", ex);
        }
    }

    private static async Task<FactorialDaysOff> GetCoreAsync(FactorialConnection connection, string apiVersion, string employeeId, DateOnly from, DateOnly to, bool includeWeekends, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(employeeId);
        if (to < from)
        {
            throw new ArgumentException($"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        var prefix = $"/api/{apiVersion}/resources/";
        var employee = await connection.SendJsonAsync(
            new FactorialRequest(HttpMethod.Get, prefix + "employees/employees/" + Uri.EscapeDataString(employeeId)) { PathTemplate = prefix + "employees/employees/{id}" },
            cancellationToken).ConfigureAwait(false);
        var locationId = Text(employee, "location_id");
        var employedFrom = Date(employee, "seniority_calculation_date") ?? Date(employee, "hired_on") ?? Date(employee, "start_date");
        var employedUntil = Date(employee, "terminated_on");

        var absences = new List<FactorialAbsence>();
        if (locationId is not null)
        {
            var holidays = new FactorialRequest(HttpMethod.Get, prefix + "holidays/company_holidays")
                .AddQuery("location_ids[]", locationId)
                .AddQuery("location_id", locationId)
                .AddQuery("start_at", Iso(from))
                .AddQuery("end_at", Iso(to));
            await foreach (var holiday in connection.ListAllAsync(holidays, FactorialJsonTypes.Element, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (Text(holiday, "location_id") == locationId && Date(holiday, "date") is { } day && day >= from && day <= to)
                {
                    absences.Add(new FactorialAbsence(day, day, Text(holiday, "half_day")));
                }
            }
        }

        var leaves = new FactorialRequest(HttpMethod.Get, prefix + "timeoff/leaves")
            .AddQuery("employee_ids[]", employeeId)
            .AddQuery("from", Iso(from))
            .AddQuery("to", Iso(to));
        await foreach (var leave in connection.ListAllAsync(leaves, FactorialJsonTypes.Element, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Text(leave, "employee_id") == employeeId
                && IsApproved(leave)
                && Date(leave, "start_on") is { } start
                && (Date(leave, "finish_on") ?? start) is var finish
                && start <= to && finish >= from)
            {
                absences.Add(new FactorialAbsence(start, finish, Text(leave, "half_day")));
            }
        }

        return FactorialDaysOffCalculator.Compute(from, to, absences, includeWeekends, employedFrom, employedUntil);
    }

    private static bool IsApproved(JsonElement leave) =>
        leave.TryGetProperty("approved", out var approved)
            ? approved.ValueKind == JsonValueKind.True || (approved.ValueKind == JsonValueKind.String && approved.GetString() == "true")
            : Text(leave, "status") == "approved";

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static DateOnly? Date(JsonElement item, string name) =>
        Text(item, name) is { Length: >= 10 } text && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
