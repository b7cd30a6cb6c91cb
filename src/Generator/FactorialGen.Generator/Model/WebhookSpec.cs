namespace FactorialGen.Generator.Model;

/// <summary>One event of a document's <c>webhooks</c> section.</summary>
/// <param name="Key">The webhook's name in the section.</param>
/// <param name="SubscriptionType">The subscription type (e.g. <c>attendance/shift/clock_in</c>): from the description's
/// "Subscription_type: `...`", else the webhook's name.</param>
/// <param name="ConstantName">The C# identifier of its constant (unique in the document).</param>
/// <param name="Payload">The type of the JSON body Factorial posts (the component's model when it is a <c>$ref</c>).</param>
internal sealed record WebhookSpec(string Key, string SubscriptionType, string ConstantName, TypeRef Payload, string? Summary, bool Deprecated);
