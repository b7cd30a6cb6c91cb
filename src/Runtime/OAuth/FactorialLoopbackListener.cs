using System;
using System.Collections.Specialized;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Web;

namespace FactorialGen;

/// <summary>
/// Receives the authorization redirect on this machine: listens on the request's loopback redirect URI
/// (<c>http://127.0.0.1:&lt;port&gt;/&lt;path&gt;</c>), checks <c>state</c>, captures the <c>code</c>, and answers the
/// browser with a short page. Start it before opening the link.
/// </summary>
/// <example>
/// <code>
/// var request = oauth.Authorize(FactorialScope.Read);
/// using var listener = FactorialLoopbackListener.Start(request);
/// OpenBrowser(request.Url);
/// var key = await listener.WaitForAuthorizationKeyAsync(TimeSpan.FromMinutes(5));
/// var token = await oauth.ObtainAccessTokenAsync(request, key);
/// </code>
/// </example>
public sealed class FactorialLoopbackListener : IDisposable
{
    private readonly HttpListener _listener;
    private readonly FactorialAuthorizationRequest _request;
    private readonly string _path;

    private FactorialLoopbackListener(HttpListener listener, FactorialAuthorizationRequest request, string path)
    {
        _listener = listener;
        _request = request;
        _path = path;
    }

    /// <summary>Starts listening on <paramref name="request"/>'s redirect URI, which must be plain HTTP on a loopback address.</summary>
    /// <exception cref="ArgumentException">The redirect URI is not a loopback HTTP address with a port.</exception>
    /// <exception cref="FactorialAuthException">The port could not be opened.</exception>
    public static FactorialLoopbackListener Start(FactorialAuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Uri.TryCreate(request.RedirectUri, UriKind.Absolute, out var redirect)
            || redirect.Scheme != Uri.UriSchemeHttp
            || !BaseAddressPolicy.IsLoopback(redirect)
            || redirect.IsDefaultPort)
        {
            throw new ArgumentException(
                $"The redirect URI '{request.RedirectUri}' is not a loopback address such as 'http://127.0.0.1:53682/callback'; register one for the application to use the loopback flow.",
                nameof(request));
        }

        var listener = new HttpListener();
        listener.Prefixes.Add($"http://{redirect.Authority}/");
        try
        {
            listener.Start();
        }
        catch (HttpListenerException ex)
        {
            listener.Close();
            throw new FactorialAuthException($"Could not listen on {redirect.Authority} for the authorization redirect: {ex.Message}", innerException: ex);
        }

        return new FactorialLoopbackListener(listener, request, redirect.AbsolutePath);
    }

    /// <summary>
    /// Waits for the browser's redirect and returns the authorization key. Requests to other paths get 404 and are
    /// ignored; a redirect with a missing or wrong <c>state</c>, an <c>error</c>, or no <c>code</c> ends the wait
    /// with an error.
    /// </summary>
    /// <exception cref="FactorialAuthException">State mismatch, user denial, missing code, or no redirect within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<string> WaitForAuthorizationKeyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var stop = linked.Token.Register(static state => ((HttpListener)state!).Stop(), _listener);
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException && linked.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new FactorialAuthException($"No authorization redirect arrived within {timeout.TotalSeconds:0} s.", "timeout");
            }

            if (!string.Equals(context.Request.Url?.AbsolutePath, _path, StringComparison.Ordinal))
            {
                await AnswerAsync(context, 404, "Not found", "This address only receives the Factorial authorization redirect.").ConfigureAwait(false);
                continue;
            }

            var query = HttpUtility.ParseQueryString(context.Request.Url!.Query);
            var failure = Check(query);
            if (failure is not null)
            {
                await AnswerAsync(context, 400, "Authorization failed", failure.Message).ConfigureAwait(false);
                throw failure;
            }

            await AnswerAsync(context, 200, "Authorization complete", "FactorialGen received the authorization. You can close this window.").ConfigureAwait(false);
            return query["code"]!;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Close();

    private FactorialAuthException? Check(NameValueCollection query)
    {
        var state = query["state"];
        if (string.IsNullOrEmpty(state))
        {
            return new FactorialAuthException("The authorization redirect carried no 'state'; it was rejected.", "state_missing");
        }

        if (!Secrets.FixedTimeEquals(state, _request.State))
        {
            return new FactorialAuthException("The authorization redirect carried a 'state' that does not match this authorization request; it was rejected.", "state_mismatch");
        }

        if (query["error"] is { } error)
        {
            return new FactorialAuthException($"Authorization was not granted: {error}.", error, query["error_description"]);
        }

        return string.IsNullOrEmpty(query["code"])
            ? new FactorialAuthException("The authorization redirect carried no authorization key ('code').", "invalid_request")
            : null;
    }

    private static async Task AnswerAsync(HttpListenerContext context, int status, string title, string text)
    {
        var html = $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p></body></html>";
        var bytes = Encoding.UTF8.GetBytes(html);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        try
        {
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        }
        catch (HttpListenerException)
        {
            // The browser went away; the outcome stands.
        }
        finally
        {
            context.Response.Close();
        }
    }
}
