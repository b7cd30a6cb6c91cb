using System.IO;

namespace FactorialGen;

/// <summary>A response body passed the configured size limit (mapped to <see cref="FactorialResponseTooLargeException"/> where it is caught).</summary>
internal sealed class ResponseTooLargeException(long limit) : IOException($"The response body is larger than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}
