using System;
using System.Collections.Generic;

namespace FactorialGen.Sandbox;

/// <summary>
/// Configuration of a sandbox server. Set everything before the server starts; afterwards use
/// <see cref="FactorialSandbox.Control"/> for the knobs that may change at run time.
/// </summary>
public sealed partial class SandboxOptions
{
    /// <summary>The registered OAuth applications. Starts with <see cref="SandboxClient.Default"/>.</summary>
    public IList<SandboxClient> Clients { get; } = new List<SandboxClient> { SandboxClient.Default };

    /// <summary>How long a user access token stays valid. Company tokens never expire.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long an authorization code (the "authorization key") can be exchanged.</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The clock used for token creation, expiry, rate-limit windows and write timestamps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Seed of the pseudo-random generator that creates the demo company's data.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Number of employees of the seeded company (at least 20).</summary>
    public int EmployeeCount { get; set; } = 260;

    /// <summary>Initial artificial delay added before every <c>/api</c> request is handled.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Requests allowed per minute and per access token or API key; <see langword="null"/> disables
    /// rate limiting. Excess requests get HTTP 429 with a <c>Retry-After</c> header (seconds).
    /// </summary>
    public int? RateLimitPerMinute { get; set; }

    internal void Validate()
    {
        if (Clients.Count == 0)
        {
            throw new ArgumentException("At least one client must be registered.", nameof(Clients));
        }

        if (AccessTokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AccessTokenLifetime), AccessTokenLifetime, "The lifetime must be positive.");
        }

        if (AuthorizationCodeLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AuthorizationCodeLifetime), AuthorizationCodeLifetime, "The lifetime must be positive.");
        }

        if (EmployeeCount < 20)
        {
            throw new ArgumentOutOfRangeException(nameof(EmployeeCount), EmployeeCount, "The seeded company needs at least 20 employees.");
        }

        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Latency), Latency, "The latency cannot be negative.");
        }

        if (RateLimitPerMinute is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RateLimitPerMinute), RateLimitPerMinute, "The rate limit must be positive or null.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ValidateWebhooks();
    }
}
