using System;

namespace FactorialGen.Tests;

public sealed class DaysOffCalculatorTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void Holidays_and_leaves_become_sorted_full_days_mornings_and_afternoons()
    {
        var result = FactorialDaysOffCalculator.Compute(D(3, 1), D(3, 31),
        [
            new(D(3, 19), D(3, 19)),                                  // holiday, Thursday
            new(D(3, 9), D(3, 11)),                                   // leave Mon–Wed
            new(D(3, 4), D(3, 4), FactorialDaysOff.BeginningOfDay),   // morning
            new(D(3, 5), D(3, 5), FactorialDaysOff.EndOfDay),         // afternoon
            new(D(3, 6), D(3, 6), "beginning_of_day"),                 // morning, as holidays spell it
        ]);

        Assert.Equal([D(3, 9), D(3, 10), D(3, 11), D(3, 19)], result.FullDays);
        Assert.Equal([D(3, 4), D(3, 6)], result.Mornings);
        Assert.Equal([D(3, 5)], result.Afternoons);
    }

    [Fact]
    public void Weekends_are_left_out_unless_asked_for()
    {
        var leave = new FactorialAbsence(D(3, 6), D(3, 9)); // Friday to Monday

        Assert.Equal([D(3, 6), D(3, 9)], FactorialDaysOffCalculator.Compute(D(3, 1), D(3, 31), [leave]).FullDays);
        Assert.Equal([D(3, 6), D(3, 7), D(3, 8), D(3, 9)], FactorialDaysOffCalculator.Compute(D(3, 1), D(3, 31), [leave], includeWeekends: true).FullDays);
    }

    [Fact]
    public void Morning_and_afternoon_of_one_day_make_a_full_day_and_a_full_day_absorbs_halves()
    {
        var result = FactorialDaysOffCalculator.Compute(D(3, 1), D(3, 31),
        [
            new(D(3, 4), D(3, 4), FactorialDaysOff.BeginningOfDay),
            new(D(3, 4), D(3, 4), FactorialDaysOff.EndOfDay),
            new(D(3, 5), D(3, 5), FactorialDaysOff.EndOfDay),
            new(D(3, 5), D(3, 5)),
        ]);

        Assert.Equal([D(3, 4), D(3, 5)], result.FullDays);
        Assert.Empty(result.Mornings);
        Assert.Empty(result.Afternoons);
    }

    [Fact]
    public void Range_and_employment_dates_bound_the_result()
    {
        var result = FactorialDaysOffCalculator.Compute(D(3, 2), D(3, 27), [new(D(2, 23), D(4, 3))], employedFrom: D(3, 10), employedUntil: D(3, 20));

        Assert.Equal(D(3, 10), result.FullDays[0]);
        Assert.Equal(D(3, 20), result.FullDays[^1]);
        Assert.Equal(9, result.FullDays.Count); // 10–13 and 16–20 March
    }
}
