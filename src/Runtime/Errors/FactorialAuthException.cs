using System;
using System.Net;

namespace FactorialGen;

/// <summary>
/// An OAuth step failed: Factorial refused an authorization key, a refresh token or the client credentials
/// (<see cref="Error"/> holds the OAuth error code, e.g. <c>invalid_grant</c>), or the authorization flow itself
/// went wrong (state mismatch, time-out, user denial).
/// </summary>
public class FactorialAuthException : FactorialException
{
    /// <summary>Creates the exception.</summary>
    public FactorialAuthException(string message, string? error = null, string? errorDescription = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        ErrorDescription = errorDescription;
        StatusCode = statusCode;
    }

    /// <summary>The OAuth error code (<c>invalid_grant</c>, <c>invalid_client</c>, <c>access_denied</c>, …), when there is one.</summary>
    public string? Error { get; }

    /// <summary>The server's description of the error, when it gave one.</summary>
    public string? ErrorDescription { get; }

    /// <summary>The HTTP status of the failed OAuth call, when one was made.</summary>
    public HttpStatusCode? StatusCode { get; }
}
