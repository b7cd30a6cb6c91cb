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
    private readonly FactorialTelemetryHandler _head;

    public FactorialPipeline(FactorialAuthHandler auth, ILoggerFactory? loggerFactory, ResiliencePipeline<HttpResponseMessage>? resilience)
    {
        ArgumentNullException.ThrowIfNull(auth);
        auth.InnerHandler = new Below(this);
        DelegatingHandler next = resilience is null ? auth : new ResilienceHandler(resilience) { InnerHandler = auth };
        _head = new FactorialTelemetryHandler(loggerFactory) { InnerHandler = next };
    }

    /// <summary>The wire handler of the pipelines this library owns: redirects are never followed, so credentials never travel to another host.</summary>
    public static HttpMessageHandler NewWireHandler() =>
        new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    /// <summary>The client of a <see cref="FactorialConnection"/> that owns its pipeline (no resilience: <see cref="FactorialClientOptions"/> has no retry settings).</summary>
    public static HttpClient CreateHttpClient(FactorialAuthHandler auth, FactorialClientOptions options)
    {
        var pipeline = new FactorialPipeline(auth, options.LoggerFactory, resilience: null)
        {
            InnerHandler = options.PrimaryHandler is { } primary ? new NonDisposingHandler(primary) : NewWireHandler(),
        };
        return new HttpClient(pipeline, disposeHandler: true) { BaseAddress = options.BaseAddress, Timeout = options.Timeout };
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _head.SendThroughAsync(request, cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _head.Dispose(); // and the chain below it, down to (not including) this handler's inner handler
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
