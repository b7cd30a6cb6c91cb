using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FactorialGen.Client.Tests.FactorialApi;

namespace FactorialGen.Client.Tests;

/// <summary>Every call of the seed's Python client, made through the generated clients against a real sandbox on loopback.</summary>
public sealed class SeedCallTests
{
    private static readonly DateOnly From = new(2026, 3, 1);
    private static readonly DateOnly To = new(2026, 6, 30);

    [Fact]
    public async Task Credentials_tell_who_the_token_belongs_to()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var hr = new HrReports(token, options: sandbox.ClientOptions());

        FactorialPage<Credential> me = await hr.ApiPublic.Credentials.ListAsync();

        var credential = Assert.Single(me.Items);
        Assert.Equal("1", credential.EmployeeId); // the sandbox's signed-in admin
        Assert.False(string.IsNullOrEmpty(credential.CompanyId));
        Assert.False(me.HasNextPage);
    }

    [Fact]
    public async Task Employees_are_listed_and_read_by_id()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var hr = new HrReports(token, options: sandbox.ClientOptions());

        FactorialPage<Employee> page = await hr.Employees.Employees.ListAsync(limit: 5);
        Assert.Equal(5, page.Items.Count);
        Assert.Equal(["1", "2", "3", "4", "5"], page.Items.Select(e => e.Id));

        var listed = page.Items[2];
        Employee read = await hr.Employees.Employees.GetAsync(listed.Id);
        Assert.Equal(listed.Id, read.Id);
        Assert.Equal(listed.FullName, read.FullName);
        Assert.Equal(listed.LocationId, read.LocationId);
        Assert.Equal($"{read.FirstName} {read.LastName}", read.FullName);

        var filtered = await hr.Employees.Employees.ListAsync(ids: ["7", "9"]);
        Assert.Equal(["7", "9"], filtered.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Shifts_of_a_month_for_one_employee()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var hr = new HrReports(token, options: sandbox.ClientOptions());

        var shifts = await ToListAsync(hr.Attendance.Shifts.ListAllAsync(
            employeeIds: ["1"],
            startOn: new DateOnly(2026, 4, 1),
            endOn: new DateOnly(2026, 4, 30)));

        Assert.NotEmpty(shifts);
        Assert.All(shifts, s =>
        {
            Assert.Equal("1", s.EmployeeId);
            var day = Day(s.Date);
            Assert.Equal(2026, day.Year);
            Assert.Equal(4, day.Month);
            Assert.NotNull(s.ClockIn);
        });
        Assert.Equal(shifts.Count, shifts.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task Clock_in_and_clock_out_open_and_close_a_shift()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.ReadWrite);
        using var admin = new HrAdmin(token, options: sandbox.ClientOptions());
        var employee = (await admin.Employees.Employees.ListAsync(new EmployeesListOptions { OnlyActive = true, OnlyManagers = false }, limit: 20)).Items.First(e => e.Id != "1" && e.TerminatedOn is null);

        Shift opened = await admin.Attendance.Shifts.ClockInAsync(new ShiftsClockInRequest
        {
            EmployeeId = employee.Id,
            Now = DateTimeOffset.Parse("2026-03-02T08:30:00+00:00", CultureInfo.InvariantCulture),
            LocationType = LocationType.WorkFromHome, // one enum for every location_type of the document
            Observations = "kiosk",
        });
        Assert.Equal(employee.Id, opened.EmployeeId);
        Assert.Equal(new DateOnly(2026, 3, 2), opened.Date);
        Assert.Equal("08:30", opened.ClockIn);
        Assert.Null(opened.ClockOut);
        Assert.Equal(LocationType.WorkFromHome, opened.LocationType);

        Shift closed = await admin.Attendance.Shifts.ClockOutAsync(new ShiftsClockOutRequest { EmployeeId = employee.Id, Now = DateTimeOffset.Parse("2026-03-02T12:45:00+00:00", CultureInfo.InvariantCulture) });
        Assert.Equal(opened.Id, closed.Id);
        Assert.Equal("12:45", closed.ClockOut);
        Assert.Equal(255, closed.Minutes);

        Shift read = await admin.Attendance.Shifts.GetAsync(opened.Id);
        Assert.Equal("12:45", read.ClockOut);

        // Clocking out again: nothing is open any more; the API's 422 surfaces as a typed exception.
        var error = await Assert.ThrowsAsync<FactorialApiException>(() => admin.Attendance.Shifts.ClockOutAsync(new ShiftsClockOutRequest { EmployeeId = employee.Id, Now = DateTimeOffset.Parse("2026-03-02T13:00:00+00:00", CultureInfo.InvariantCulture) }));
        Assert.Equal(422, (int)error.StatusCode);
    }

    [Fact]
    public async Task Leaves_in_a_date_range_overlap_it()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var hr = new HrReports(token, options: sandbox.ClientOptions());

        var leaves = await ToListAsync(hr.Timeoff.Leaves.ListAllAsync(from: From, to: To));

        Assert.NotEmpty(leaves);
        Assert.All(leaves, l => Assert.True(Day(l.StartOn) <= To && Day(l.FinishOn ?? l.StartOn) >= From, $"leave {l.Id} {l.StartOn}..{l.FinishOn}"));
        Assert.Contains(leaves, l => l.Approved == true);
        Assert.Contains(leaves, l => l.Approved == false); // rejected ones are listed too
        Assert.Contains(leaves, l => l.HalfDay is LeaveHalfDay.BegginingOfDay or LeaveHalfDay.EndOfDay);
        Assert.DoesNotContain(leaves, l => l.HalfDay == LeaveHalfDay.Unknown);

        var approved = await ToListAsync(hr.Timeoff.Leaves.ListAllAsync(new LeavesListOptions { From = From, To = To, Approved = true }));
        Assert.All(approved, l => Assert.True(l.Approved));
        Assert.Equal(leaves.Count(l => l.Approved == true), approved.Count);
    }

    [Fact]
    public async Task Company_holidays_in_a_date_range()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var hr = new HrReports(token, options: sandbox.ClientOptions());

        var holidays = await ToListAsync(hr.Holidays.CompanyHolidays.ListAllAsync(startAt: new DateOnly(2026, 4, 1), endAt: new DateOnly(2026, 5, 31)));

        Assert.NotEmpty(holidays);
        Assert.All(holidays, h => Assert.InRange(Day(h.Date), new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 31)));
        Assert.Contains(holidays, h => h.Date == new DateOnly(2026, 5, 1)); // Labour Day
        var all = await ToListAsync(hr.Holidays.CompanyHolidays.ListAllAsync());
        Assert.True(all.Count > holidays.Count);
    }

    [Fact]
    public async Task Days_off_of_an_employee_with_approved_leaves()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var hr = new HrReports(token, options: sandbox.ClientOptions());

        var approved = await ToListAsync(hr.Timeoff.Leaves.ListAllAsync(new LeavesListOptions { From = From, To = To, Approved = true }));
        var employeeId = approved.GroupBy(l => l.EmployeeId).OrderByDescending(g => g.Sum(l => l.DaysTaken)).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

        FactorialDaysOff workdays = await hr.GetDaysOffAsync(employeeId, From, To);
        FactorialDaysOff everyDay = await hr.GetDaysOffAsync(employeeId, From, To, includeWeekends: true);

        Assert.NotEmpty(workdays.FullDays);
        foreach (var daysOff in new[] { workdays, everyDay })
        {
            AssertSorted(daysOff.FullDays);
            AssertSorted(daysOff.Mornings);
            AssertSorted(daysOff.Afternoons);
            Assert.Empty(daysOff.FullDays.Intersect(daysOff.Mornings));
            Assert.Empty(daysOff.FullDays.Intersect(daysOff.Afternoons));
            Assert.Empty(daysOff.Mornings.Intersect(daysOff.Afternoons));
            Assert.All(daysOff.FullDays.Concat(daysOff.Mornings).Concat(daysOff.Afternoons), d => Assert.InRange(d, From, To));
        }

        Assert.DoesNotContain(workdays.FullDays.Concat(workdays.Mornings).Concat(workdays.Afternoons), IsWeekend);
        Assert.Superset(workdays.FullDays.ToHashSet(), everyDay.FullDays.ToHashSet());
        Assert.Superset(workdays.Mornings.ToHashSet(), everyDay.Mornings.ToHashSet());
        Assert.Superset(workdays.Afternoons.ToHashSet(), everyDay.Afternoons.ToHashSet());
        Assert.True(everyDay.FullDays.Count > workdays.FullDays.Count, "a leave of this length spans a weekend");

        // The same answer from the typed lists: the employee's location holidays plus their approved leaves.
        var employee = await hr.Employees.Employees.GetAsync(employeeId);
        var holidays = await ToListAsync(hr.Holidays.CompanyHolidays.ListAllAsync(locationIds: [employee.LocationId], startAt: From, endAt: To));
        var absences = holidays.Where(h => h.LocationId == employee.LocationId)
            .Select(h => new FactorialAbsence(Day(h.Date), Day(h.Date), HalfDay(h.HalfDay)))
            .Concat(approved.Where(l => l.EmployeeId == employeeId).Select(l => new FactorialAbsence(Day(l.StartOn), Day(l.FinishOn ?? l.StartOn), HalfDay(l.HalfDay))));
        var expected = FactorialDaysOffCalculator.Compute(From, To, absences, includeWeekends: false, OptionalDay(employee.SeniorityCalculationDate), OptionalDay(employee.TerminatedOn));
        Assert.Equal(expected.FullDays, workdays.FullDays);
        Assert.Equal(expected.Mornings, workdays.Mornings);
        Assert.Equal(expected.Afternoons, workdays.Afternoons);
    }

    [Fact]
    public async Task Leave_is_created_pending_and_approved()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.ReadWrite);
        using var admin = new HrAdmin(token, options: sandbox.ClientOptions());
        var type = (await ToListAsync(admin.Timeoff.LeaveTypes.ListAllAsync())).First(t => t.ApprovalRequired == true);

        Leave created = await admin.Timeoff.Leaves.CreateAsync(new LeavesCreateRequest
        {
            EmployeeId = "2",
            LeaveTypeId = type.Id,
            StartOn = new DateOnly(2026, 11, 16),
            FinishOn = new DateOnly(2026, 11, 18),
            Description = "client test",
        });
        Assert.Equal("2", created.EmployeeId);
        Assert.Equal(type.Id, created.LeaveTypeId);
        Assert.Equal(new DateOnly(2026, 11, 16), created.StartOn);
        Assert.Equal(new DateOnly(2026, 11, 18), created.FinishOn);
        Assert.Null(created.Approved);
        Assert.Equal(3, created.DaysTaken);

        Leave approved = await admin.Timeoff.Leaves.ApproveAsync(new LeavesApproveRequest { Id = created.Id });
        Assert.Equal(created.Id, approved.Id);
        Assert.True(approved.Approved);

        Leave read = await admin.Timeoff.Leaves.GetAsync(created.Id);
        Assert.True(read.Approved);
        var pending = await ToListAsync(admin.Timeoff.Leaves.ListAllAsync(employeeIds: ["2"], from: new DateOnly(2026, 11, 16), to: new DateOnly(2026, 11, 18)));
        Assert.Contains(pending, l => l.Id == created.Id && l.Approved == true);
    }

    [Fact]
    public async Task Employee_is_terminated_and_unterminated()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.ReadWrite);
        using var admin = new HrAdmin(token, options: sandbox.ClientOptions());
        var employee = (await admin.Employees.Employees.ListAsync(new EmployeesListOptions { OnlyActive = true, OnlyManagers = false }, limit: 30)).Items.Last(e => e.TerminatedOn is null);

        Employee terminated = await admin.Employees.Employees.TerminateAsync(new EmployeesTerminateRequest
        {
            Id = employee.Id,
            TerminatedOn = new DateOnly(2026, 3, 31),
            TerminationReason = "client test",
        });
        Assert.Equal(employee.Id, terminated.Id);
        Assert.Equal(new DateOnly(2026, 3, 31), terminated.TerminatedOn);
        Assert.Equal(new DateOnly(2026, 3, 31), (await admin.Employees.Employees.GetAsync(employee.Id)).TerminatedOn);

        Employee back = await admin.Employees.Employees.UnterminateAsync(new EmployeesUnterminateRequest { Id = employee.Id });
        Assert.Equal(employee.Id, back.Id);
        Assert.Null(back.TerminatedOn);
        Assert.Null((await admin.Employees.Employees.GetAsync(employee.Id)).TerminatedOn);
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    internal static DateOnly Day(DateOnly day) => day;

    private static DateOnly? OptionalDay(DateOnly? day) => day;

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string? HalfDay(LeaveHalfDay? value) => value switch
    {
        LeaveHalfDay.BegginingOfDay => FactorialDaysOff.BeginningOfDay,
        LeaveHalfDay.EndOfDay => FactorialDaysOff.EndOfDay,
        _ => null,
    };

    private static string? HalfDay(ShiftHalfDay? value) => value switch
    {
        ShiftHalfDay.BeginningOfDay => FactorialDaysOff.BeginningOfDay,
        ShiftHalfDay.EndOfDay => FactorialDaysOff.EndOfDay,
        _ => null,
    };

    private static void AssertSorted(IReadOnlyList<DateOnly> days)
    {
        for (var i = 1; i < days.Count; i++)
        {
            Assert.True(days[i - 1] < days[i], $"{days[i - 1]} then {days[i]}");
        }
    }
}
