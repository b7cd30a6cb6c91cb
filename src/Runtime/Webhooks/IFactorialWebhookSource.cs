namespace FactorialGen.Webhooks;

/// <summary>
/// Implemented by every generated client whose document has a <c>webhooks</c> section (and by the generated
/// <c>FactorialWebhooks</c> class beside its models), so a receiver can find the events without reflection.
/// </summary>
public interface IFactorialWebhookSource
{
    /// <summary>The document's webhook events: subscription type → payload type and its JSON metadata.</summary>
    static abstract FactorialWebhookRegistry WebhookEvents { get; }
}
