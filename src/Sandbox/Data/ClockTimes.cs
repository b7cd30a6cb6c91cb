using System;
using System.Globalization;

namespace FactorialGen.Sandbox.Data;

/// <summary>Parsing and formatting of the wall-clock times of shifts.</summary>
internal static class ClockTimes
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss"];

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string FormatWithSeconds(TimeOnly time) => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Accepts <c>HH:mm</c>, <c>HH:mm:ss</c> or an ISO 8601 date-time (its local wall-clock time).</summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        if (TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return true;
        }

        if (TryParseMoment(text, out DateTimeOffset moment))
        {
            time = TimeOnly.FromDateTime(moment.DateTime);
            return true;
        }

        return false;
    }

    /// <summary>Parses an ISO 8601 date-time; without an offset it is taken as UTC.</summary>
    public static bool TryParseMoment(string? text, out DateTimeOffset moment) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out moment);

    /// <summary>Minutes from clock-in to clock-out, across midnight when the clock-out is earlier.</summary>
    public static int MinutesBetween(TimeOnly clockIn, TimeOnly clockOut) => (int)(clockOut - clockIn).TotalMinutes;
}
