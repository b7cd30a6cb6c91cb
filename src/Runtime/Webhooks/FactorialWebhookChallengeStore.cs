using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace FactorialGen.Webhooks;

/// <summary>
/// A thread-safe, in-memory place for webhook challenges that a receiver reads on each delivery and
/// <see cref="FactorialWebhookSubscriptions.SubscribeAsync"/> writes to (set
/// <see cref="FactorialWebhookSubscribeOptions.Store"/>). It lets a receiver start before its subscriptions exist:
/// deliveries of a type with no challenge yet are refused. Challenges are written before the subscription is made, so
/// the first delivery already finds its challenge.
/// </summary>
/// <remarks>The challenges are secrets: <see cref="ToString"/> names the types only.</remarks>
public sealed class FactorialWebhookChallengeStore
{
    private readonly ConcurrentDictionary<string, string> _byType = new(StringComparer.Ordinal);

    /// <summary>The subscription types that have a challenge.</summary>
    public ICollection<string> SubscriptionTypes => _byType.Keys;

    /// <summary>Finds the challenge of <paramref name="subscriptionType"/>.</summary>
    /// <returns>The challenge, or <c>null</c> when the type has none.</returns>
    public string? Find(string subscriptionType)
    {
        ArgumentNullException.ThrowIfNull(subscriptionType);
        return _byType.TryGetValue(subscriptionType, out var challenge) ? challenge : null;
    }

    /// <summary>Sets the challenge of <paramref name="subscriptionType"/>, replacing the one it had.</summary>
    public void Set(string subscriptionType, string challenge)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionType);
        ArgumentException.ThrowIfNullOrEmpty(challenge);
        _byType[subscriptionType] = challenge;
    }

    /// <summary>Sets every challenge of <paramref name="challenges"/>.</summary>
    public void SetAll(IEnumerable<KeyValuePair<string, string>> challenges)
    {
        ArgumentNullException.ThrowIfNull(challenges);
        foreach (var (type, challenge) in challenges)
        {
            Set(type, challenge);
        }
    }

    /// <summary>Removes the challenge of <paramref name="subscriptionType"/>: its deliveries are refused from now on.</summary>
    /// <returns>Whether the type had a challenge.</returns>
    public bool Remove(string subscriptionType)
    {
        ArgumentNullException.ThrowIfNull(subscriptionType);
        return _byType.TryRemove(subscriptionType, out _);
    }

    /// <summary>Names the subscription types, never their challenges.</summary>
    public override string ToString() => $"{_byType.Count} webhook challenge(s) (values hidden)";
}
