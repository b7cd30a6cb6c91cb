using System;

namespace FactorialGen.Webhooks;

/// <summary>A webhook subscription as Factorial lists it (without its challenge, which is a secret).</summary>
/// <param name="Id">The subscription's identifier.</param>
/// <param name="SubscriptionType">The event type, e.g. <c>attendance/shift/clock_in</c>.</param>
/// <param name="TargetUrl">Where deliveries are posted.</param>
/// <param name="Enabled">Whether deliveries are sent.</param>
/// <param name="Name">The subscription's label, if any.</param>
/// <param name="ApiVersion">The API version that shapes the payloads, if given.</param>
public sealed record FactorialWebhookSubscription(string Id, string SubscriptionType, Uri? TargetUrl, bool Enabled, string? Name, string? ApiVersion);
