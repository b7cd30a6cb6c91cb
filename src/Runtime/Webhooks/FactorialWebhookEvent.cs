using System;
using System.Text.Json.Serialization.Metadata;

namespace FactorialGen.Webhooks;

/// <summary>One webhook event of an API document: its subscription type and the payload Factorial posts for it.</summary>
public sealed class FactorialWebhookEvent
{
    /// <summary>Creates the event (called by generated code).</summary>
    /// <param name="subscriptionType">The subscription type, e.g. <c>attendance/shift/clock_in</c>.</param>
    /// <param name="payloadTypeInfo">The generated JSON metadata of the payload type (no reflection).</param>
    public FactorialWebhookEvent(string subscriptionType, JsonTypeInfo payloadTypeInfo)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionType);
        ArgumentNullException.ThrowIfNull(payloadTypeInfo);
        SubscriptionType = subscriptionType;
        PayloadTypeInfo = payloadTypeInfo;
    }

    /// <summary>The subscription type, e.g. <c>attendance/shift/clock_in</c>.</summary>
    public string SubscriptionType { get; }

    /// <summary>The C# type of the payload.</summary>
    public Type PayloadType => PayloadTypeInfo.Type;

    /// <summary>The generated JSON metadata that reads the payload.</summary>
    public JsonTypeInfo PayloadTypeInfo { get; }

    /// <inheritdoc />
    public override string ToString() => $"{SubscriptionType} → {PayloadType.Name}";
}
