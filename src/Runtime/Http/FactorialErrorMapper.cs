using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Json;

namespace FactorialGen;

/// <summary>
/// Turns what went wrong on the wire into the typed errors of <see cref="FactorialException"/>: an error status into
/// <see cref="FactorialApiException"/>, <see cref="FactorialScopeException"/> (403 insufficient_scope, see <see cref="ScopeRefusal"/>) or
/// <see cref="FactorialRateLimitException"/> (429, with its <c>Retry-After</c>); an unreachable host or a time-out
/// into <see cref="FactorialNetworkException"/>.
/// </summary>
internal static class FactorialErrorMapper
{
    public static FactorialNetworkException Unreachable(string method, string template, HttpRequestException ex) =>
        new($"Could not reach Factorial for {method} {template}: {ex.Message}", method, template, ex);

    public static FactorialNetworkException TimedOut(string method, string template, TimeSpan timeout, Exception ex) =>
        new($"{method} {template} timed out after {timeout.TotalSeconds:0} s.", method, template, ex);

    public static async Task<Exception> ErrorOfAsync(HttpResponseMessage response, FactorialRequest request, string template, FactorialClientOptions options, FactorialTokenSource? tokens, long started, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        string? body = null;
        FactorialNetworkException? bodyTimeout = null;
        try
        {
            body = await ReadErrorBodyAsync(response, options, started, cancellationToken).ConfigureAwait(false);
        }
        catch (BodyTimeoutException ex)
        {
            // The status is Factorial's answer and stays the error; the body that never came is said in its inner exception.
            bodyTimeout = new FactorialNetworkException($"The error body of {method} {template} stopped arriving: the answer was not complete within {ex.Timeout.TotalSeconds:0.###} s (FactorialClientOptions.Timeout).", method, template, ex);
        }

        var (code, message) = ErrorBody.Parse(body);
        if (response.StatusCode == HttpStatusCode.Forbidden && (code == "insufficient_scope" || HasBearerError(response, "insufficient_scope")))
        {
            return ScopeRefusal.Map(response, body, request, tokens?.Current, method, template);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new FactorialRateLimitException(method, template, RetryAfterOf(response, options.TimeProvider), code, message, body);
        }

        return new FactorialApiException(response.StatusCode, method, template, code, message, body, bodyTimeout);
    }

    /// <summary>
    /// The first <see cref="FactorialClientOptions.MaxErrorBodyChars"/> characters of an error body: read as bytes into a
    /// pooled buffer (at most four per character), within the call's deadline; the rest is never read.
    /// </summary>
    private static async Task<string?> ReadErrorBodyAsync(HttpResponseMessage response, FactorialClientOptions options, long started, CancellationToken cancellationToken)
    {
        if (options.MaxErrorBodyChars == 0)
        {
            return null;
        }

        byte[]? buffer = null;
        try
        {
            (buffer, var count) = await ResponseBodyReader.ReadAsync(response, (long)options.MaxErrorBodyChars * 4, truncate: true, started, options.Timeout, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, count);
            var keep = options.MaxErrorBodyChars;
            if (text.Length <= keep)
            {
                return text;
            }

            return text[..(char.IsHighSurrogate(text[keep - 1]) ? keep - 1 : keep)]; // never half a surrogate pair
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return null; // the status still tells what happened
        }
        finally
        {
            BodyBufferPool.Return(buffer);
        }
    }

    private static bool HasBearerError(HttpResponseMessage response, string error)
    {
        foreach (var challenge in response.Headers.WwwAuthenticate)
        {
            if (challenge.Parameter?.Contains(error, StringComparison.OrdinalIgnoreCase) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider time)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
