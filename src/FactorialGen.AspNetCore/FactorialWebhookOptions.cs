using System;
using System.Collections.Generic;

namespace FactorialGen.AspNetCore;

/// <summary>
/// How the webhook receiver checks deliveries. Factorial sends a subscription's <c>challenge</c> back on every delivery
/// in the <c>x-factorial-wh-challenge</c> header (there is no signature): a delivery whose header does not match the
/// challenge of its event type is refused with 401 and never reaches a handler.
/// </summary>
public sealed class FactorialWebhookOptions
{
    /// <summary>The header Factorial sends the subscription's challenge in.</summary>
    public const string ChallengeHeader = "x-factorial-wh-challenge";

    /// <summary>The default body-size cap: 1 MiB.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The challenge of every subscription, when they share one. <see cref="Challenges"/> overrides it per event type.</summary>
    public string? Challenge { get; set; }

    /// <summary>The challenge per subscription type (e.g. <c>attendance/shift/clock_in</c>), when each subscription has its own.</summary>
    public IDictionary<string, string> Challenges { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Deliveries with a larger body are refused with 413 before they are read (default 1 MiB).</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>How many verified deliveries may wait for a handler (default 1024); when full, deliveries are answered 503 and Factorial retries them.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>How many handlers run at once (default 4).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>
    /// A delivery with the same event type and body as one accepted within this window is answered 200 and not handed
    /// to the handler again (Factorial retries deliveries). Default 10 minutes; <see cref="TimeSpan.Zero"/> turns it off.
    /// Handlers should still be idempotent: a retry after the window, or after a restart, reaches them again.
    /// </summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The challenge expected for <paramref name="subscriptionType"/>, or <c>null</c> when none is configured.</summary>
    public string? ChallengeFor(string subscriptionType) =>
        Challenges.TryGetValue(subscriptionType, out var own) && !string.IsNullOrEmpty(own) ? own
        : string.IsNullOrEmpty(Challenge) ? null : Challenge;
}
