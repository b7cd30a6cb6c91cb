using System;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;

namespace FactorialGen;

/// <summary>
/// The rule for every request that carries a credential (the token endpoint's form with the client secret, the
/// authorization code or the refresh token; revocation; the bearer header; <c>x-api-key</c>): it never follows a
/// redirect automatically, whatever handler sends it.
/// </summary>
/// <remarks>
/// Checking where the answer came from after the fact is not enough: by then the secret has travelled. So the handler
/// at the bottom of each pipeline we can see (through <see cref="DelegatingHandler"/>s, and inside a caller's
/// <see cref="HttpClient"/>) is told not to follow redirects before anything is sent; a <see cref="SocketsHttpHandler"/>
/// or <see cref="HttpClientHandler"/> that already sent requests with redirects on cannot be changed, and is refused.
/// A 3xx answer then reaches our code, which turns it into a typed error naming the target origin only.
/// </remarks>
internal static class CredentialRedirectPolicy
{
    /// <summary>
    /// Makes the handler at the bottom of <paramref name="handler"/>'s chain stop following redirects.
    /// </summary>
    /// <returns><see langword="null"/> when the chain does not follow redirects (now), else why it cannot be made to.</returns>
    public static string? SwitchOff(HttpMessageHandler? handler)
    {
        // Bounded: a chain is a handful of handlers; a cycle would be a caller's bug, not a reason to hang.
        for (var depth = 0; handler is not null && depth < 64; depth++)
        {
            var current = handler;
            try
            {
                switch (current)
                {
                    case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                        sockets.AllowAutoRedirect = false;
                        return null;
                    case HttpClientHandler { AllowAutoRedirect: true } client:
                        client.AllowAutoRedirect = false;
                        return null;
                    case DelegatingHandler delegating:
                        handler = delegating.InnerHandler;
                        continue;
                    case FactorialPipeline.Below below:
                        handler = below.Next;
                        continue;
                    default:
                        return null;
                }
            }
            catch (InvalidOperationException)
            {
                return $"its {current.GetType().Name} follows redirects (AllowAutoRedirect = true) and has already sent requests, so it cannot be changed";
            }
        }

        return null;
    }

    /// <summary>The handler an <see cref="HttpClient"/> sends through, or <see langword="null"/> when it cannot be seen.</summary>
    public static HttpMessageHandler? HandlerOf(HttpClient client)
    {
        try
        {
            return InvokerHandler(client);
        }
        catch (MissingFieldException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="status"/> asks the client to go elsewhere (every 3xx but 304 Not Modified).</summary>
    public static bool IsRedirect(HttpStatusCode status) =>
        (int)status is >= 300 and < 400 && status != HttpStatusCode.NotModified;

    /// <summary>The origin a redirect answer points at (scheme, host and port; never user info, path or query).</summary>
    public static string TargetOf(HttpResponseMessage response, Uri requestUri)
    {
        var location = response.Headers.Location;
        if (location is null)
        {
            return "no location";
        }

        if (!location.IsAbsoluteUri)
        {
            if (!Uri.TryCreate(requestUri, location, out var resolved))
            {
                return "an invalid location";
            }

            location = resolved;
        }

        return BaseAddressPolicy.Describe(location);
    }

    // HttpClient keeps its handler in HttpMessageInvoker's private field; read without reflection (trimming and AOT safe).
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_handler")]
    private static extern ref HttpMessageHandler InvokerHandler(HttpMessageInvoker invoker);
}
