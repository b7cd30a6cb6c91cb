using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.Data;

/// <summary>
/// Leaves for 2025–2026: vacation blocks (some spanning a weekend), half days, sick days and
/// training. Past leaves are approved (a few rejected); future ones are partly still pending.
/// </summary>
internal static class LeaveSeeder
{
    private static readonly DateOnly From = new(2025, 1, 6);
    private static readonly DateOnly Until = new(2026, 12, 15);

    public static List<Leave> Create(Random random, List<Employee> employees, List<LeaveType> leaveTypes)
    {
        var drafts = new List<Leave>();
        foreach (Employee employee in employees)
        {
            DateOnly started = employee.SeniorityCalculationDate ?? From;
            DateOnly cursor = (started > From ? started : From).AddDays(random.Next(0, 40));
            DateOnly end = employee.TerminatedOn is DateOnly t && t < Until ? t.AddDays(-1) : Until;
            while (cursor < end)
            {
                Leave? leave = Draft(random, employee, leaveTypes, cursor);
                if (leave is null || leave.FinishOn > end)
                {
                    break;
                }

                drafts.Add(leave);
                cursor = leave.FinishOn.AddDays(random.Next(20, 110));
            }
        }

        long id = 1;
        return drafts
            .OrderBy(l => l.StartOn)
            .ThenBy(l => l.EmployeeId.Value)
            .Select(l => l with { Id = id++ })
            .ToList();
    }

    private static Leave? Draft(Random random, Employee employee, List<LeaveType> leaveTypes, DateOnly cursor)
    {
        DateOnly start = NextWeekday(cursor);
        DateOnly finish;
        string? halfDay = null;
        long typeId;
        int roll = random.Next(100);
        if (roll < 40)
        {
            typeId = 1;
            finish = start.AddDays(random.Next(0, 10));
        }
        else if (roll < 55)
        {
            // A long weekend: Friday to Tuesday, so the leave spans Saturday and Sunday.
            typeId = 1;
            start = NextDay(start, DayOfWeek.Friday);
            finish = start.AddDays(4);
        }
        else if (roll < 72)
        {
            typeId = random.Next(2) == 0 ? 1 : 3;
            finish = start;
            halfDay = random.Next(2) == 0 ? LeaveDays.BeginningOfDay : LeaveDays.EndOfDay;
        }
        else if (roll < 90)
        {
            typeId = 2;
            finish = start.AddDays(random.Next(0, 3));
        }
        else if (roll < 98)
        {
            typeId = 5;
            finish = start.AddDays(random.Next(0, 2));
        }
        else
        {
            typeId = 4;
            finish = start.AddDays(random.Next(13, 28));
        }

        LeaveType type = leaveTypes.First(t => t.Id.Value == typeId);
        bool? approved;
        string? reason = null;
        if (!type.ApprovalRequired)
        {
            approved = true;
        }
        else if (start > Seeder.ReferenceDate)
        {
            approved = random.Next(2) == 0 ? null : true;
        }
        else if (random.Next(25) == 0)
        {
            approved = false;
            reason = "Overlaps with a team deadline";
        }
        else
        {
            approved = true;
        }

        DateTimeOffset requested = Seeder.At(start.AddDays(-random.Next(5, 45)), 10);
        return new Leave
        {
            Id = 0,
            CompanyId = SandboxData.CompanyId,
            EmployeeId = employee.Id,
            EmployeeFullName = employee.FullName,
            LeaveTypeId = type.Id,
            LeaveTypeName = type.Name,
            StartOn = start,
            FinishOn = finish,
            HalfDay = halfDay,
            Description = typeId == 2 ? "Feeling unwell" : typeId == 5 ? "Conference" : null,
            Reason = reason,
            Approved = approved,
            DaysTaken = LeaveDays.DaysTaken(start, finish, halfDay),
            CreatedAt = requested,
            UpdatedAt = approved is null ? requested : requested.AddDays(1),
        };
    }

    private static DateOnly NextWeekday(DateOnly day)
    {
        while (LeaveDays.IsWeekend(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly NextDay(DateOnly day, DayOfWeek dayOfWeek)
    {
        while (day.DayOfWeek != dayOfWeek)
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
