using System;
using System.Collections.Generic;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.Data;

/// <summary>
/// Builds the demo company from a seed. Everything derives from <see cref="Random"/> with that seed
/// and fixed dates (never the current clock), so the same seed always yields the same data.
/// </summary>
internal static class Seeder
{
    /// <summary>The "today" of the seeded history: shifts end here, later leaves are mostly pending.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 6, 30);

    public const long AdminEmployeeId = 1;

    public static SandboxData Create(int seed, int employeeCount)
    {
        var random = new Random(seed);
        List<Location> locations = SeedLocations.Create();
        List<Employee> employees = CreateEmployees(random, employeeCount);
        (List<Team> teams, List<Membership> memberships) = TeamSeeder.Create(random, employees, ManagerCount(employeeCount));
        List<LeaveType> leaveTypes = CreateLeaveTypes();
        List<CompanyHoliday> holidays = HolidayCalendar.Create();
        List<Leave> leaves = LeaveSeeder.Create(random, employees, leaveTypes);
        List<Shift> shifts = ShiftSeeder.Create(random, employees, holidays, leaves);

        return new SandboxData
        {
            AdminEmployeeId = AdminEmployeeId,
            Employees = new ResourceStore<Employee>(employees),
            Locations = new ResourceStore<Location>(locations),
            Teams = new ResourceStore<Team>(teams),
            Memberships = new ResourceStore<Membership>(memberships),
            LeaveTypes = new ResourceStore<LeaveType>(leaveTypes),
            Leaves = new ResourceStore<Leave>(leaves),
            Holidays = new ResourceStore<CompanyHoliday>(holidays),
            Shifts = new ResourceStore<Shift>(shifts),
        };
    }

    /// <summary>Employees 2..(1 + count) manage the others and report to the admin.</summary>
    public static int ManagerCount(int employeeCount) => Math.Max(4, employeeCount / 20);

    private static List<Employee> CreateEmployees(Random random, int count)
    {
        int managers = ManagerCount(count);
        int terminatedCount = Math.Max(3, count / 60);
        var terminated = new HashSet<int>();
        while (terminated.Count < terminatedCount)
        {
            terminated.Add(random.Next(managers + 2, count + 1));
        }

        int futureLeaver;
        do
        {
            futureLeaver = random.Next(managers + 2, count + 1);
        }
        while (terminated.Contains(futureLeaver));

        var emails = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Employee>(count);
        for (int id = 1; id <= count; id++)
        {
            bool female = random.Next(2) == 0;
            string first = id == AdminEmployeeId ? "Sam" : Pick(random, female ? NameBank.FemaleNames : NameBank.MaleNames);
            string last = id == AdminEmployeeId ? "Sandbox" : Pick(random, NameBank.FamilyNames);
            string email = UniqueEmail(emails, first, last, id);
            long location = id == AdminEmployeeId ? SeedLocations.Barcelona : PickLocation(random);
            long? manager = id == AdminEmployeeId ? null : id <= managers + 1 ? AdminEmployeeId : random.Next(2, managers + 2);
            DateOnly birthday = new DateOnly(1962, 1, 1).AddDays(random.Next(0, 15_000));
            DateOnly startedOn = id == AdminEmployeeId ? new DateOnly(2019, 3, 1)
                : id <= managers + 1 || terminated.Contains(id) ? new DateOnly(2016, 1, 4).AddDays(random.Next(0, 2_400))
                : new DateOnly(2016, 1, 4).AddDays(random.Next(0, 3_800));
            DateOnly? terminatedOn = terminated.Contains(id) ? new DateOnly(2025, 1, 31).AddDays(random.Next(0, 480))
                : id == futureLeaver ? new DateOnly(2026, 9, 30)
                : null;
            bool invited = id == AdminEmployeeId || random.Next(100) >= 3;
            DateTimeOffset createdAt = At(startedOn.AddDays(-random.Next(3, 30)), 9);
            DateTimeOffset updatedAt = terminatedOn is DateOnly end && end <= ReferenceDate ? At(end, 17) : createdAt.AddDays(random.Next(0, 300));
            if (updatedAt > At(ReferenceDate, 18))
            {
                updatedAt = At(ReferenceDate, 18);
            }

            result.Add(new Employee
            {
                Id = id,
                AccessId = 10_000 + id,
                FirstName = first,
                LastName = last,
                FullName = $"{first} {last}",
                Email = email,
                LoginEmail = invited ? email : null,
                BirthdayOn = birthday,
                Gender = female ? "female" : "male",
                Nationality = SeedLocations.CountryOf(location),
                PhoneNumber = $"+34 6{random.Next(10_000_000, 99_999_999)}",
                CompanyId = SandboxData.CompanyId,
                LegalEntityId = 1,
                LocationId = location,
                ManagerId = manager is long m ? new ResourceId(m) : null,
                TimeoffManagerId = manager is long t ? new ResourceId(t) : null,
                CompanyIdentifier = $"SBX{id:0000}",
                SeniorityCalculationDate = startedOn,
                CreatedAt = createdAt,
                UpdatedAt = updatedAt,
                IsTerminating = terminatedOn > ReferenceDate,
                TerminatedOn = terminatedOn,
                TerminationReason = terminatedOn is null ? null : terminatedOn > ReferenceDate ? "Relocating abroad" : "Voluntary resignation",
                Active = terminatedOn is null || terminatedOn > ReferenceDate,
                Attendable = true,
            });
        }

        return result;
    }

    private static List<LeaveType> CreateLeaveTypes() =>
    [
        LeaveKind(1, "Vacation", "vacation", "green", approval: true, accrues: true, workable: false, payable: true, halfDays: true, allowance: 1),
        LeaveKind(2, "Sick leave", "sick_leave", "red", approval: false, accrues: false, workable: false, payable: true, halfDays: false, allowance: null),
        LeaveKind(3, "Personal day", "personal_day", "blue", approval: true, accrues: false, workable: false, payable: true, halfDays: true, allowance: 2),
        LeaveKind(4, "Parental leave", "parental_leave", "purple", approval: true, accrues: false, workable: false, payable: true, halfDays: false, allowance: null),
        LeaveKind(5, "Training", "training", "orange", approval: true, accrues: false, workable: true, payable: true, halfDays: true, allowance: null),
    ];

    private static LeaveType LeaveKind(
        long id, string name, string identifier, string color, bool approval, bool accrues,
        bool workable, bool payable, bool halfDays, long? allowance) => new()
        {
            Id = id,
            Name = name,
            Identifier = identifier,
            Color = color,
            Active = true,
            ApprovalRequired = approval,
            Accrues = accrues,
            Attachment = identifier == "sick_leave",
            Visibility = true,
            Workable = workable,
            Payable = payable,
            CompanyId = SandboxData.CompanyId,
            AllowanceIds = allowance is long a ? [new ResourceId(a)] : [],
            HalfDaysUnitsEnabled = halfDays,
            DetailsRequired = false,
            Description = $"{name} of the sandbox company.",
        };

    public static DateTimeOffset At(DateOnly day, int hour) =>
        new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static long PickLocation(Random random)
    {
        int roll = random.Next(100);
        return roll < 40 ? SeedLocations.Barcelona : roll < 65 ? SeedLocations.Madrid : roll < 85 ? SeedLocations.Lisbon : SeedLocations.Berlin;
    }

    private static string UniqueEmail(HashSet<string> used, string first, string last, int id)
    {
        string local = $"{first}.{last}".ToLowerInvariant();
        string email = $"{local}@sandbox-industries.test";
        if (!used.Add(email))
        {
            email = $"{local}{id}@sandbox-industries.test";
            used.Add(email);
        }

        return email;
    }
}
