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

    /// <summary>How long a user access token stays valid. Company tokens never expire. Command line: <c>--token-lifetime 7200</c> (seconds).</summary>
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

    /// <summary>
    /// POST requests allowed in any sliding <see cref="RateLimitWindow"/>, company-wide (Factorial documents 200 per
    /// minute); <see langword="null"/> (the default) for no POST limit. Excess POSTs get HTTP 429 with <c>Retry-After</c>.
    /// Command line: <c>--post-limit 200</c>.
    /// </summary>
    public int? PostLimit { get; set; }

    /// <summary>
    /// The window of <see cref="PostLimit"/> and of <see cref="SandboxStats.MaxPostsPerWindow"/>. Default: one minute
    /// (Factorial's); scale it down to test a budget quickly. Command line: <c>--rate-window 60</c> (seconds).
    /// </summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

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

        if (PostLimit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PostLimit), PostLimit, "The POST limit must be positive or null.");
        }

        if (RateLimitWindow <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RateLimitWindow), RateLimitWindow, "The window must be positive.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ValidateWebhooks();
    }
}
