using System;

namespace FactorialGen;

/// <summary>Factorial could not be reached, or did not answer in time. Nothing is known about whether the request was carried out.</summary>
public sealed class FactorialNetworkException : FactorialException
{
    /// <summary>Creates the exception.</summary>
    public FactorialNetworkException(string message, string method, string path, Exception? innerException)
        : base(message, innerException)
    {
        Method = method;
        Path = path;
    }

    /// <summary>The request's HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request's path, without query string.</summary>
    public string Path { get; }
}
