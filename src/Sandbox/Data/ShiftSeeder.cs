using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.Data;

/// <summary>
/// One closed shift per working day from April to June 2026 for everybody employed then, skipping
/// holidays and approved leaves (half days get a four-hour shift on the other half).
/// </summary>
internal static class ShiftSeeder
{
    private static readonly DateOnly From = new(2026, 4, 1);

    public static List<Shift> Create(Random random, List<Employee> employees, List<CompanyHoliday> holidays, List<Leave> leaves)
    {
        Dictionary<(long, DateOnly), string?> holidayByLocationDay = holidays
            .ToDictionary(h => (h.LocationId.Value, h.Date), h => h.HalfDay);
        var leaveByEmployeeDay = new Dictionary<(long, DateOnly), string?>();
        foreach (Leave leave in leaves.Where(l => l.Approved == true && l.FinishOn >= From && l.StartOn <= Seeder.ReferenceDate))
        {
            for (DateOnly day = leave.StartOn; day <= leave.FinishOn; day = day.AddDays(1))
            {
                leaveByEmployeeDay[(leave.EmployeeId.Value, day)] = leave.HalfDay;
            }
        }

        var shifts = new List<Shift>();
        long id = 1;
        for (DateOnly day = From; day <= Seeder.ReferenceDate; day = day.AddDays(1))
        {
            if (LeaveDays.IsWeekend(day))
            {
                continue;
            }

            foreach (Employee employee in employees)
            {
                if (employee.SeniorityCalculationDate > day || employee.TerminatedOn <= day)
                {
                    continue;
                }

                long location = employee.LocationId?.Value ?? SeedLocations.Barcelona;
                string? off = null;
                bool hasHoliday = holidayByLocationDay.TryGetValue((location, day), out string? holidayHalf);
                bool hasLeave = leaveByEmployeeDay.TryGetValue((employee.Id.Value, day), out string? leaveHalf);
                if ((hasHoliday && holidayHalf is null) || (hasLeave && leaveHalf is null) || random.Next(100) < 3)
                {
                    continue;
                }

                off = hasHoliday ? holidayHalf : hasLeave ? leaveHalf : null;
                shifts.Add(Work(random, id++, employee.Id, day, off));
            }
        }

        return shifts;
    }

    private static Shift Work(Random random, long id, ResourceId employeeId, DateOnly day, string? halfDayOff)
    {
        TimeOnly clockIn;
        int minutes;
        if (halfDayOff == LeaveDays.BeginningOfDay)
        {
            clockIn = new TimeOnly(14, 0).AddMinutes(5 * random.Next(0, 6));
            minutes = 240;
        }
        else
        {
            clockIn = new TimeOnly(8, 0).AddMinutes(5 * random.Next(0, 19));
            minutes = halfDayOff is null ? 450 + (5 * random.Next(0, 13)) : 240;
        }

        TimeOnly clockOut = clockIn.AddMinutes(minutes);
        int roll = random.Next(100);
        string locationType = roll < 75 ? "office" : roll < 95 ? "work_from_home" : "business_trip";
        string source = random.Next(3) == 0 ? "mobile" : "desktop";
        DateTimeOffset closedAt = new(day.ToDateTime(clockOut), TimeSpan.Zero);
        return new Shift
        {
            Id = id,
            EmployeeId = employeeId,
            CompanyId = SandboxData.CompanyId,
            Date = day,
            ReferenceDate = day,
            ClockIn = ClockTimes.Format(clockIn),
            ClockOut = ClockTimes.Format(clockOut),
            ClockInWithSeconds = ClockTimes.FormatWithSeconds(clockIn.Add(TimeSpan.FromSeconds(random.Next(0, 60)))),
            InSource = source,
            OutSource = source,
            Minutes = minutes,
            Observations = random.Next(40) == 0 ? "Client visit in the afternoon" : null,
            LocationType = locationType,
            HalfDay = null,
            Workable = true,
            WorkplaceId = null,
            CreatedAt = closedAt,
            UpdatedAt = closedAt,
        };
    }
}
