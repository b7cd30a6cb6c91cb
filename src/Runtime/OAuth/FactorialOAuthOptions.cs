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
    /// <see cref="HttpClient.BaseAddress"/> must be unset or equal to <see cref="BaseAddress"/>. Its pipeline is used
    /// as it is: it should not follow redirects, and the answers it reads are not size-limited by FactorialGen (with
    /// <see cref="HttpMessageHandler"/> or the default, answers over 1 MiB or slower than 100 s are refused).
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>A handler to send the OAuth requests through when <see cref="HttpClient"/> is not set; it is not disposed.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>The clock used for token creation and expiry times. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Logs OAuth steps (never tokens or secrets). Optional.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
