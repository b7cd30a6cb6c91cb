using System;
using Microsoft.Extensions.Logging;

namespace FactorialGen.AspNetCore;

/// <summary>
/// The receiver's log lines: event types, sizes and reasons, never a challenge or a payload. Defined with
/// <see cref="LoggerMessage.Define{T1}(LogLevel, EventId, string)"/>: on net8.0 both the shared framework and the
/// logging package bring a [LoggerMessage] generator, and the two would implement each method twice.
/// </summary>
internal static class Log
{
    private static readonly Action<ILogger, string, string, Exception?> UnauthorizedMessage = LoggerMessage.Define<string, string>(
        LogLevel.Warning, new EventId(5201, "WebhookUnauthorized"), "Refused a Factorial webhook delivery for {SubscriptionType} with 401: {Reason}.");

    private static readonly Action<ILogger, string, long, Exception?> TooLargeMessage = LoggerMessage.Define<string, long>(
        LogLevel.Warning, new EventId(5202, "WebhookTooLarge"), "Refused a Factorial webhook delivery for {SubscriptionType} with 413: its body is larger than the {MaxBodyBytes}-byte cap (FactorialWebhookOptions.MaxBodyBytes).");

    private static readonly Action<ILogger, string, string, string, Exception?> MalformedMessage = LoggerMessage.Define<string, string, string>(
        LogLevel.Warning, new EventId(5203, "WebhookMalformed"), "Refused a Factorial webhook delivery for {SubscriptionType} with 400: the body is not a valid {PayloadType} ({Reason}).");

    private static readonly Action<ILogger, string, string, Exception?> HandlerFailedMessage = LoggerMessage.Define<string, string>(
        LogLevel.Error, new EventId(5204, "WebhookHandlerFailed"), "The handler of the Factorial webhook {SubscriptionType} threw {ErrorType}; the delivery was already answered 200, so it is not retried. The queue goes on.");

    private static readonly Action<ILogger, string, Exception?> HandledMessage = LoggerMessage.Define<string>(
        LogLevel.Debug, new EventId(5205, "WebhookHandled"), "Handled a Factorial webhook delivery for {SubscriptionType}.");

    private static readonly Action<ILogger, string, Exception?> DuplicateMessage = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(5206, "WebhookDuplicate"), "A Factorial webhook delivery for {SubscriptionType} repeats one accepted within FactorialWebhookOptions.DuplicateWindow; answered 200 without running the handler again.");

    private static readonly Action<ILogger, string, int, Exception?> QueueFullMessage = LoggerMessage.Define<string, int>(
        LogLevel.Warning, new EventId(5207, "WebhookQueueFull"), "Refused a Factorial webhook delivery for {SubscriptionType} with 503: the handler queue is full ({QueueCapacity}); Factorial will retry it. Raise FactorialWebhookOptions.Workers or QueueCapacity if this repeats.");

    private static readonly Action<ILogger, int, Exception?> DroppedMessage = LoggerMessage.Define<int>(
        LogLevel.Warning, new EventId(5208, "WebhookDropped"), "The host's shutdown timeout passed with {Count} Factorial webhook deliveries still queued; they were answered 200 but not handled.");

    public static void Unauthorized(ILogger logger, string subscriptionType, string reason) => UnauthorizedMessage(logger, subscriptionType, reason, null);

    public static void TooLarge(ILogger logger, string subscriptionType, long maxBodyBytes) => TooLargeMessage(logger, subscriptionType, maxBodyBytes, null);

    public static void Malformed(ILogger logger, string subscriptionType, string payloadType, string reason) => MalformedMessage(logger, subscriptionType, payloadType, reason, null);

    public static void HandlerFailed(ILogger logger, Exception exception, string subscriptionType, string errorType) => HandlerFailedMessage(logger, subscriptionType, errorType, exception);

    public static void Handled(ILogger logger, string subscriptionType) => HandledMessage(logger, subscriptionType, null);

    public static void Duplicate(ILogger logger, string subscriptionType) => DuplicateMessage(logger, subscriptionType, null);

    public static void QueueFull(ILogger logger, string subscriptionType, int queueCapacity) => QueueFullMessage(logger, subscriptionType, queueCapacity, null);

    public static void Dropped(ILogger logger, int count) => DroppedMessage(logger, count, null);
}
