using System;
using System.Collections.Generic;
using System.Net;

namespace FactorialGen.Webhooks;

/// <summary>
/// Subscribing to webhook events, or removing subscriptions, failed. The message says which event type failed, why,
/// and what state was left; it never contains a challenge (the inner exception is dropped when it would).
/// </summary>
public sealed class FactorialWebhookSubscriptionException : FactorialException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, why, and what to do.</param>
    /// <param name="subscriptionTypes">The event types the failure concerns.</param>
    /// <param name="statusCode">Factorial's answer, when it answered with an error status.</param>
    /// <param name="innerException">The cause, when it holds no secret.</param>
    public FactorialWebhookSubscriptionException(string message, IReadOnlyList<string> subscriptionTypes, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(subscriptionTypes);
        SubscriptionTypes = subscriptionTypes;
        StatusCode = statusCode;
    }

    /// <summary>The event types the failure concerns.</summary>
    public IReadOnlyList<string> SubscriptionTypes { get; }

    /// <summary>The HTTP status Factorial answered with, when it answered with an error status.</summary>
    public HttpStatusCode? StatusCode { get; }
}
