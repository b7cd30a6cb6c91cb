using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace FactorialGen;

/// <summary>Settings of a Factorial API client (<see cref="FactorialConnection"/> and the generated clients).</summary>
public sealed class FactorialClientOptions
{
    /// <summary>The API version used when none is given.</summary>
    public const string DefaultApiVersion = "2026-07-01";

    /// <summary>Factorial's host. Must be HTTPS, except on loopback (the local sandbox). Default: production.</summary>
    public Uri BaseAddress { get; set; } = FactorialOAuthOptions.ProductionBaseAddress;

    /// <summary>
    /// The dated API version that <see cref="FactorialRequest"/>s with a resource-relative path are sent to
    /// (<c>/api/{version}/resources/…</c>). Generated clients call the version of the document they were generated
    /// from: their paths are absolute.
    /// </summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>The OAuth application, needed to refresh tokens. Without it a token is used until it expires.</summary>
    public FactorialApp? App { get; set; }

    /// <summary>The clock that judges token expiry. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Refresh tokens this long before they expire. Default: 2 minutes.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The longest a call may take, from sending the request until the last byte of its answer: the headers must
    /// arrive within it, and the body must be complete by then, however it trickles in (a body that stalls or drips a
    /// byte at a time fails with <see cref="FactorialNetworkException"/>; an error body that does, with its status
    /// error and that network error as the inner exception). With a caller-supplied <see cref="HttpClient"/>, the
    /// headers are bounded by that client's own time-out. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// for no bound. Default: 100 seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The largest response body accepted, in bytes: a larger one fails with
    /// <see cref="FactorialResponseTooLargeException"/>, before any of it is read when its <c>Content-Length</c>
    /// announces it, else as soon as the limit is passed. Whatever the <c>Content-Length</c> says, no more than a small
    /// buffer is reserved before the bytes arrive. Default: 32 MiB (a page of 100 employees is about 90 KB).
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 32 MiB.</summary>
    public const long DefaultMaxResponseBytes = 32L * 1024 * 1024;

    /// <summary>How much of an error body is kept in <see cref="FactorialApiException.ResponseBody"/>. Default: 16,384 characters.</summary>
    public int MaxErrorBodyChars { get; set; } = 16_384;

    /// <summary>
    /// The handler that sends requests on the wire (the innermost one). Default: a <see cref="SocketsHttpHandler"/>
    /// that does not follow redirects, so credentials never travel to another host. Not disposed by the client.
    /// </summary>
    public HttpMessageHandler? PrimaryHandler { get; set; }

    /// <summary>
    /// The client-side request budget: by default Factorial's documented 200 POST requests per minute, with requests
    /// over it waiting in order instead of meeting HTTP 429 (see <see cref="FactorialRequestBudgetOptions"/>). Set
    /// <see cref="RequestBudgetLimiter"/> to share one budget between clients or replicas; <see langword="null"/> for
    /// no budget. Applies to the clients this library builds the pipeline of (not over a
    /// caller-supplied <see cref="HttpClient"/>). The wait for the budget counts towards <see cref="Timeout"/> here;
    /// clients registered with <c>AddFactorialClient</c> wait before their time-outs start.
    /// </summary>
    public FactorialRequestBudgetOptions? RequestBudget { get; set; } = new();

    /// <summary>
    /// The limiter the <see cref="RequestBudget"/> takes its permits from, instead of one of this client's own made
    /// from the budget's numbers: a <see cref="FactorialRequestBudgetLimiter"/> shared by several clients of one company,
    /// or a budget shared by every replica (FactorialGen.Redis: <c>RedisRequestBudget</c>). A counted request takes
    /// one permit and disposes its lease when the answer's headers arrive. Not disposed by the client. Default: none.
    /// </summary>
    public System.Threading.RateLimiting.RateLimiter? RequestBudgetLimiter { get; set; }

    /// <summary>Logs requests and token refreshes (never tokens or secrets). Optional.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Set by <c>AddFactorialClient</c>: the HttpClient handed to the client sends through a <see cref="FactorialPipeline"/>,
    /// which logs each call, so the connection does not log it again.
    /// </summary>
    internal bool SentThroughPipeline { get; init; }

    /// <summary>Set by <c>AddFactorialClient</c>: the token source its pipeline adds tokens from, for <c>client.RefreshAsync()</c>.</summary>
    internal FactorialTokenSource? PipelineTokens { get; set; }

    internal FactorialClientOptions Validated()
    {
        BaseAddress = BaseAddressPolicy.Validate(BaseAddress, nameof(BaseAddress));
        if (string.IsNullOrWhiteSpace(ApiVersion) || ApiVersion.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"FactorialClientOptions.ApiVersion '{ApiVersion}' is not an API version: give a dated version such as '{DefaultApiVersion}' (it becomes the path segment after /api/), without slashes.", nameof(ApiVersion));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxResponseBytes, nameof(MaxResponseBytes));
        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(MaxErrorBodyChars, nameof(MaxErrorBodyChars));
        RequestBudget?.Validated();
        return this;
    }
}
