using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Testing;

/// <summary>
/// Sends requests on to the real (sandbox) server over loopback, except where <see cref="Intercept"/> answers or
/// throws instead: a network error, a hang, a bad answer. Counts every request per path, whether it reached the
/// server or not.
/// </summary>
internal sealed class FaultHandler : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public FaultHandler()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
    }

    /// <summary>Returns a response (or throws) to fake the answer; null sends the request on to the server.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage?>>? Intercept { get; set; }

    public int Count(string pathEnd)
    {
        var total = 0;
        foreach (var pair in _counts)
        {
            if (pair.Key.EndsWith(pathEnd, StringComparison.Ordinal))
            {
                total += pair.Value;
            }
        }

        return total;
    }

    public int TokenRequests => Count("/oauth/token");

    /// <summary>Fails every token request with a network error until cleared.</summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage?>> NetworkErrorAt(string pathEnd) =>
        (request, _) => request.RequestUri!.AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal)
            ? throw new HttpRequestException("Connection refused (injected)")
            : Task.FromResult<HttpResponseMessage?>(null);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _counts.AddOrUpdate(request.RequestUri!.AbsolutePath, 1, (_, n) => n + 1);
        if (Intercept is { } intercept && await intercept(request, cancellationToken).ConfigureAwait(false) is { } faked)
        {
            faked.RequestMessage ??= request;
            return faked;
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
