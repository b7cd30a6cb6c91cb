using System;
using System.Net;

namespace FactorialGen;

/// <summary>
/// A response body was larger than <see cref="FactorialClientOptions.MaxResponseBytes"/> (announced by its
/// <c>Content-Length</c>, or found while reading). Reading stopped at the limit, so no more than that was held in memory.
/// Raise the limit if a legitimate answer is that large, or page the request.
/// </summary>
public sealed class FactorialResponseTooLargeException : FactorialInvalidResponseException
{
    /// <summary>Creates the exception.</summary>
    public FactorialResponseTooLargeException(long limit, long? announcedLength, HttpStatusCode statusCode, string method, string path, Exception? innerException = null)
        : base(Describe(limit, announcedLength), statusCode, method, path, jsonPath: null, innerException)
    {
        Limit = limit;
        AnnouncedLength = announcedLength;
    }

    /// <summary>The limit in force, in bytes (<see cref="FactorialClientOptions.MaxResponseBytes"/>).</summary>
    public long Limit { get; }

    /// <summary>The body's size as its <c>Content-Length</c> announced it, when it did.</summary>
    public long? AnnouncedLength { get; }

    private static string Describe(long limit, long? announced) => announced > limit
        ? $"The response body of {announced} bytes (Content-Length) is over the limit of {limit} bytes (FactorialClientOptions.MaxResponseBytes); nothing of it was read"
        : $"The response body is over the limit of {limit} bytes (FactorialClientOptions.MaxResponseBytes); reading stopped there";
}
