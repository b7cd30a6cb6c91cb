using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FactorialGen.DependencyInjection;

/// <summary>
/// The resilience pipeline of registered clients (Microsoft.Extensions.Http.Resilience / Polly v8): a total
/// time-out, retries with exponential back-off and jitter that honour <c>Retry-After</c>, and a per-attempt time-out.
/// A 429 is retried for every method (the server did nothing); 408, 5xx, network errors and attempt time-outs only
/// for idempotent methods, so a POST is never sent twice.
/// </summary>
internal static class FactorialResilience
{
    /// <summary>Adds the pipeline's strategies to <paramref name="pipeline"/> from <paramref name="options"/>.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, FactorialServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage()?.Method)),
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>The pipeline of one registered client, shared by every handler the factory creates for it.</summary>
    internal static ResiliencePipeline<HttpResponseMessage> Build(FactorialServiceOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        Configure(builder, options);
        if (loggerFactory is not null)
        {
            builder.ConfigureTelemetry(loggerFactory);
        }

        return builder.Build();
    }

    /// <summary>Whether an outcome is retried (see the type's remarks).</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod? method)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests })
        {
            return true;
        }

        var transient = outcome.Result is { } response
            ? response.StatusCode is HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500
            : outcome.Exception is HttpRequestException or TimeoutRejectedException;
        return transient && IsIdempotent(method ?? outcome.Result?.RequestMessage?.Method);
    }

    private static bool IsIdempotent(HttpMethod? method) =>
        method is not null && (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put || method == HttpMethod.Delete);
}
