using System;
using System.Collections.Generic;
using FactorialGen.Webhooks;

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

    /// <summary>
    /// A store read on every delivery, for challenges that are set after the app starts (e.g. by
    /// <c>hr.Webhooks.SubscribeAsync(..., new() { Store = store })</c> once the receiver is reachable). With a store,
    /// mapping does not require a challenge per handled type; a delivery of a type with no challenge yet is refused (401).
    /// </summary>
    public FactorialWebhookChallengeStore? ChallengeStore { get; set; }

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

    /// <summary>Adds the challenge of each subscription, e.g. the result of <c>hr.Webhooks.SubscribeAsync</c>.</summary>
    /// <param name="challenges">Subscription type → challenge.</param>
    /// <returns>These options.</returns>
    public FactorialWebhookOptions UseChallenges(IEnumerable<KeyValuePair<string, string>> challenges)
    {
        ArgumentNullException.ThrowIfNull(challenges);
        foreach (var (type, challenge) in challenges)
        {
            ArgumentException.ThrowIfNullOrEmpty(challenge, nameof(challenges));
            Challenges[type] = challenge;
        }

        return this;
    }

    /// <summary>The challenge expected for <paramref name="subscriptionType"/> (from <see cref="Challenges"/>, then <see cref="ChallengeStore"/>, then <see cref="Challenge"/>), or <c>null</c> when none is configured.</summary>
    public string? ChallengeFor(string subscriptionType) =>
        Challenges.TryGetValue(subscriptionType, out var own) && !string.IsNullOrEmpty(own) ? own
        : ChallengeStore?.Find(subscriptionType) is { Length: > 0 } stored ? stored
        : string.IsNullOrEmpty(Challenge) ? null : Challenge;
}
