using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Client.Tests.FactorialApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FactorialGen.Client.Tests;

/// <summary>Telemetry listeners are process-wide: tests that count spans, measurements or log lines run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryListenerCollection
{
    public const string Name = "Telemetry listeners";
}

/// <summary>
/// One request pipeline: a client built with <c>new</c> and one from <c>AddFactorialClient&lt;T&gt;()</c> send through
/// the same handler chain, so they log each call once, measure and trace the same things, put the same headers on the
/// wire, count token refreshes alike, and fail with the same errors.
/// </summary>
[Collection(TelemetryListenerCollection.Name)]
public sealed class OnePipelineTests
{
    [Fact]
    public async Task Plain_and_injected_clients_log_measure_send_and_fail_alike()
    {
        var plain = await RunAsync(injected: false);
        var injected = await RunAsync(injected: true);

        // Each of the four calls is logged exactly once, on both paths (under DI it used to be logged twice); the one the
        // scope guard refused before sending with status 0.
        Assert.Equal(4, plain.Logs.Count(l => l.StartsWith("FactorialGen.FactorialTelemetryHandler|20|", StringComparison.Ordinal)));
        Assert.Single(plain.Logs, l => l.StartsWith("FactorialGen.FactorialTelemetryHandler|20|", StringComparison.Ordinal) && l.Contains("StatusCode=0", StringComparison.Ordinal));
        Assert.Equal(1, plain.Refreshes); // the refresh metric used to exist only under DI
        Assert.Equal(plain.Logs, injected.Logs);
        Assert.Equal(plain.Measurements, injected.Measurements);
        Assert.Equal(plain.Spans, injected.Spans);
        Assert.Equal(plain.Headers, injected.Headers);
        Assert.Equal(plain.Errors, injected.Errors);
        Assert.Equal(plain.Refreshes, injected.Refreshes);
    }

    private static async Task<Transcript> RunAsync(bool injected)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var store = new InMemoryTokenStore(token);
        var logs = new Logs();
        var transcript = new Transcript();
        var wire = new PassThroughHandler { OnRequest = request => RecordWire(transcript.Headers, request) };
        using var activities = Listen(transcript);
        using var meters = Measure(transcript);

        ServiceProvider? provider = null;
        HrAdmin hr;
        if (injected)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Factorial:BaseAddress"] = sandbox.BaseAddress.AbsoluteUri,
                ["Factorial:ClientId"] = sandbox.App.ClientId,
                ["Factorial:ClientSecret"] = sandbox.App.ClientSecret,
            }).Build());
            services.AddSingleton<TimeProvider>(sandbox.Time);
            services.AddSingleton<ITokenStore>(store);
            services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            services.AddFactorialClient<HrAdmin>().AddHttpMessageHandler(() => wire);
            provider = services.BuildServiceProvider();
            hr = provider.GetRequiredService<HrAdmin>();
        }
        else
        {
            var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            var options = sandbox.ClientOptions();
            options.LoggerFactory = loggerFactory;
            options.PrimaryHandler = new SocketsHttpHandler { AllowAutoRedirect = false };
            wire.InnerHandler = options.PrimaryHandler;
            options.PrimaryHandler = wire;
            hr = new HrAdmin(token, store, options);
        }

        try
        {
            var first = (await hr.Employees.Employees.ListAsync(limit: 1)).Items[0];
            transcript.Errors.Add(Describe(await Record(() => hr.Employees.Employees.GetAsync("999999999"))));
            transcript.Errors.Add(Describe(await Record(() => hr.Attendance.Shifts.ClockInAsync(new ShiftsClockInRequest { EmployeeId = first.Id, Now = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero) })))); // the scope guard: nothing is sent
            sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromMinutes(1));
            await hr.Employees.Employees.GetAsync(first.Id); // refreshes first
        }
        finally
        {
            if (provider is not null)
            {
                await provider.DisposeAsync();
            }
        }

        transcript.Logs.AddRange(logs.Lines.Where(l => l.StartsWith("FactorialGen.", StringComparison.Ordinal)));
        return transcript;
    }

    private static async Task<Exception?> Record(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static string Describe(Exception? error) => error switch
    {
        null => "no error",
        FactorialApiException api => $"{api.GetType().Name} {(int)api.StatusCode} {api.Message}",
        _ => $"{error.GetType().Name} {error.Message}",
    };

    private static ActivityListener Listen(Transcript transcript)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FactorialTelemetry.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => transcript.Spans.Enqueue($"{a.DisplayName} {a.GetTagItem("http.response.status_code")} {a.Status}"),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static MeterListener Measure(Transcript transcript)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == FactorialTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
            transcript.Measurements.Enqueue($"{instrument.Name} {string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))}"));
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref transcript.Refreshes, value));
        listener.Start();
        return listener;
    }

    private sealed class Transcript
    {
        public long Refreshes;

        public List<string> Logs { get; } = [];

        public ConcurrentQueue<string> Measurements { get; } = new();

        public ConcurrentQueue<string> Spans { get; } = new();

        public ConcurrentQueue<string> Headers { get; } = new();

        public List<string> Errors { get; } = [];
    }

    /// <summary>What reaches the wire: the method, path and header names, and the scheme of the credentials.</summary>
    private static void RecordWire(ConcurrentQueue<string> headers, HttpRequestMessage request)
    {
        if (request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
        {
            var names = string.Join(",", request.Headers.Select(h => h.Key.ToLowerInvariant()).Order(StringComparer.Ordinal));
            headers.Enqueue($"{request.Method} {request.RequestUri.PathAndQuery} [{names}] {request.Headers.Authorization?.Scheme}");
        }
    }

    /// <summary>Category, event id, level and the structured values that do not vary between runs (no timings, no fingerprints).</summary>
    private sealed class Logs : ILoggerProvider
    {
        private static readonly HashSet<string> Stable = ["Method", "Path", "StatusCode", "Reason", "Scope", "GrantType", "Error"];

        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Logs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(",", pairs.Where(p => Stable.Contains(p.Key)).Select(p => $"{p.Key}={p.Value}"))
                    : "";
                owner.Lines.Enqueue($"{category}|{eventId.Id}|{logLevel}|{values}");
            }
        }
    }
}
