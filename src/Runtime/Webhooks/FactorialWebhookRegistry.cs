using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace FactorialGen.Webhooks;

/// <summary>The webhook events of an API document, by subscription type (ordinal, case-sensitive).</summary>
public sealed class FactorialWebhookRegistry : IReadOnlyCollection<FactorialWebhookEvent>
{
    private readonly Dictionary<string, FactorialWebhookEvent> _byType;
    private readonly FactorialWebhookEvent[] _events;

    /// <summary>Creates the registry (called by generated code).</summary>
    /// <exception cref="ArgumentException">Two events have the same subscription type.</exception>
    public FactorialWebhookRegistry(IEnumerable<FactorialWebhookEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = events.ToArray();
        _byType = new Dictionary<string, FactorialWebhookEvent>(_events.Length, StringComparer.Ordinal);
        foreach (var item in _events)
        {
            if (!_byType.TryAdd(item.SubscriptionType, item))
            {
                throw new ArgumentException($"The subscription type '{item.SubscriptionType}' is listed twice; each event type has one payload.", nameof(events));
            }
        }
    }

    /// <summary>How many event types there are.</summary>
    public int Count => _events.Length;

    /// <summary>The subscription types, in the registry's order.</summary>
    public IEnumerable<string> SubscriptionTypes => _events.Select(e => e.SubscriptionType);

    /// <summary>Finds the event of <paramref name="subscriptionType"/>.</summary>
    public bool TryGet(string subscriptionType, [NotNullWhen(true)] out FactorialWebhookEvent? webhookEvent) =>
        _byType.TryGetValue(subscriptionType, out webhookEvent);

    /// <inheritdoc />
    public IEnumerator<FactorialWebhookEvent> GetEnumerator() => ((IEnumerable<FactorialWebhookEvent>)_events).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
