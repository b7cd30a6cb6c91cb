using System;
using System.Net;

namespace FactorialGen;

/// <summary>
/// Factorial answered with a success status but a body that is not what the operation returns: malformed or
/// truncated JSON, values of the wrong type or out of range (with <see cref="JsonPath"/> naming the value), a missing
/// required field, an HTML page, or a body over the size limit (<see cref="FactorialResponseTooLargeException"/>).
/// </summary>
public class FactorialInvalidResponseException : FactorialException
{
    /// <summary>Creates the exception.</summary>
    public FactorialInvalidResponseException(string message, HttpStatusCode statusCode, string method, string path, Exception? innerException = null)
        : this(message, statusCode, method, path, jsonPath: null, innerException)
    {
    }

    /// <summary>Creates the exception for a value at <paramref name="jsonPath"/> in the body.</summary>
    public FactorialInvalidResponseException(string message, HttpStatusCode statusCode, string method, string path, string? jsonPath, Exception? innerException)
        : base($"{message} ({method} {path} answered {(int)statusCode}).", innerException)
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        JsonPath = jsonPath;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The request's HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request's path, without query string.</summary>
    public string Path { get; }

    /// <summary>
    /// Where in the body the offending value is, as a JSON path (<c>$.data[3].birthday_on</c>), when it is known;
    /// <see langword="null"/> when the body as a whole is wrong (not JSON, too large, the wrong shape).
    /// </summary>
    public string? JsonPath { get; }
}
