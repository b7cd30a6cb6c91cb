using System;

namespace FactorialGen;

/// <summary>The base of every error FactorialGen raises. Messages never contain tokens, keys or secrets.</summary>
public class FactorialException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public FactorialException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public FactorialException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
