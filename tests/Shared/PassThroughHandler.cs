using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Testing;

/// <summary>
/// A caller's <see cref="DelegatingHandler"/>: sends each request on to its inner handler, letting a test see or change
/// the request on the way (<see cref="OnRequest"/>) and see the status of the last answer (<see cref="LastStatus"/>).
/// </summary>
internal sealed class PassThroughHandler : DelegatingHandler
{
    private readonly bool _disposeInner = true;

    /// <summary>A handler whose inner handler the pipeline it is added to sets.</summary>
    public PassThroughHandler()
    {
    }

    /// <summary>A handler over <paramref name="inner"/>; with <paramref name="disposeInner"/> false, the test disposes the inner handler.</summary>
    public PassThroughHandler(HttpMessageHandler inner, bool disposeInner = true)
        : base(inner) => _disposeInner = disposeInner;

    /// <summary>Runs on each request before it is sent on.</summary>
    public Action<HttpRequestMessage>? OnRequest { get; init; }

    /// <summary>The status of the last answer.</summary>
    public HttpStatusCode? LastStatus { get; private set; }

    /// <summary>A handler that sends on the wire (loopback), never following a redirect.</summary>
    public static PassThroughHandler ToNetwork() => new(new SocketsHttpHandler { AllowAutoRedirect = false });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        OnRequest?.Invoke(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        LastStatus = response.StatusCode;
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposeInner)
        {
            base.Dispose(disposing);
        }
    }
}
