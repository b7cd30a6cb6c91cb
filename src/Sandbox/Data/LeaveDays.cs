using System;

namespace FactorialGen.Sandbox.Data;

/// <summary>Date arithmetic shared by the seeder and the leave endpoints.</summary>
internal static class LeaveDays
{
    public const string BeginningOfDay = "beggining_of_day";

    /// <summary>The holidays API spells the morning half day correctly, unlike the leaves API.</summary>
    public const string HolidayBeginningOfDay = "beginning_of_day";

    public const string EndOfDay = "end_of_day";

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Working days (Monday to Friday) a leave takes; a half-day leave takes half a day.</summary>
    public static double DaysTaken(DateOnly startOn, DateOnly finishOn, string? halfDay)
    {
        int days = 0;
        for (DateOnly day = startOn; day <= finishOn; day = day.AddDays(1))
        {
            if (!IsWeekend(day))
            {
                days++;
            }
        }

        return halfDay is null ? days : days * 0.5;
    }

    /// <summary>
    /// Normalizes a half-day value from a request: empty means none; the correctly spelled
    /// "beginning_of_day" is accepted and stored with the API's own spelling. Null when invalid.
    /// </summary>
    public static bool TryNormalizeHalfDay(string? value, out string? normalized)
    {
        switch (value)
        {
            case null or "":
                normalized = null;
                return true;
            case BeginningOfDay or "beginning_of_day":
                normalized = BeginningOfDay;
                return true;
            case EndOfDay:
                normalized = EndOfDay;
                return true;
            default:
                normalized = null;
                return false;
        }
    }
}
