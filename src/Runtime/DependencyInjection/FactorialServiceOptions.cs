using System;

namespace FactorialGen.DependencyInjection;

/// <summary>
/// Settings of a client registered with <c>services.AddFactorialClient&lt;TClient&gt;()</c>,
/// bound from the <c>Factorial</c> configuration section (for example <c>Factorial:ClientId</c> in appsettings.json
/// or <c>Factorial__ClientId</c> in the environment), then from the configure callback.
/// </summary>
public sealed class FactorialServiceOptions
{
    /// <summary>Factorial's host. Default: production. Must be HTTPS, except loopback (the sandbox).</summary>
    public Uri BaseAddress { get; set; } = FactorialOAuthOptions.ProductionBaseAddress;

    /// <summary>The API version of resource-relative <see cref="FactorialRequest"/>s (generated clients carry their own).</summary>
    public string ApiVersion { get; set; } = FactorialClientOptions.DefaultApiVersion;

    /// <summary>The OAuth application's client id (needed to refresh tokens).</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth application's client secret. Keep it in a secret store, not in appsettings.json.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The OAuth application's redirect URI.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>The token file (see <see cref="FileTokenStore"/>), used when no <see cref="ITokenStore"/> is registered.</summary>
    public string? TokenFile { get; set; }

    /// <summary>A company API key: when set, requests use <c>x-api-key</c> instead of OAuth tokens.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Refresh tokens this long before they expire. Default: 2 minutes.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether the resilience pipeline (retries, 429 Retry-After, time-outs) is added. Default: true.</summary>
    public bool EnableResilience { get; set; } = true;

    /// <summary>Retries of a failed attempt: 429 for any method; 408, 5xx and network errors only for GET, HEAD, OPTIONS, PUT and DELETE. Default: 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's back-off (doubling, with jitter) when the server gives no <c>Retry-After</c>. Default: 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest one attempt may take; also the longest one call to the token endpoint may take. Default: 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a call may take, retries and waits included. Default: 2 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The client-side request budget (<c>Factorial:RequestBudget:PermitLimit</c>, <c>:Window</c>, <c>:QueueLimit</c>,
    /// <c>:Methods</c>): by default Factorial's documented 200 POST requests per minute, requests over it waiting in
    /// order before any time-out starts. Shared by every request of this client. Permits come from a
    /// <see cref="System.Threading.RateLimiting.RateLimiter"/> service keyed by the client's full type name when one is
    /// registered (<c>AddRedisRequestBudget</c> of FactorialGen.Redis registers one shared by every replica), else from
    /// a limiter of the client's own. <see langword="null"/> for no budget.
    /// </summary>
    public FactorialRequestBudgetOptions? RequestBudget { get; set; } = new();

    internal FactorialApp? App =>
        string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrWhiteSpace(ClientSecret)
            ? null
            : new FactorialApp(ClientId!, ClientSecret!, string.IsNullOrWhiteSpace(RedirectUri) ? FactorialApp.OutOfBandRedirectUri : RedirectUri!);
}
