using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.Data;

/// <summary>Public holidays of the four seeded offices for 2024–2027, a few of them half days.</summary>
internal static class HolidayCalendar
{
    public const int FirstYear = 2024;

    public const int LastYear = 2027;

    public static List<CompanyHoliday> Create()
    {
        var entries = new List<(DateOnly Date, long LocationId, string Summary, string? HalfDay)>();
        for (int year = FirstYear; year <= LastYear; year++)
        {
            DateOnly easter = EasterSunday(year);
            AddSpain(entries, year, easter, SeedLocations.Barcelona);
            AddSpain(entries, year, easter, SeedLocations.Madrid);
            AddBarcelona(entries, year, easter);
            AddMadrid(entries, year);
            AddLisbon(entries, year, easter);
            AddBerlin(entries, year, easter);
        }

        long id = 1;
        return entries
            .OrderBy(e => e.Date)
            .ThenBy(e => e.LocationId)
            .Select(e => new CompanyHoliday
            {
                Id = id++,
                LocationId = e.LocationId,
                Summary = e.Summary,
                Description = e.HalfDay is null ? e.Summary : $"{e.Summary} (half day)",
                Date = e.Date,
                HalfDay = e.HalfDay,
            })
            .ToList();
    }

    private static void AddSpain(List<(DateOnly, long, string, string?)> list, int year, DateOnly easter, long location)
    {
        list.Add((new DateOnly(year, 1, 1), location, "New Year's Day", null));
        list.Add((new DateOnly(year, 1, 6), location, "Epiphany", null));
        list.Add((easter.AddDays(-2), location, "Good Friday", null));
        list.Add((new DateOnly(year, 5, 1), location, "Labour Day", null));
        list.Add((new DateOnly(year, 8, 15), location, "Assumption Day", null));
        list.Add((new DateOnly(year, 10, 12), location, "National Day", null));
        list.Add((new DateOnly(year, 11, 1), location, "All Saints' Day", null));
        list.Add((new DateOnly(year, 12, 6), location, "Constitution Day", null));
        list.Add((new DateOnly(year, 12, 8), location, "Immaculate Conception", null));
        list.Add((new DateOnly(year, 12, 24), location, "Christmas Eve", LeaveDays.EndOfDay));
        list.Add((new DateOnly(year, 12, 25), location, "Christmas Day", null));
        list.Add((new DateOnly(year, 12, 31), location, "New Year's Eve", LeaveDays.EndOfDay));
    }

    private static void AddBarcelona(List<(DateOnly, long, string, string?)> list, int year, DateOnly easter)
    {
        long location = SeedLocations.Barcelona;
        list.Add((easter.AddDays(1), location, "Easter Monday", null));
        list.Add((new DateOnly(year, 6, 23), location, "Sant Joan's Eve", LeaveDays.EndOfDay));
        list.Add((new DateOnly(year, 6, 24), location, "Sant Joan", null));
        list.Add((new DateOnly(year, 9, 11), location, "National Day of Catalonia", null));
        list.Add((new DateOnly(year, 9, 24), location, "La Merce", null));
        list.Add((new DateOnly(year, 12, 26), location, "Sant Esteve", null));
    }

    private static void AddMadrid(List<(DateOnly, long, string, string?)> list, int year)
    {
        long location = SeedLocations.Madrid;
        list.Add((new DateOnly(year, 1, 5), location, "Three Kings' Parade", LeaveDays.HolidayBeginningOfDay));
        list.Add((new DateOnly(year, 5, 2), location, "Community of Madrid Day", null));
        list.Add((new DateOnly(year, 5, 15), location, "San Isidro", null));
        list.Add((new DateOnly(year, 11, 9), location, "Almudena", null));
    }

    private static void AddLisbon(List<(DateOnly, long, string, string?)> list, int year, DateOnly easter)
    {
        long location = SeedLocations.Lisbon;
        list.Add((new DateOnly(year, 1, 1), location, "New Year's Day", null));
        list.Add((easter.AddDays(-47), location, "Carnival", LeaveDays.HolidayBeginningOfDay));
        list.Add((easter.AddDays(-2), location, "Good Friday", null));
        list.Add((easter, location, "Easter Sunday", null));
        list.Add((new DateOnly(year, 4, 25), location, "Freedom Day", null));
        list.Add((new DateOnly(year, 5, 1), location, "Labour Day", null));
        list.Add((easter.AddDays(60), location, "Corpus Christi", null));
        list.Add((new DateOnly(year, 6, 10), location, "Portugal Day", null));
        list.Add((new DateOnly(year, 6, 13), location, "Saint Anthony", null));
        list.Add((new DateOnly(year, 8, 15), location, "Assumption Day", null));
        list.Add((new DateOnly(year, 10, 5), location, "Republic Day", null));
        list.Add((new DateOnly(year, 11, 1), location, "All Saints' Day", null));
        list.Add((new DateOnly(year, 12, 1), location, "Restoration of Independence", null));
        list.Add((new DateOnly(year, 12, 8), location, "Immaculate Conception", null));
        list.Add((new DateOnly(year, 12, 24), location, "Christmas Eve", LeaveDays.EndOfDay));
        list.Add((new DateOnly(year, 12, 25), location, "Christmas Day", null));
    }

    private static void AddBerlin(List<(DateOnly, long, string, string?)> list, int year, DateOnly easter)
    {
        long location = SeedLocations.Berlin;
        list.Add((new DateOnly(year, 1, 1), location, "New Year's Day", null));
        list.Add((easter.AddDays(-48), location, "Rose Monday", LeaveDays.HolidayBeginningOfDay));
        list.Add((new DateOnly(year, 3, 8), location, "International Women's Day", null));
        list.Add((easter.AddDays(-2), location, "Good Friday", null));
        list.Add((easter.AddDays(1), location, "Easter Monday", null));
        list.Add((new DateOnly(year, 5, 1), location, "Labour Day", null));
        list.Add((easter.AddDays(39), location, "Ascension Day", null));
        list.Add((easter.AddDays(50), location, "Whit Monday", null));
        list.Add((new DateOnly(year, 10, 3), location, "German Unity Day", null));
        list.Add((new DateOnly(year, 12, 24), location, "Christmas Eve", LeaveDays.EndOfDay));
        list.Add((new DateOnly(year, 12, 25), location, "Christmas Day", null));
        list.Add((new DateOnly(year, 12, 26), location, "Second Day of Christmas", null));
        list.Add((new DateOnly(year, 12, 31), location, "New Year's Eve", LeaveDays.EndOfDay));
    }

    /// <summary>Gregorian Easter Sunday (anonymous Gregorian algorithm).</summary>
    private static DateOnly EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
