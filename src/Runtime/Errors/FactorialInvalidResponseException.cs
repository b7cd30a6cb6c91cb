using System;
using System.Net;

namespace FactorialGen;

/// <summary>
/// Factorial answered with a success status but a body that is not what the operation returns: malformed or
/// truncated JSON, values of the wrong type, a missing required field, an HTML page, or a body over the size limit.
/// </summary>
public sealed class FactorialInvalidResponseException : FactorialException
{
    /// <summary>Creates the exception.</summary>
    public FactorialInvalidResponseException(string message, HttpStatusCode statusCode, string method, string path, Exception? innerException = null)
        : base($"{message} ({method} {path} answered {(int)statusCode}).", innerException)
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The request's HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request's path, without query string.</summary>
    public string Path { get; }
}
