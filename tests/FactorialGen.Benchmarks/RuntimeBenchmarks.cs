using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FactorialGen.Benchmarks.FactorialApi;
using Microsoft.Extensions.Logging;
using Refit;

namespace FactorialGen.Benchmarks;

/// <summary>
/// One call, four ways, over the same in-memory transport and the same canned JSON: a hand-written HttpClient call with a
/// System.Text.Json source-generated context (the floor, baseline), the FactorialGen client (no auth handler, API-key
/// handler, OAuth bearer handler) and Refit 16.4 with its generated stub and the same context.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RuntimeConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RuntimeBenchmarks
{
    /// <summary>The list filters the baselines send too (only_active=false, only_managers=false), made once.</summary>
    private static readonly FactorialGen.Benchmarks.FactorialApi.EmployeesListOptions AllEmployees = new() { OnlyActive = false, OnlyManagers = false };

    private static readonly Uri Api = new("https://api.factorialhr.com/");
    private const string Prefix = "api/2026-07-01/resources/";

    private CannedHandler _handler = null!;
    private HttpClient _floor = null!;
    private Hr _generated = null!;
    private Hr _generatedApiKey = null!;
    private Hr _generatedOAuth = null!;
    private Hr _generatedLogging = null!;
    private Microsoft.Extensions.Logging.ILoggerFactory _loggerFactory = null!;
    private IFactorialRefit _refit = null!;
    private string _employeeId = null!;
    private int _limit;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        var bodies = CannedBodies.Get();
        _handler = new CannedHandler(bodies);
        _employeeId = bodies.EmployeeId;
        _limit = 100;
        _now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        _floor = new HttpClient(_handler, disposeHandler: false) { BaseAddress = Api };
        _generated = new Hr(new HttpClient(_handler, disposeHandler: false) { BaseAddress = Api }, new FactorialClientOptions { BaseAddress = Api });
        // No request budget on the clients whose pipeline this library builds: the default budget (Factorial's 200 POST
        // per minute) would hold the 201st clock_in of a run for a minute — it measures Factorial's limit, not a call.
        _generatedApiKey = new Hr(new FactorialApiKey("bench-api-key-0123456789"), new FactorialClientOptions { BaseAddress = Api, PrimaryHandler = _handler, RequestBudget = null });
        _generatedOAuth = new Hr(FactorialToken.FromAccessToken("bench-access-token-0123456789", FactorialScope.ReadWrite), null, new FactorialClientOptions { BaseAddress = Api, PrimaryHandler = _handler, RequestBudget = null });
        // Logging as an application usually has it: a provider enabled from Information up (the request line is Debug).
        _loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder.AddProvider(new InformationProvider()).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information));
        _generatedLogging = new Hr(new HttpClient(_handler, disposeHandler: false) { BaseAddress = Api }, new FactorialClientOptions { BaseAddress = Api, LoggerFactory = _loggerFactory });
        _refit = RestService.ForGenerated<IFactorialRefit>(new HttpClient(_handler, disposeHandler: false) { BaseAddress = Api }, BenchJson.Default);
        Verify().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generated.Dispose();
        _generatedApiKey.Dispose();
        _generatedOAuth.Dispose();
        _generatedLogging.Dispose();
        _loggerFactory.Dispose();
        _floor.Dispose();
    }

    // GET one employee

    [Benchmark(Baseline = true), BenchmarkCategory("GET employee")]
    public Task GetEmployee_Floor() =>
        _floor.GetFromJsonAsync(Prefix + "employees/employees/" + Uri.EscapeDataString(_employeeId), BenchJson.Default.EmployeeDto);

    [Benchmark, BenchmarkCategory("GET employee")]
    public Task GetEmployee_Generated() => _generated.Employees.Employees.GetAsync(_employeeId);

    [Benchmark, BenchmarkCategory("GET employee")]
    public Task GetEmployee_GeneratedApiKey() => _generatedApiKey.Employees.Employees.GetAsync(_employeeId);

    [Benchmark, BenchmarkCategory("GET employee")]
    public Task GetEmployee_GeneratedOAuth() => _generatedOAuth.Employees.Employees.GetAsync(_employeeId);

    [Benchmark, BenchmarkCategory("GET employee")]
    public Task GetEmployee_GeneratedLogging() => _generatedLogging.Employees.Employees.GetAsync(_employeeId);

    [Benchmark, BenchmarkCategory("GET employee")]
    public Task GetEmployee_Refit() => _refit.GetEmployeeAsync(_employeeId);

    // GET a page of 100 employees ({ data, meta })

    [Benchmark(Baseline = true), BenchmarkCategory("GET page of 100")]
    public Task ListPage_Floor() =>
        _floor.GetFromJsonAsync($"{Prefix}employees/employees?only_active=false&only_managers=false&limit={_limit}", BenchJson.Default.EmployeePage);

    [Benchmark, BenchmarkCategory("GET page of 100")]
    public Task ListPage_Generated() => _generated.Employees.Employees.ListAsync(AllEmployees, limit: _limit);

    [Benchmark, BenchmarkCategory("GET page of 100")]
    public Task ListPage_GeneratedApiKey() => _generatedApiKey.Employees.Employees.ListAsync(AllEmployees, limit: _limit);

    [Benchmark, BenchmarkCategory("GET page of 100")]
    public Task ListPage_GeneratedOAuth() => _generatedOAuth.Employees.Employees.ListAsync(AllEmployees, limit: _limit);

    [Benchmark, BenchmarkCategory("GET page of 100")]
    public Task ListPage_Refit() => _refit.ListEmployeesAsync(false, false, _limit);

    // POST clock_in

    [Benchmark(Baseline = true), BenchmarkCategory("POST clock_in")]
    public async Task ClockIn_Floor()
    {
        using var response = await _floor.PostAsJsonAsync(Prefix + "attendance/shifts/clock_in", new ClockInDto { EmployeeId = _employeeId, Now = _now }, BenchJson.Default.ClockInDto);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadFromJsonAsync(BenchJson.Default.ShiftDto);
    }

    [Benchmark, BenchmarkCategory("POST clock_in")]
    public Task ClockIn_Generated() => _generated.Attendance.Shifts.ClockInAsync(new ShiftsClockInRequest { Now = _now, EmployeeId = _employeeId });

    [Benchmark, BenchmarkCategory("POST clock_in")]
    public Task ClockIn_GeneratedApiKey() => _generatedApiKey.Attendance.Shifts.ClockInAsync(new ShiftsClockInRequest { Now = _now, EmployeeId = _employeeId });

    [Benchmark, BenchmarkCategory("POST clock_in")]
    public Task ClockIn_GeneratedOAuth() => _generatedOAuth.Attendance.Shifts.ClockInAsync(new ShiftsClockInRequest { Now = _now, EmployeeId = _employeeId });

    [Benchmark, BenchmarkCategory("POST clock_in")]
    public Task ClockIn_Refit() => _refit.ClockInAsync(new ClockInDto { EmployeeId = _employeeId, Now = _now });

    /// <summary>Every way must read the same data, or the comparison means nothing.</summary>
    private async Task Verify()
    {
        var floor = (await _floor.GetFromJsonAsync(Prefix + "employees/employees/" + _employeeId, BenchJson.Default.EmployeeDto))!;
        foreach (var hr in new[] { _generated, _generatedApiKey, _generatedOAuth, _generatedLogging })
        {
            var e = await hr.Employees.Employees.GetAsync(_employeeId);
            Check(e.Id == floor.Id && e.FullName == floor.FullName && e.Email == floor.Email && e.Attendable == floor.Attendable, "GET employee");
            var p = await hr.Employees.Employees.ListAsync(AllEmployees, limit: _limit);
            var page = (await _floor.GetFromJsonAsync($"{Prefix}employees/employees?limit={_limit}", BenchJson.Default.EmployeePage))!;
            Check(page.Data.Count == 100 && p.Items.Count == 100 && p.Meta is { HasNextPage: true } && p.Meta.EndCursor == page.Meta!.EndCursor, "page meta");
            for (var i = 0; i < p.Items.Count; i++)
            {
                Check(p.Items[i].Id == page.Data[i].Id && p.Items[i].FullName == page.Data[i].FullName, "page items");
            }

            var s = await hr.Attendance.Shifts.ClockInAsync(new ShiftsClockInRequest { Now = _now, EmployeeId = _employeeId });
            var r = await _refit.ClockInAsync(new ClockInDto { EmployeeId = _employeeId, Now = _now });
            Check(s.Id == r.Id && s.EmployeeId == r.EmployeeId && s.ClockIn == r.ClockIn && s.Minutes == r.Minutes, "clock_in");
        }

        Check((await _refit.GetEmployeeAsync(_employeeId)).FullName == floor.FullName, "GET employee (Refit)");
        Check((await _refit.ListEmployeesAsync(false, false, _limit)).Data.Count == 100, "page (Refit)");
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The clients disagree on {what}.");
        }
    }

    /// <summary>A logging provider that is on from Information up and writes nowhere.</summary>
    private sealed class InformationProvider : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Information;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }
}
