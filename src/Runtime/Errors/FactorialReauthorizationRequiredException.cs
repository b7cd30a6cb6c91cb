using System;
using System.Net;

namespace FactorialGen;

/// <summary>
/// The token can no longer be used or refreshed (expired without a refresh token, refresh token rejected or
/// revoked): the user has to authorize the application again. The stored token was left as it was.
/// </summary>
public sealed class FactorialReauthorizationRequiredException : FactorialAuthException
{
    /// <summary>Creates the exception.</summary>
    public FactorialReauthorizationRequiredException(string message, string? error = null, string? errorDescription = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, error, errorDescription, statusCode, innerException)
    {
    }
}
