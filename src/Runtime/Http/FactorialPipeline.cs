using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace FactorialGen;

/// <summary>
/// The one handler chain every request goes through, whoever built the client (<c>new FactorialConnection(…)</c>, a
/// generated client's constructor, or <c>services.AddFactorialClient&lt;T&gt;()</c>), in this order:
/// <list type="number">
/// <item>the request budget, when configured (<see cref="FactorialRequestBudgetHandler"/>: counted requests wait for a
/// permit, in order, before any time-out starts);</item>
/// <item>telemetry and logging (<see cref="FactorialTelemetryHandler"/>): one span, one duration measurement and one
/// log line per call, retries included;</item>
/// <item>resilience, when configured (<see cref="DependencyInjection.FactorialResilience"/>: 429 <c>Retry-After</c>, retries of
/// idempotent calls, time-outs);</item>
/// <item>credentials, scope guard and origin check (<see cref="FactorialAuthHandler"/>), once per attempt;</item>
/// <item>the handler below this one: the wire (never following redirects), or whatever IHttpClientFactory puts there.</item>
/// </list>
/// </summary>
internal sealed class FactorialPipeline : DelegatingHandler
{
    private readonly FactorialTelemetryHandler _telemetry;
    private readonly FactorialRequestBudgetHandler? _budget;

    public FactorialPipeline(FactorialAuthHandler auth, ILoggerFactory? loggerFactory, ResiliencePipeline<HttpResponseMessage>? resilience, FactorialRequestBudgetHandler? budget = null)
    {
        ArgumentNullException.ThrowIfNull(auth);
        auth.InnerHandler = new Below(this);
        DelegatingHandler next = resilience is null ? auth : new ResilienceHandler(resilience) { InnerHandler = auth };
        _telemetry = new FactorialTelemetryHandler(loggerFactory) { InnerHandler = next };
        if (budget is not null)
        {
            budget.InnerHandler = _telemetry;
            _budget = budget;
        }
    }

    /// <summary>The wire handler of the pipelines this library owns: redirects are never followed, so credentials never travel to another host.</summary>
    public static HttpMessageHandler NewWireHandler() =>
        new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    /// <summary>The client of a <see cref="FactorialConnection"/> that owns its pipeline (no resilience: <see cref="FactorialClientOptions"/> has no retry settings).</summary>
    public static HttpClient CreateHttpClient(FactorialAuthHandler auth, FactorialClientOptions options)
    {
        var budget = FactorialRequestBudget.Create(options.RequestBudget, options.RequestBudgetLimiter, options.TimeProvider);
        var pipeline = new FactorialPipeline(auth, options.LoggerFactory, resilience: null, budget is null ? null : new FactorialRequestBudgetHandler(budget, ownsBudget: true))
        {
            InnerHandler = options.PrimaryHandler is { } primary ? new NonDisposingHandler(primary) : NewWireHandler(),
        };
        return new HttpClient(pipeline, disposeHandler: true) { BaseAddress = options.BaseAddress, Timeout = options.Timeout };
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _budget is { } budget ? budget.SendThroughAsync(request, cancellationToken) : _telemetry.SendThroughAsync(request, cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // The chain below the head, down to (not including) this handler's inner handler.
            if (_budget is { } budget)
            {
                budget.Dispose();
            }
            else
            {
                _telemetry.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private Task<HttpResponseMessage> SendBelowAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>The chain's last link: hands the request to the handler below the pipeline.</summary>
    internal sealed class Below(FactorialPipeline pipeline) : HttpMessageHandler
    {
        /// <summary>The handler below the pipeline (where <see cref="CredentialRedirectPolicy"/> keeps looking).</summary>
        public HttpMessageHandler? Next => pipeline.InnerHandler;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            pipeline.SendBelowAsync(request, cancellationToken);
    }

    /// <summary>Lets a caller-owned handler sit inside a pipeline this library disposes.</summary>
    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The caller owns the inner handler.
        }
    }
}
