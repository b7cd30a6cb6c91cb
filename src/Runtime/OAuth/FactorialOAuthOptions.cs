using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace FactorialGen;

/// <summary>Settings of <see cref="FactorialOAuth"/>.</summary>
public sealed class FactorialOAuthOptions
{
    /// <summary>Factorial's production host, where the OAuth endpoints live.</summary>
    public static readonly Uri ProductionBaseAddress = new("https://api.factorialhr.com/");

    /// <summary>
    /// The host of the OAuth endpoints (<c>/oauth/authorize</c>, <c>/oauth/token</c>, <c>/oauth/revoke</c>).
    /// Must be HTTPS, except on loopback (the local sandbox). Defaults to <see cref="ProductionBaseAddress"/>.
    /// </summary>
    public Uri BaseAddress { get; set; } = ProductionBaseAddress;

    /// <summary>
    /// An <see cref="System.Net.Http.HttpClient"/> to send the OAuth requests with; it is not disposed. Its
    /// <see cref="HttpClient.BaseAddress"/> must be unset or equal to <see cref="BaseAddress"/>. The requests carry the
    /// client secret, the authorization key or the refresh token, so they never follow a redirect: the
    /// <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> at the bottom of its pipeline gets
    /// <c>AllowAutoRedirect = false</c>, and one that already sent requests with redirects on is refused
    /// (<see cref="ArgumentException"/>). Answers are read by FactorialGen: at most 1 MiB, within <see cref="Timeout"/>.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// A handler to send the OAuth requests through when <see cref="HttpClient"/> is not set; it is not disposed. As with
    /// <see cref="HttpClient"/>, the handler at the bottom of its chain is made not to follow redirects, or refused.
    /// </summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>
    /// The longest one OAuth call (token exchange, refresh or revocation) may take, from sending to the last byte of the
    /// answer: a token endpoint that stalls or drips its answer fails with a <see cref="FactorialAuthException"/> whose
    /// <see cref="FactorialAuthException.Error"/> is <c>timeout</c>. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// turns the limit off. Default: 100 seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The clock used for token creation and expiry times. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Logs OAuth steps (never tokens or secrets). Optional.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
