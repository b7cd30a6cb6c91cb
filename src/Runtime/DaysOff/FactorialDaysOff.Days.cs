using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace FactorialGen;

/// <summary>Which part of a day is off.</summary>
public enum FactorialDayPart
{
    /// <summary>The whole day.</summary>
    Full = 0,

    /// <summary>The morning only.</summary>
    Morning = 1,

    /// <summary>The afternoon only.</summary>
    Afternoon = 2,
}

/// <summary>One day off and which part of it.</summary>
/// <param name="Date">The day.</param>
/// <param name="Part">The whole day, the morning or the afternoon.</param>
public readonly record struct FactorialDayOff(DateOnly Date, FactorialDayPart Part)
{
    /// <summary>The day as <c>yyyy-MM-dd</c>, with <c>(morning)</c> or <c>(afternoon)</c> for a half day.</summary>
    public override string ToString() => Part switch
    {
        FactorialDayPart.Morning => FactorialDaysOff.Iso(Date) + " (morning)",
        FactorialDayPart.Afternoon => FactorialDaysOff.Iso(Date) + " (afternoon)",
        _ => FactorialDaysOff.Iso(Date),
    };
}

public sealed partial record FactorialDaysOff
{
    /// <summary>Every day off in date order, each with its part (a day is in at most one of the three lists).</summary>
    public IEnumerable<FactorialDayOff> EnumerateDays() =>
        FullDays.Select(d => new FactorialDayOff(d, FactorialDayPart.Full))
            .Concat(Mornings.Select(d => new FactorialDayOff(d, FactorialDayPart.Morning)))
            .Concat(Afternoons.Select(d => new FactorialDayOff(d, FactorialDayPart.Afternoon)))
            .OrderBy(d => d.Date);

    /// <summary>Prints the days (<c>FullDays = [2026-04-06, 2026-04-07], Mornings = [], …</c>), not the list types.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        Append(builder, nameof(FullDays), FullDays);
        builder.Append(", ");
        Append(builder, nameof(Mornings), Mornings);
        builder.Append(", ");
        Append(builder, nameof(Afternoons), Afternoons);
        return true;
    }

    private static void Append(StringBuilder builder, string name, IReadOnlyList<DateOnly>? days)
    {
        builder.Append(name).Append(" = [");
        for (var i = 0; i < (days?.Count ?? 0); i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(Iso(days![i]));
        }

        builder.Append(']');
    }

    internal static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
