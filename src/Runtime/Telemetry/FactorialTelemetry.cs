using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FactorialGen;

/// <summary>
/// The names FactorialGen reports under: one <see cref="System.Diagnostics.ActivitySource"/> for traces (a client span
/// per request) and one <see cref="System.Diagnostics.Metrics.Meter"/> for metrics. Subscribe with OpenTelemetry's
/// <c>AddSource("FactorialGen")</c> / <c>AddMeter("FactorialGen")</c>.
/// </summary>
public static class FactorialTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "FactorialGen";

    /// <summary>Traces: one client activity per request, named <c>{method} {path template}</c>.</summary>
    internal static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Metrics: request counts and durations, token refreshes.</summary>
    internal static readonly Meter Meter = new(Name);

    /// <summary><c>factorialgen.client.request.duration</c> (seconds), tagged with method, path template and status.</summary>
    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "factorialgen.client.request.duration", unit: "s", description: "Duration of Factorial API requests.");

    /// <summary><c>factorialgen.client.token.refreshes</c>, tagged with the outcome.</summary>
    internal static readonly Counter<long> TokenRefreshes = Meter.CreateCounter<long>(
        "factorialgen.client.token.refreshes", unit: "{refresh}", description: "Token refreshes sent to Factorial.");
}
