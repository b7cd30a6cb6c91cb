using System;

namespace FactorialGen.AspNetCore;

/// <summary>The webhook receiver is set up wrongly (an unknown event type, a payload type that does not match, no challenge).</summary>
public sealed class FactorialWebhookException : FactorialException
{
    /// <summary>Creates the exception with a message.</summary>
    public FactorialWebhookException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public FactorialWebhookException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
