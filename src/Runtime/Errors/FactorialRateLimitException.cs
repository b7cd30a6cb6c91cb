using System;
using System.Net;

namespace FactorialGen;

/// <summary>Factorial answered 429 Too Many Requests. <see cref="RetryAfter"/> says how long to wait when the server said so.</summary>
public sealed class FactorialRateLimitException : FactorialApiException
{
    /// <summary>Creates the exception.</summary>
    public FactorialRateLimitException(string method, string path, TimeSpan? retryAfter, string? errorCode, string? errorMessage, string? responseBody)
        : base(HttpStatusCode.TooManyRequests, method, path, errorCode, errorMessage, responseBody)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The wait the server asked for in its <c>Retry-After</c> header, if any.</summary>
    public TimeSpan? RetryAfter { get; }
}
