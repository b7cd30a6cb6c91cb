using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactorialGen;

/// <summary>
/// Reports each request as a trace span, a duration metric and a debug log line: method, path template (never the
/// concrete path with ids, nor the query), status code and duration. Never headers, tokens or bodies.
/// </summary>
public sealed class FactorialTelemetryHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    public FactorialTelemetryHandler(ILoggerFactory? loggerFactory = null) =>
        _logger = loggerFactory?.CreateLogger<FactorialTelemetryHandler>() ?? NullLogger<FactorialTelemetryHandler>.Instance;

    /// <summary>Lets <see cref="FactorialPipeline"/> enter the chain it built at this handler.</summary>
    internal Task<HttpResponseMessage> SendThroughAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Nobody listening (no trace listener, no meter listener, debug logging off): pass the call straight through,
        // with no state machine, so the one pipeline costs the plain path no allocation per call.
        return FactorialTelemetry.ActivitySource.HasListeners() || FactorialTelemetry.RequestDuration.Enabled || _logger.IsEnabled(LogLevel.Debug)
            ? SendObservedAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendObservedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var template = FactorialAuthHandler.PathOf(request);
        using var activity = FactorialTelemetry.ActivitySource.HasListeners()
            ? FactorialTelemetry.ActivitySource.StartActivity($"{method} {template}", ActivityKind.Client)
            : null;
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.template", template);
        activity?.SetTag("server.address", request.RequestUri?.Host);
        var started = Stopwatch.GetTimestamp();
        string status = "error";
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            return response;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (FactorialTelemetry.RequestDuration.Enabled)
            {
                FactorialTelemetry.RequestDuration.Record(
                    elapsed.TotalSeconds,
                    new KeyValuePair<string, object?>("http.request.method", method),
                    new KeyValuePair<string, object?>("url.template", template),
                    new KeyValuePair<string, object?>("http.response.status_code", status));
            }

            Log.RequestCompleted(_logger, method, template, status == "error" ? 0 : int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), elapsed.TotalMilliseconds);
        }
    }
}
