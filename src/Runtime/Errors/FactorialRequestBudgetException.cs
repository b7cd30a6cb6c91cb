using System;

namespace FactorialGen;

/// <summary>
/// A request was not sent because the client-side request budget could not let it through: its queue was full
/// (<see cref="FactorialRequestBudgetOptions.QueueLimit"/>), or a shared budget (Redis) could not be reached. Nothing
/// reached Factorial, so the call can be retried as it is.
/// </summary>
public sealed class FactorialRequestBudgetException : FactorialException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, why, and what to do.</param>
    /// <param name="innerException">The error that caused it, if any.</param>
    public FactorialRequestBudgetException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
