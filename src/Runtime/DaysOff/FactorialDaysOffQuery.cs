using System.ComponentModel;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Serialization;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// The seed's <c>get_daysoff</c> over the API: reads the employee, the company holidays of the employee's location
/// and the employee's approved leaves, then combines them with <see cref="FactorialDaysOffCalculator"/>.
/// Generated clients that can read those three resources call it from <c>GetDaysOffAsync</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FactorialDaysOffQuery
{
    /// <summary>Computes <paramref name="employeeId"/>'s days off between <paramref name="from"/> and <paramref name="to"/> (inclusive).</summary>
    /// <param name="connection">The connection to call through (needs the read scope).</param>
    /// <param name="apiVersion">The dated API version of the paths, e.g. <c>2026-07-01</c>.</param>
    /// <param name="employeeId">The employee's id: one path segment (not empty, blank, <c>.</c> or <c>..</c>).</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="includeWeekends">Whether Saturdays and Sundays count.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="ArgumentException"><paramref name="employeeId"/> or <paramref name="apiVersion"/> is empty, blank, <c>.</c> or <c>..</c> (nothing is sent).</exception>
    /// <exception cref="FactorialInvalidResponseException">An answer held a date that does not exist or is not a date.</exception>
    public static async Task<FactorialDaysOff> GetAsync(FactorialConnection connection, string apiVersion, string employeeId, DateOnly from, DateOnly to, bool includeWeekends = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(employeeId);
        FactorialPathSegments.ThrowIfNotSegment(employeeId, nameof(employeeId));
        ArgumentException.ThrowIfNullOrWhiteSpace(apiVersion);
        FactorialPathSegments.ThrowIfNotSegment(apiVersion, nameof(apiVersion));
        if (apiVersion.AsSpan().IndexOfAny('/', '?', '#') >= 0 || apiVersion.Contains('%', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{apiVersion}' is not an API version such as '{FactorialClientOptions.DefaultApiVersion}'.", nameof(apiVersion));
        }

        try
        {
            return await GetCoreAsync(connection, apiVersion, employeeId, from, to, includeWeekends, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (ex is not ObjectDisposedException)
        {
            // JsonElement.GetString on a string that is not valid UTF-8 (or holds a lone surrogate escape).
            throw new FactorialInvalidResponseException($"An answer held a value that could not be read: {ex.Message}", System.Net.HttpStatusCode.OK, "GET", $"/api/{apiVersion}/resources/…", ex);
        }
        catch (InvalidDateException ex)
        {
            throw new FactorialInvalidResponseException(
                $"The value at {ex.JsonPath} in the answer to GET {ex.Template} is not a date (yyyy-MM-dd) that exists",
                System.Net.HttpStatusCode.OK,
                "GET",
                ex.Template,
                ex.JsonPath,
                null);
        }
    }

    private static async Task<FactorialDaysOff> GetCoreAsync(FactorialConnection connection, string apiVersion, string employeeId, DateOnly from, DateOnly to, bool includeWeekends, CancellationToken cancellationToken)
    {
        if (to < from)
        {
            throw new ArgumentException($"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        var prefix = $"/api/{apiVersion}/resources/";
        var employeePath = prefix + "employees/employees/{id}";
        var employee = await connection.SendJsonAsync(
            new FactorialRequest(HttpMethod.Get, prefix + "employees/employees/" + Uri.EscapeDataString(employeeId)) { PathTemplate = employeePath },
            cancellationToken).ConfigureAwait(false);
        var locationId = Text(employee, "location_id");
        var employedFrom = Date(employee, "seniority_calculation_date", employeePath) ?? Date(employee, "hired_on", employeePath) ?? Date(employee, "start_date", employeePath);
        var employedUntil = Date(employee, "terminated_on", employeePath);

        var absences = new List<FactorialAbsence>();
        if (locationId is not null)
        {
            var holidays = new FactorialRequest(HttpMethod.Get, prefix + "holidays/company_holidays")
                .AddQuery("location_ids[]", locationId)
                .AddQuery("location_id", locationId)
                .AddQuery("start_at", Iso(from))
                .AddQuery("end_at", Iso(to));
            var index = 0;
            await foreach (var holiday in connection.ListAllAsync(holidays, FactorialJsonTypes.Element, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var item = index++;
                if (Text(holiday, "location_id") == locationId && Date(holiday, "date", holidays.Path, item) is { } day && day >= from && day <= to)
                {
                    absences.Add(new FactorialAbsence(day, day, Text(holiday, "half_day")));
                }
            }
        }

        var leaves = new FactorialRequest(HttpMethod.Get, prefix + "timeoff/leaves")
            .AddQuery("employee_ids[]", employeeId)
            .AddQuery("from", Iso(from))
            .AddQuery("to", Iso(to));
        var leaveIndex = 0;
        await foreach (var leave in connection.ListAllAsync(leaves, FactorialJsonTypes.Element, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var item = leaveIndex++;
            if (Text(leave, "employee_id") == employeeId
                && IsApproved(leave)
                && Date(leave, "start_on", leaves.Path, item) is { } start
                && (Date(leave, "finish_on", leaves.Path, item) ?? start) is var finish
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

    /// <summary>
    /// A date field: null when missing, null or empty; the date when it is one (<c>yyyy-MM-dd</c> or a timestamp's date);
    /// anything else (<c>2026-02-30</c>, a number, other text) is an error, never a day silently left out.
    /// </summary>
    private static DateOnly? Date(JsonElement item, string name, string template, int? index = null)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text is not null && FactorialJsonReader.TryParseDate(text, out var day))
        {
            return day;
        }

        return string.IsNullOrWhiteSpace(text) && value.ValueKind == JsonValueKind.String
            ? null
            : throw new InvalidDateException(template, index is { } i ? $"$[{i.ToString(CultureInfo.InvariantCulture)}].{name}" : $"$.{name}");
    }

    /// <summary>A date field that is not a date; mapped to <see cref="FactorialInvalidResponseException"/>.</summary>
    private sealed class InvalidDateException(string template, string jsonPath) : Exception
    {
        public string Template { get; } = template;

        public string JsonPath { get; } = jsonPath;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
