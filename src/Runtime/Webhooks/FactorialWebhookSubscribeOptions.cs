namespace FactorialGen.Webhooks;

/// <summary>How <see cref="FactorialWebhookSubscriptions.SubscribeAsync"/> makes the subscriptions.</summary>
public sealed class FactorialWebhookSubscribeOptions
{
    /// <summary>The company the subscriptions belong to; when <c>null</c>, the company of the credentials (read from <c>api_public/credentials</c>).</summary>
    public string? CompanyId { get; set; }

    /// <summary>The API version that shapes the payloads; when <c>null</c>, the version of the client's document.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>A label for the subscriptions (Factorial shows it); when <c>null</c>, <c>FactorialGen: &lt;type&gt;</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Where each new challenge is written before its subscription is made, for a receiver that reads it on each delivery.</summary>
    public FactorialWebhookChallengeStore? Store { get; set; }
}
