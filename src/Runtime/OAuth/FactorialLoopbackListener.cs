using System;
using System.IO;
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
    private readonly string _authority;
    private int _disposed;
    private int _ignored;

    private FactorialLoopbackListener(HttpListener listener, FactorialAuthorizationRequest request, string path, string authority)
    {
        _listener = listener;
        _request = request;
        _path = path;
        _authority = authority;
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
            || redirect.IsDefaultPort
            || BaseAddressPolicy.HasUserInfo(redirect))
        {
            throw new ArgumentException(
                $"The redirect URI '{FactorialApp.RedirectUriForDisplay(request.RedirectUri)}' is not a loopback address without user info, such as 'http://127.0.0.1:53682/callback'; register one for the application to use the loopback flow.",
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

        return new FactorialLoopbackListener(listener, request, redirect.AbsolutePath, redirect.Authority);
    }

    /// <summary>
    /// Waits for the browser's redirect and returns the authorization key. Only a <c>GET</c> to the redirect URI's path
    /// that carries this request's exact <c>state</c> ends the wait; anything else is a stray request (another
    /// program, a page guessing the port, a forged or replayed redirect): it is answered with 404, 405 or 400 and
    /// ignored, and the wait goes on. The redirect with the right <c>state</c> ends the wait: with the key, or with an
    /// error when it carries an OAuth <c>error</c> (the user refused) or no <c>code</c>.
    /// </summary>
    /// <remarks>
    /// After a time-out or a cancellation the listener can wait again; after <see cref="Dispose"/> it cannot.
    /// </remarks>
    /// <exception cref="FactorialAuthException">User denial or an error answer, a missing <c>code</c>, no redirect with the right <c>state</c> within <paramref name="timeout"/>, or the listener was disposed while waiting.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The listener was disposed before the call.</exception>
    public async Task<string> WaitForAuthorizationKeyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        Restart();

        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var stop = linked.Token.Register(static state => StopQuietly((HttpListener)state!), _listener);
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException
                                       && (linked.IsCancellationRequested || Volatile.Read(ref _disposed) != 0))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Volatile.Read(ref _disposed) != 0 && !deadline.IsCancellationRequested)
                {
                    throw new FactorialAuthException("The loopback listener was disposed while it waited for the authorization redirect.", "listener_disposed");
                }

                var ignored = Volatile.Read(ref _ignored);
                var strays = ignored == 0 ? string.Empty : $" ({ignored} stray request{(ignored == 1 ? " was" : "s were")} ignored since the listener started: wrong path, or no or a wrong 'state')";
                throw new FactorialAuthException($"No authorization redirect arrived within {timeout.TotalSeconds:0.###} s{strays}. Open the authorization link again and approve it.", "timeout");
            }

            var (status, title, text, outcome) = Judge(context.Request);
            await AnswerAsync(context, status, title, text).ConfigureAwait(false);
            switch (outcome)
            {
                case Outcome.Ignored:
                    Interlocked.Increment(ref _ignored);
                    continue;
                case Outcome.Failed failed:
                    throw failed.Error;
                case Outcome.Granted granted:
                    return granted.Code;
            }
        }
    }

    /// <summary>Stops listening and frees the port. A wait in progress ends with <see cref="FactorialAuthException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _listener.Close();
        }
    }

    private void Restart()
    {
        if (_listener.IsListening)
        {
            return;
        }

        try
        {
            _listener.Start(); // stopped by an earlier time-out or cancellation
        }
        catch (HttpListenerException ex)
        {
            throw new FactorialAuthException($"Could not listen again on {_authority} for the authorization redirect: {ex.Message}", innerException: ex);
        }
        catch (ObjectDisposedException)
        {
            throw new ObjectDisposedException(nameof(FactorialLoopbackListener));
        }
    }

    private static void StopQuietly(HttpListener listener)
    {
        try
        {
            listener.Stop();
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: the pending wait ends all the same.
        }
    }

    /// <summary>Decides what one request means: a stray to ignore, or the redirect of this authorization (granted or failed).</summary>
    private (int Status, string Title, string Text, Outcome Outcome) Judge(HttpListenerRequest request)
    {
        const string StillWaiting = "It was ignored; FactorialGen is still waiting for the authorization redirect.";
        if (!string.Equals(request.Url?.AbsolutePath, _path, StringComparison.Ordinal))
        {
            return (404, "Not found", "This address only receives the Factorial authorization redirect.", Outcome.Ignored.Instance);
        }

        if (!string.Equals(request.HttpMethod, "GET", StringComparison.Ordinal))
        {
            return (405, "Method not allowed", $"The authorization redirect is a GET request. {StillWaiting}", Outcome.Ignored.Instance);
        }

        var query = HttpUtility.ParseQueryString(request.Url!.Query);
        var states = query.GetValues("state");
        if (states is not [var state] || !Secrets.FixedTimeEquals(state, _request.State))
        {
            // Missing, repeated or wrong state: not the answer to this authorization request (a forged or replayed
            // redirect, or another program). It must not end the wait, or anyone who can reach the port could cut the
            // real authorization short.
            return (400, "Not this authorization", $"The request did not carry the 'state' of this authorization request. {StillWaiting}", Outcome.Ignored.Instance);
        }

        if (query["error"] is { } error)
        {
            var failure = new FactorialAuthException($"Authorization was not granted: {error}.", error, query["error_description"]);
            return (400, "Authorization failed", failure.Message, new Outcome.Failed(failure));
        }

        if (query.GetValues("code") is not [var code] || string.IsNullOrEmpty(code))
        {
            var failure = new FactorialAuthException("The authorization redirect carried no single authorization key ('code').", "invalid_request");
            return (400, "Authorization failed", failure.Message, new Outcome.Failed(failure));
        }

        return (200, "Authorization complete", "FactorialGen received the authorization. You can close this window.", new Outcome.Granted(code));
    }

    private abstract record Outcome
    {
        public sealed record Ignored : Outcome
        {
            public static readonly Ignored Instance = new();
        }

        public sealed record Failed(FactorialAuthException Error) : Outcome;

        public sealed record Granted(string Code) : Outcome
        {
            public override string ToString() => "Granted { Code = *** }";
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context, int status, string title, string text)
    {
        var html = $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p></body></html>";
        var bytes = Encoding.UTF8.GetBytes(html);
        try
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The browser went away (or the listener closed): the outcome stands.
            context.Response.Abort();
        }
    }
}
