using System;
using System.Net;

namespace FactorialGen;

/// <summary>
/// Factorial answered a request with an error status. Carries the status, the request's method and path (never
/// its query or headers), Factorial's error code and message when the body had them, and the raw body.
/// </summary>
public class FactorialApiException : FactorialException
{
    /// <summary>Creates the exception.</summary>
    public FactorialApiException(HttpStatusCode statusCode, string method, string path, string? errorCode, string? errorMessage, string? responseBody, Exception? innerException = null)
        : base(Describe(statusCode, method, path, errorCode, errorMessage), innerException)
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status Factorial answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The request's HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request's path, without query string.</summary>
    public string Path { get; }

    /// <summary>Factorial's error code (e.g. <c>not_found</c>), when the body had one.</summary>
    public string? ErrorCode { get; }

    /// <summary>Factorial's human-readable error message, when the body had one.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The raw response body (cut at <see cref="FactorialClientOptions.MaxErrorBodyChars"/>), since Factorial documents no error format.</summary>
    public string? ResponseBody { get; }

    private static string Describe(HttpStatusCode status, string method, string path, string? code, string? message)
    {
        var text = $"Factorial answered {(int)status} {status} to {method} {path}";
        if (code is not null)
        {
            text += $": {code}";
        }

        if (message is not null)
        {
            text += code is null ? $": {message}" : $" ({message})";
        }

        return text + ".";
    }
}
