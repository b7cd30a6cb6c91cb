using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Quickstart.FactorialApi;

namespace FactorialGen.Quickstart;

/// <summary>The seed's whole flow, step by step, printing what happens.</summary>
internal sealed class SeedFlow(QuickstartSettings settings, Target target)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var baseAddress = target.BaseAddress;
        var app = target.IsSandbox
            ? new FactorialApp(Target.SandboxClientId, Target.SandboxClientSecret, FactorialApp.OutOfBandRedirectUri)
            : new FactorialApp(
                settings.ClientId ?? throw new ArgumentException("--client-id (or FACTORIAL_CLIENT_ID) is required with --base-url."),
                settings.ClientSecret ?? throw new ArgumentException("--client-secret (or FACTORIAL_CLIENT_SECRET) is required with --base-url."),
                settings.RedirectUri ?? FactorialApp.OutOfBandRedirectUri);
        using var oauth = new FactorialOAuth(app, new FactorialOAuthOptions { BaseAddress = baseAddress });

        // 1. Authorize: a link for the user, who approves and gets an authorization key.
        var token = await AuthorizeAsync(oauth, cancellationToken);
        Console.WriteLine($"2. Token {token.Fingerprint}: scope '{token.Scope.ToOAuthString()}', expires {token.ExpiresAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never"}.");

        // 2. Keep it somewhere safe: every refresh rotates it.
        var store = new FileTokenStore(settings.TokenFile);
        try
        {
            await store.SaveAsync(token, cancellationToken);
            Console.WriteLine($"3. Saved to {store.Path} (owner-only).");
            await RunWithTokenAsync(app, token, store, cancellationToken);
        }
        finally
        {
            await QuickstartCleanup.RemoveTemporaryTokenFileAsync(settings, store);
        }
    }

    private async Task RunWithTokenAsync(FactorialApp app, FactorialToken token, FileTokenStore store, CancellationToken cancellationToken)
    {
        var baseAddress = target.BaseAddress;

        // 3. The generated client: typed groups and models, refreshing and re-saving the token by itself.
        using var hr = new Hr(token, store, new FactorialClientOptions { BaseAddress = baseAddress, App = app });
        var reports = new HrReports(hr.Connection); // the read-only view of the same connection

        var me = await reports.ApiPublic.Credentials.ListAsync(cancellationToken: cancellationToken);
        Console.WriteLine($"4. Signed in as employee {me.Items.FirstOrDefault()?.EmployeeId} of company {me.Items.FirstOrDefault()?.CompanyId}.");

        // 4. Employees: every page.
        var employees = await ToListAsync(reports.Employees.Employees.ListAllAsync(cancellationToken: cancellationToken));
        Console.WriteLine($"5. {employees.Count} employees, e.g. {string.Join(", ", employees.Take(3).Select(e => e.FullName))}.");
        if (employees.Count == 0)
        {
            return;
        }

        var (from, to) = Range();
        var someone = employees.FirstOrDefault(e => e.TerminatedOn is null) ?? employees[0];

        // 5. Shifts of a month.
        var monthStart = new DateOnly(to.Year, to.Month, 1);
        var shifts = await ToListAsync(reports.Attendance.Shifts.ListAllAsync(
            employeeIds: [someone.Id],
            startOn: monthStart,
            endOn: monthStart.AddMonths(1).AddDays(-1),
            cancellationToken: cancellationToken));
        Console.WriteLine($"6. {someone.FullName} has {shifts.Count} shifts in {monthStart:yyyy-MM}.");

        // 6. Clock in and out: write operations, which only the ReadWrite client (Hr) has. Both on the same day, a
        //    minute apart, and the shift is deleted afterwards: the quickstart leaves the attendance as it found it.
        if (target.IsSandbox || settings.AllowWrites)
        {
            var (clockIn, clockOut) = QuickstartCleanup.SameDayMinute(DateTimeOffset.UtcNow);
            var clockedIn = await hr.Attendance.Shifts.ClockInAsync(new ShiftsClockInRequest { EmployeeId = someone.Id, Now = clockIn }, cancellationToken);
            try
            {
                var clockedOut = await hr.Attendance.Shifts.ClockOutAsync(new ShiftsClockOutRequest { EmployeeId = someone.Id, Now = clockOut }, cancellationToken);
                Console.WriteLine($"7. Clocked {someone.FullName} in at {clockedOut.ClockIn} and out at {clockedOut.ClockOut} on {clockedOut.Date:yyyy-MM-dd} (shift {clockedOut.Id}).");
            }
            finally
            {
                await hr.Attendance.Shifts.DeleteAsync(clockedIn.Id, CancellationToken.None); // even when cancelled or the clock-out failed
                Console.WriteLine($"   Deleted shift {clockedIn.Id} again.");
            }
        }
        else
        {
            Console.WriteLine("7. Skipped clock in/out: pass --allow-writes to write to the real API.");
        }

        // 7. Leaves and holidays in a range.
        var leaves = await ToListAsync(reports.Timeoff.Leaves.ListAllAsync(from: from, to: to, cancellationToken: cancellationToken));
        var holidays = await ToListAsync(reports.Holidays.CompanyHolidays.ListAllAsync(startAt: from, endAt: to, cancellationToken: cancellationToken));
        Console.WriteLine($"8. {Iso(from)}..{Iso(to)}: {leaves.Count} leaves ({leaves.Count(l => l.Approved == true)} approved), {holidays.Count} company holidays.");

        // 8. One employee's days off: location holidays and approved leaves as full days, mornings and afternoons.
        var onLeave = leaves.Where(l => l.Approved == true).GroupBy(l => l.EmployeeId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var employeeForDaysOff = employees.FirstOrDefault(e => e.Id == onLeave) ?? someone;
        var daysOff = await reports.GetDaysOffAsync(employeeForDaysOff.Id, from, to, includeWeekends: false, cancellationToken);
        Console.WriteLine($"9. Days off of {employeeForDaysOff.FullName}: {daysOff.FullDays.Count} full [{string.Join(", ", daysOff.FullDays.Take(8).Select(Iso))}{(daysOff.FullDays.Count > 8 ? ", …" : "")}], "
            + $"mornings [{string.Join(", ", daysOff.Mornings.Select(Iso))}], afternoons [{string.Join(", ", daysOff.Afternoons.Select(Iso))}].");

        // 9. Refresh: a new token pair, saved before use; the old refresh token stops working.
        var refreshed = await hr.RefreshAsync(cancellationToken);
        var stored = await store.LoadAsync(cancellationToken);
        Console.WriteLine($"10. Refreshed: token {token.Fingerprint} -> {refreshed.Fingerprint}; the store holds {stored?.Fingerprint}.");
    }

    private async Task<FactorialToken> AuthorizeAsync(FactorialOAuth oauth, CancellationToken cancellationToken)
    {
        if (!target.IsSandbox)
        {
            return await oauth.AuthorizeFromConsoleAsync(FactorialScope.ReadWrite, Console.In, Console.Out, cancellationToken);
        }

        var request = oauth.Authorize(FactorialScope.ReadWrite);
        Console.WriteLine($"1. Authorization link (open it in a browser with the real API):\n   {request.Url.AbsoluteUri}");
        var key = await SandboxAuthorizationPage.FetchKeyAsync(request.Url, cancellationToken);
        Console.WriteLine("   The sandbox approved it and showed the authorization key; exchanging it.");
        return await oauth.ObtainAccessTokenAsync(request, key, cancellationToken);
    }

    private (DateOnly From, DateOnly To) Range()
    {
        if (target.IsSandbox)
        {
            return (new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31)); // inside the sandbox's seeded data
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = new DateOnly(today.Year, today.Month, 1);
        return (first.AddMonths(-2), first.AddMonths(1).AddDays(-1));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
