using System;
using System.Collections.Generic;

namespace FactorialGen;

/// <summary>
/// An employee's days off in a date range, as the seed's <c>get_daysoff</c> gives them: three sorted lists of
/// days with no overlap. A day with both a morning and an afternoon off counts as a full day.
/// </summary>
/// <param name="FullDays">Days off in full.</param>
/// <param name="Mornings">Days with only the morning off (the API's <c>beggining_of_day</c>).</param>
/// <param name="Afternoons">Days with only the afternoon off (the API's <c>end_of_day</c>).</param>
public sealed partial record FactorialDaysOff(IReadOnlyList<DateOnly> FullDays, IReadOnlyList<DateOnly> Mornings, IReadOnlyList<DateOnly> Afternoons)
{
    /// <summary>The leaves API's spelling of a half day taken in the morning (sic).</summary>
    public const string BeginningOfDay = "beggining_of_day";

    /// <summary>The holidays API's spelling of a half day taken in the morning.</summary>
    public const string BeginningOfDayCorrected = "beginning_of_day";

    /// <summary>The API's spelling of a half day taken in the afternoon.</summary>
    public const string EndOfDay = "end_of_day";
}

/// <summary>One absence that feeds <see cref="FactorialDaysOffCalculator"/>: a holiday or an approved leave.</summary>
/// <param name="Start">The first day.</param>
/// <param name="End">The last day (inclusive); equal to <paramref name="Start"/> for one day.</param>
/// <param name="HalfDay">
/// <see langword="null"/> for whole days; <c>beggining_of_day</c> or <c>beginning_of_day</c> (morning: leaves and holidays spell it
/// differently) or <c>end_of_day</c> (afternoon) for half
/// days, applied to every day of the absence. Other values count as whole days.
/// </param>
public readonly record struct FactorialAbsence(DateOnly Start, DateOnly End, string? HalfDay = null);

/// <summary>Combines holidays and leaves into <see cref="FactorialDaysOff"/>.</summary>
public static class FactorialDaysOffCalculator
{
    /// <summary>
    /// Computes the days off between <paramref name="from"/> and <paramref name="to"/> (inclusive), bounded by the
    /// employee's first and last working day, skipping Saturdays and Sundays unless <paramref name="includeWeekends"/>.
    /// </summary>
    /// <param name="from">The first day of the range.</param>
    /// <param name="to">The last day of the range.</param>
    /// <param name="absences">The employee's location holidays and approved leaves.</param>
    /// <param name="includeWeekends">Whether Saturdays and Sundays count.</param>
    /// <param name="employedFrom">The employee's first day, if known: earlier days are not counted.</param>
    /// <param name="employedUntil">The employee's termination day, if any: later days are not counted.</param>
    public static FactorialDaysOff Compute(
        DateOnly from,
        DateOnly to,
        IEnumerable<FactorialAbsence> absences,
        bool includeWeekends = false,
        DateOnly? employedFrom = null,
        DateOnly? employedUntil = null)
    {
        ArgumentNullException.ThrowIfNull(absences);
        var first = employedFrom is { } start && start > from ? start : from;
        var last = employedUntil is { } end && end < to ? end : to;

        var parts = new SortedDictionary<DateOnly, Part>();
        foreach (var absence in absences)
        {
            var part = absence.HalfDay switch
            {
                FactorialDaysOff.BeginningOfDay or FactorialDaysOff.BeginningOfDayCorrected => Part.Morning,
                FactorialDaysOff.EndOfDay => Part.Afternoon,
                _ => Part.Full,
            };

            var day = absence.Start > first ? absence.Start : first;
            var until = absence.End < last ? absence.End : last;
            for (; day <= until; day = day.AddDays(1))
            {
                if (!includeWeekends && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                parts[day] = parts.TryGetValue(day, out var existing) ? existing | part : part;
            }
        }

        var full = new List<DateOnly>();
        var mornings = new List<DateOnly>();
        var afternoons = new List<DateOnly>();
        foreach (var (day, part) in parts)
        {
            (part == Part.Full ? full : part == Part.Morning ? mornings : afternoons).Add(day);
        }

        return new FactorialDaysOff(full, mornings, afternoons);
    }

    [Flags]
    private enum Part
    {
        Morning = 1,
        Afternoon = 2,
        Full = Morning | Afternoon,
    }
}
