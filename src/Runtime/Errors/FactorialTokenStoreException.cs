using System;

namespace FactorialGen;

/// <summary>
/// A token store could not read or write its token (for example a corrupt or unreadable token file). The file is
/// never discarded silently: fix or remove it yourself.
/// </summary>
public sealed class FactorialTokenStoreException : FactorialException
{
    /// <summary>Creates the exception.</summary>
    public FactorialTokenStoreException(string message, string? path = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StorePath = path;
    }

    /// <summary>The file the store uses, when it is file based.</summary>
    public string? StorePath { get; }
}
