using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Sandbox.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FactorialGen.Sandbox;

/// <summary>
/// A Factorial-compatible server running in-process on a random loopback port, with seeded demo
/// data, OAuth with rotating refresh tokens, scope checks, paging, rate limiting and fault knobs.
/// </summary>
public sealed class FactorialSandbox : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SandboxState state;
    private int disposed;

    private FactorialSandbox(WebApplication app, SandboxState state, Uri baseAddress)
    {
        this.app = app;
        this.state = state;
        BaseAddress = baseAddress;
    }

    /// <summary>The root of the server, ending with a slash, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options the sandbox was started with.</summary>
    public SandboxOptions Options => state.Options;

    /// <summary>Counters of the requests that reached the server.</summary>
    public SandboxStats Stats => state.Stats;

    /// <summary>Knobs to inject latency and failures while the server runs.</summary>
    public SandboxControl Control => state.Control;

    /// <summary>Webhook deliveries: counters of what was queued, delivered, retried and given up.</summary>
    public Webhooks.SandboxWebhooks Webhooks => state.Webhooks;

    /// <summary>
    /// Seeds the data and starts the server on <c>http://127.0.0.1</c> with a free port chosen by
    /// the operating system.
    /// </summary>
    /// <param name="options">Configuration; the defaults when omitted.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The running sandbox; dispose it to stop the server.</returns>
    public static async Task<FactorialSandbox> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new SandboxState(options ?? new SandboxOptions());
        WebApplication app = SandboxHost.Build(
            state,
            new WebApplicationOptions { Args = [], ApplicationName = typeof(FactorialSandbox).Assembly.GetName().Name },
            builder =>
            {
                builder.Logging.ClearProviders();
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new FactorialSandbox(app, state, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Plays the signed-in user opening <paramref name="authorizeUrl"/> and approving it, without HTTP.
    /// The link is validated exactly like <c>GET /oauth/authorize</c>.
    /// </summary>
    /// <param name="authorizeUrl">An authorize link (absolute or relative) whose path ends with <c>/oauth/authorize</c>.</param>
    /// <returns>The authorization key (code) to exchange at <c>POST /oauth/token</c>.</returns>
    /// <exception cref="InvalidOperationException">The link is not a valid authorization request.</exception>
    public string ApproveAuthorization(Uri authorizeUrl)
    {
        ArgumentNullException.ThrowIfNull(authorizeUrl);
        Uri absolute = authorizeUrl.IsAbsoluteUri ? authorizeUrl : new Uri(BaseAddress, authorizeUrl);
        if (!absolute.AbsolutePath.EndsWith("/oauth/authorize", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{authorizeUrl}' is not an authorize link: its path must end with /oauth/authorize.");
        }

        var query = QueryHelpers.ParseQuery(absolute.Query);
        return OAuthEndpoints.TryApprove(state, query.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), out _, out string result)
            ? result
            : throw new InvalidOperationException($"The authorization link was refused: {result}");
    }

    /// <summary>
    /// Opens an authorize link over HTTP, like a browser, and reads the authorization key from the
    /// page (out-of-band redirect URI) or from the <c>code</c> of a redirect that was not followed.
    /// Works against any sandbox, including a standalone one.
    /// </summary>
    /// <param name="http">The client used for the request.</param>
    /// <param name="authorizeUrl">The authorize link.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The authorization key.</returns>
    /// <exception cref="InvalidOperationException">The server refused the link or the page holds no key.</exception>
    public static async Task<string> FetchAuthorizationKeyAsync(HttpClient http, Uri authorizeUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(authorizeUrl);
        using HttpResponseMessage response = await http.GetAsync(authorizeUrl, cancellationToken).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is Uri location)
        {
            Uri target = location.IsAbsoluteUri ? location : new Uri(authorizeUrl, location);
            if (QueryHelpers.ParseQuery(target.Query).TryGetValue("code", out var code) && code.Count == 1 && !string.IsNullOrEmpty(code[0]))
            {
                return code[0]!;
            }
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The authorize page answered {(int)response.StatusCode}: {ErrorText(body)}");
        }

        int start = body.IndexOf(AuthorizePage.KeyElementStart, StringComparison.Ordinal);
        int end = start < 0 ? -1 : body.IndexOf(AuthorizePage.KeyElementEnd, start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException("The authorize page does not contain an authorization key.");
        }

        start += AuthorizePage.KeyElementStart.Length;
        return WebUtility.HtmlDecode(body[start..end]).Trim();
    }

    /// <summary>Creates a company API key (header <c>x-api-key</c>) with read and write access that never expires.</summary>
    /// <returns>The new key.</returns>
    public string IssueApiKey() => state.Tokens.IssueApiKey();

    /// <summary>Stops the server and releases its port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string ErrorText(string html)
    {
        const string Marker = "<p id=\"error-description\">";
        int start = html.IndexOf(Marker, StringComparison.Ordinal);
        int end = start < 0 ? -1 : html.IndexOf("</p>", start, StringComparison.Ordinal);
        string text = end < 0 ? html : html[(start + Marker.Length)..end];
        text = WebUtility.HtmlDecode(text).Trim();
        return text.Length > 300 ? text[..300] + "..." : text;
    }
}
