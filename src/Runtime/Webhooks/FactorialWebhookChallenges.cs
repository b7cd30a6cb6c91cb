using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace FactorialGen.Webhooks;

/// <summary>
/// The challenge of each webhook subscription made by <see cref="FactorialWebhookSubscriptions.SubscribeAsync"/>, by
/// subscription type. Factorial sends a subscription's challenge back in the <c>x-factorial-wh-challenge</c> header of
/// every delivery; give these to the receiver (<c>FactorialWebhookOptions.UseChallenges</c> in FactorialGen.AspNetCore)
/// or keep them in a secret store.
/// </summary>
/// <remarks>The challenges are secrets: <see cref="ToString"/> names the types only, never a challenge.</remarks>
public sealed class FactorialWebhookChallenges : IReadOnlyDictionary<string, string>
{
    private readonly Dictionary<string, string> _byType;

    internal FactorialWebhookChallenges(IEnumerable<KeyValuePair<string, string>> challenges) =>
        _byType = new Dictionary<string, string>(challenges, StringComparer.Ordinal);

    /// <summary>How many subscriptions there are.</summary>
    public int Count => _byType.Count;

    /// <summary>The subscription types.</summary>
    public IEnumerable<string> Keys => _byType.Keys;

    /// <summary>The challenges, in the order of <see cref="Keys"/>.</summary>
    public IEnumerable<string> Values => _byType.Values;

    /// <summary>The challenge of <paramref name="key"/>, a subscription type.</summary>
    /// <exception cref="KeyNotFoundException">No subscription of that type was made.</exception>
    public string this[string key] => _byType.TryGetValue(key, out var challenge)
        ? challenge
        : throw new KeyNotFoundException($"No webhook subscription of type '{key}' was made; the subscribed types are: {string.Join(", ", _byType.Keys)}.");

    /// <inheritdoc />
    public bool ContainsKey(string key) => _byType.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _byType.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _byType.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Names the subscription types, never their challenges.</summary>
    public override string ToString() =>
        $"{Count} webhook challenge(s) for {string.Join(", ", _byType.Keys.OrderBy(k => k, StringComparer.Ordinal))} (values hidden)";
}
