using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FactorialGen.Client.Tests.FactorialApi;
using FactorialGen.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactorialGen.Client.Tests;

/// <summary><c>services.AddFactorialClient&lt;T&gt;()</c>: configuration, credentials from DI, resilience and telemetry, against the sandbox.</summary>
public sealed class DependencyInjectionTests
{
    // The sandbox's fake clock is registered only where token expiry matters: the resilience pipeline takes its
    // delays and time-outs from the registered TimeProvider too, and a fake clock that nobody advances never fires.
    private static ServiceProvider Build(TestSandbox sandbox, Dictionary<string, string?> settings, Action<IServiceCollection>? more = null, Action<FactorialServiceOptions>? configure = null, bool fakeClock = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        if (fakeClock)
        {
            services.AddSingleton<TimeProvider>(sandbox.Time);
        }

        more?.Invoke(services);
        services.AddFactorialClient<HrReports>(options =>
        {
            options.RetryDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(options);
        });
        services.AddFactorialClient<HrAdmin>(options => options.RetryDelay = TimeSpan.FromMilliseconds(10));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static Dictionary<string, string?> ApiKeySettings(TestSandbox sandbox) => new()
    {
        ["Factorial:BaseAddress"] = sandbox.BaseAddress.AbsoluteUri,
        ["Factorial:ApiKey"] = sandbox.Server.IssueApiKey(),
    };

    [Fact]
    public async Task Client_from_configuration_with_an_api_key_lists_employees()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var provider = Build(sandbox, ApiKeySettings(sandbox));

        var hr = provider.GetRequiredService<HrReports>();
        var count = 0;
        await foreach (var _ in hr.Employees.Employees.ListAllAsync())
        {
            count++;
        }

        Assert.Equal(sandbox.Server.Options.EmployeeCount, count);
    }

    [Fact]
    public async Task Tokens_come_from_the_registered_store_and_refresh_once_for_all_clients_of_a_type()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.ReadWrite);
        var store = new InMemoryTokenStore(token);
        await using var provider = Build(sandbox, new()
        {
            ["Factorial:BaseAddress"] = sandbox.BaseAddress.AbsoluteUri,
            ["Factorial:ClientId"] = sandbox.App.ClientId,
            ["Factorial:ClientSecret"] = sandbox.App.ClientSecret,
        }, services => services.AddSingleton<ITokenStore>(store), fakeClock: true);

        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromMinutes(1));
        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => provider.GetRequiredService<HrReports>().ApiPublic.Credentials.ListAsync()));

        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
        Assert.NotEqual(token.RefreshToken, store.Current!.RefreshToken);
    }

    [Fact]
    public async Task Missing_credentials_fail_validation_with_a_clear_message()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var provider = Build(sandbox, new() { ["Factorial:BaseAddress"] = sandbox.BaseAddress.AbsoluteUri });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<FactorialServiceOptions>>().Get(typeof(HrReports).FullName));

        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("TokenFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_base_address_outside_loopback_fails_validation()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var provider = Build(sandbox, new() { ["Factorial:BaseAddress"] = "http://api.example.com", ["Factorial:ApiKey"] = "k" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<FactorialServiceOptions>>().Get(typeof(HrReports).FullName));

        Assert.Contains("HTTPS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\"k\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limited_call_waits_for_retry_after_and_succeeds()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var provider = Build(sandbox, ApiKeySettings(sandbox));
        var hr = provider.GetRequiredService<HrAdmin>();
        var employee = (await hr.Employees.Employees.ListAsync(limit: 5)).Items[3];

        sandbox.Server.Control.FailNextResourceRequests(1, 429, TimeSpan.Zero);
        var before = sandbox.Server.Stats.ResourceRequests;
        var shift = await hr.Attendance.Shifts.ClockInAsync(new ShiftsClockInRequest { EmployeeId = employee.Id, Now = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero) });

        Assert.Equal(employee.Id, shift.EmployeeId);
        Assert.Equal(2, sandbox.Server.Stats.ResourceRequests - before); // the 429, then the retry: a POST that the server never processed
    }

    [Fact]
    public async Task Server_errors_are_retried_for_reads_but_never_for_writes()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var provider = Build(sandbox, ApiKeySettings(sandbox));
        var hr = provider.GetRequiredService<HrAdmin>();
        var employee = (await hr.Employees.Employees.ListAsync(limit: 5)).Items[2];

        sandbox.Server.Control.FailNextResourceRequests(2, 503);
        var page = await hr.Employees.Employees.ListAsync(limit: 5);
        Assert.Equal(5, page.Items.Count);

        sandbox.Server.Control.FailNextResourceRequests(1, 503);
        var before = sandbox.Server.Stats.ResourceRequests;
        var error = await Assert.ThrowsAsync<FactorialApiException>(() => hr.Attendance.Shifts.ClockInAsync(new ShiftsClockInRequest { EmployeeId = employee.Id, Now = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero) }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, sandbox.Server.Stats.ResourceRequests - before);
    }

    [Fact]
    public async Task Requests_are_traced_measured_and_logged_without_secrets()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var settings = ApiKeySettings(sandbox);
        var logs = new CapturingLoggerProvider();
        var activities = new ConcurrentBag<Activity>();
        var durations = new ConcurrentBag<(double Seconds, string? Template)>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FactorialTelemetry.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(activityListener);
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == FactorialTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            durations.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "url.template").Value as string)));
        meterListener.Start();
        await using var provider = Build(sandbox, settings, services => services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

        var hr = provider.GetRequiredService<HrReports>();
        // The listener is process-wide and other tests call the same endpoints in parallel: this test's calls run under
        // their own trace, and only its activities are counted.
        using var trace = new Activity(nameof(Requests_are_traced_measured_and_logged_without_secrets)).Start();
        var first = (await hr.Employees.Employees.ListAsync(limit: 1)).Items[0];
        await hr.Employees.Employees.GetAsync(first.Id);
        trace.Stop();

        var get = Assert.Single(activities, a => a.TraceId == trace.TraceId && a.DisplayName == "GET /api/2026-07-01/resources/employees/employees/{id}");
        Assert.Equal(200, get.GetTagItem("http.response.status_code"));
        Assert.Contains(durations, d => d.Template == "/api/2026-07-01/resources/employees/employees/{id}" && d.Seconds > 0);
        Assert.Contains(logs.Lines, l => l.Contains("GET /api/2026-07-01/resources/employees/employees/{id} answered 200", StringComparison.Ordinal));
        var everything = string.Join("\n", logs.Lines.Concat(activities.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}"))));
        Assert.DoesNotContain(settings["Factorial:ApiKey"]!, everything, StringComparison.Ordinal);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
        }
    }
}
