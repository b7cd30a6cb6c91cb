using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Sandbox;

namespace FactorialGen.Quickstart;

/// <summary>The seed's whole flow, step by step, printing what happens.</summary>
internal sealed class SeedFlow(QuickstartSettings settings, FactorialSandbox? sandbox)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var baseAddress = settings.BaseUrl ?? sandbox!.BaseAddress;
        var app = sandbox is not null
            ? new FactorialApp(SandboxClient.Default.ClientId, SandboxClient.Default.ClientSecret, FactorialApp.OutOfBandRedirectUri)
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
        await store.SaveAsync(token, cancellationToken);
        Console.WriteLine($"3. Saved to {store.Path} (owner-only).");

        using var api = new FactorialConnection(token, store, new FactorialClientOptions
        {
            BaseAddress = baseAddress,
            ApiVersion = settings.ApiVersion,
            App = app,
        });

        var me = await api.GetPageAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials"), QuickstartJson.Default.Credential, cancellationToken);
        Console.WriteLine($"4. Signed in as employee {me.Items.FirstOrDefault()?.EmployeeId} of company {me.Items.FirstOrDefault()?.CompanyId}.");

        // 3. Employees: every page.
        var employees = new List<Employee>();
        await foreach (var employee in api.ListAllAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), QuickstartJson.Default.Employee, cancellationToken: cancellationToken))
        {
            employees.Add(employee);
        }

        Console.WriteLine($"5. {employees.Count} employees, e.g. {string.Join(", ", employees.Take(3).Select(e => e.FullName))}.");
        if (employees.Count == 0)
        {
            return;
        }

        var (from, to) = Range();
        var someone = employees.FirstOrDefault(e => e.TerminatedOn is null) ?? employees[0];

        // 4. Shifts of a month.
        var monthStart = new DateOnly(to.Year, to.Month, 1);
        var shifts = await api.GetPageAsync(
            new FactorialRequest(HttpMethod.Get, "attendance/shifts")
                .AddQuery("employee_ids[]", [someone.Id.ToString(CultureInfo.InvariantCulture)])
                .AddQuery("start_on", Iso(monthStart))
                .AddQuery("end_on", Iso(monthStart.AddMonths(1).AddDays(-1))),
            QuickstartJson.Default.Shift,
            cancellationToken);
        Console.WriteLine($"6. {someone.FullName} has {shifts.Items.Count} shifts in {monthStart:yyyy-MM}.");

        // 5. Clock in and out (a write: the token was authorized for read+write).
        if (sandbox is not null || settings.AllowWrites)
        {
            var now = DateTimeOffset.UtcNow;
            var clockedIn = await api.SendAsync(
                new FactorialRequest(HttpMethod.Post, "attendance/shifts/clock_in").WithJsonBody(new ClockRequest(someone.Id, now.ToString("O", CultureInfo.InvariantCulture)), QuickstartJson.Default.ClockRequest),
                QuickstartJson.Default.Shift,
                cancellationToken);
            var clockedOut = await api.SendAsync(
                new FactorialRequest(HttpMethod.Post, "attendance/shifts/clock_out").WithJsonBody(new ClockRequest(someone.Id, now.AddHours(4).ToString("O", CultureInfo.InvariantCulture)), QuickstartJson.Default.ClockRequest),
                QuickstartJson.Default.Shift,
                cancellationToken);
            Console.WriteLine($"7. Clocked {someone.FullName} in at {clockedIn.ClockIn} and out at {clockedOut.ClockOut} (shift {clockedOut.Id}).");
        }
        else
        {
            Console.WriteLine("7. Skipped clock in/out: pass --allow-writes to write to the real API.");
        }

        // 6. Leaves and holidays in a range, and 7. one employee's days off.
        var leaves = await ListAsync(api, new FactorialRequest(HttpMethod.Get, "timeoff/leaves").AddQuery("from", Iso(from)).AddQuery("to", Iso(to)), QuickstartJson.Default.Leave, cancellationToken);
        var holidays = await ListAsync(api, new FactorialRequest(HttpMethod.Get, "holidays/company_holidays").AddQuery("start_at", Iso(from)).AddQuery("end_at", Iso(to)), QuickstartJson.Default.CompanyHoliday, cancellationToken);
        Console.WriteLine($"8. {Iso(from)}..{Iso(to)}: {leaves.Count} leaves ({leaves.Count(l => l.Approved == true)} approved), {holidays.Count} company holidays.");

        var onLeave = leaves.Where(l => l.Approved == true).GroupBy(l => l.EmployeeId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var employeeForDaysOff = employees.FirstOrDefault(e => e.Id == onLeave) ?? someone;
        var absences = holidays
            .Where(h => h.LocationId == employeeForDaysOff.LocationId && h.Date >= from && h.Date <= to)
            .Select(h => new FactorialAbsence(h.Date, h.Date, h.HalfDay))
            .Concat(leaves.Where(l => l.EmployeeId == employeeForDaysOff.Id && l.Approved == true).Select(l => new FactorialAbsence(l.StartOn, l.FinishOn, l.HalfDay)));
        var daysOff = FactorialDaysOffCalculator.Compute(from, to, absences, includeWeekends: false, employeeForDaysOff.SeniorityCalculationDate, employeeForDaysOff.TerminatedOn);
        Console.WriteLine($"9. Days off of {employeeForDaysOff.FullName}: {daysOff.FullDays.Count} full [{string.Join(", ", daysOff.FullDays.Take(8).Select(Iso))}{(daysOff.FullDays.Count > 8 ? ", …" : "")}], "
            + $"mornings [{string.Join(", ", daysOff.Mornings.Select(Iso))}], afternoons [{string.Join(", ", daysOff.Afternoons.Select(Iso))}].");

        // 8. Refresh: a new token pair, saved before use; the old refresh token stops working.
        var refreshed = await api.TokenSource!.RefreshAsync(cancellationToken);
        var stored = await store.LoadAsync(cancellationToken);
        Console.WriteLine($"10. Refreshed: token {token.Fingerprint} -> {refreshed.Fingerprint}; the store holds {stored?.Fingerprint}.");
    }

    private async Task<FactorialToken> AuthorizeAsync(FactorialOAuth oauth, CancellationToken cancellationToken)
    {
        if (sandbox is null)
        {
            return await oauth.AuthorizeFromConsoleAsync(FactorialScope.ReadWrite, Console.In, Console.Out, cancellationToken);
        }

        var request = oauth.Authorize(FactorialScope.ReadWrite);
        Console.WriteLine($"1. Authorization link (open it in a browser with the real API):\n   {request.Url.AbsoluteUri}");
        using var browser = new HttpClient();
        var key = await FactorialSandbox.FetchAuthorizationKeyAsync(browser, request.Url, cancellationToken);
        Console.WriteLine("   The sandbox approved it and showed the authorization key; exchanging it.");
        return await oauth.ObtainAccessTokenAsync(request, key, cancellationToken);
    }

    private (DateOnly From, DateOnly To) Range()
    {
        if (sandbox is not null)
        {
            return (new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31)); // inside the sandbox's seeded data
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = new DateOnly(today.Year, today.Month, 1);
        return (first.AddMonths(-2), first.AddMonths(1).AddDays(-1));
    }

    private static async Task<List<T>> ListAsync<T>(FactorialConnection api, FactorialRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await foreach (var item in api.ListAllAsync(request, type, cancellationToken: cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
