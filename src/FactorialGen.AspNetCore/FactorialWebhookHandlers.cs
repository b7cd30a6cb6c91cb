using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Webhooks;

namespace FactorialGen.AspNetCore;

/// <summary>
/// The handlers of a webhook receiver, one per event type (see <c>MapFactorialWebhooks</c>). Each gets the delivery's
/// payload as the type the API document gives it.
/// </summary>
/// <remarks>
/// Handlers run off the request path: a verified delivery is queued and answered 200 at once, then handed to a handler
/// by one of <see cref="FactorialWebhookOptions.Workers"/> workers. A repeat of a delivery (same event type, same body)
/// within <see cref="FactorialWebhookOptions.DuplicateWindow"/> is handled once; a handler that throws is logged.
/// Deliveries can still repeat beyond that: Factorial retries a delivery that failed or timed out (up to 20 times over
/// 48 hours), and the window does not survive a restart. Make handlers idempotent, e.g. by keying what they write on
/// the payload's id (and <c>updated_at</c> where it has one).
/// </remarks>
public sealed class FactorialWebhookHandlers
{
    private readonly FactorialWebhookRegistry _registry;
    private readonly string _source;
    private readonly Dictionary<string, Registration> _handlers = new(StringComparer.Ordinal);

    internal FactorialWebhookHandlers(FactorialWebhookRegistry registry, string source)
    {
        _registry = registry;
        _source = source;
    }

    /// <summary>The event types that have a handler, in the order they were added.</summary>
    public IEnumerable<string> SubscriptionTypes => _handlers.Keys;

    internal IEnumerable<Registration> Registrations => _handlers.Values;

    /// <summary>Runs <paramref name="handler"/> for each verified delivery of <paramref name="subscriptionType"/>.</summary>
    /// <typeparam name="TPayload">The payload type of the event in the generated registry (e.g. the <c>Shift</c> model).</typeparam>
    /// <param name="subscriptionType">A subscription type: one of the generated <c>FactorialWebhooks</c> constants.</param>
    /// <param name="handler">Gets the payload and a token cancelled when the host's shutdown timeout passes.</param>
    /// <exception cref="FactorialWebhookException">The type is not an event of the document, <typeparamref name="TPayload"/> is
    /// not its payload type, or it already has a handler.</exception>
    public FactorialWebhookHandlers On<TPayload>(string subscriptionType, Func<TPayload, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(subscriptionType);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_registry.TryGet(subscriptionType, out var webhookEvent))
        {
            throw new FactorialWebhookException(
                $"'{subscriptionType}' is not a webhook event of {_source}'s API document, so no delivery can ever be routed to this handler. Use one of the generated FactorialWebhooks constants ({_registry.Count} events).");
        }

        if (webhookEvent.PayloadType != typeof(TPayload))
        {
            throw new FactorialWebhookException(
                $"The payload of '{subscriptionType}' is {webhookEvent.PayloadType.FullName}, not {typeof(TPayload).FullName}: the handler could never be called with it. Declare the handler's parameter as {webhookEvent.PayloadType.Name}.");
        }

        if (_handlers.ContainsKey(subscriptionType))
        {
            throw new FactorialWebhookException(
                $"'{subscriptionType}' already has a handler. Factorial keeps one subscription (one URL) per event type; do the work of both handlers in one.");
        }

        _handlers.Add(subscriptionType, new Registration(webhookEvent, (payload, cancellationToken) => handler((TPayload)payload, cancellationToken)));
        return this;
    }

    internal sealed record Registration(FactorialWebhookEvent Event, Func<object, CancellationToken, Task> Invoke);
}
