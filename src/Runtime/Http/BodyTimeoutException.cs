using System;

namespace FactorialGen;

/// <summary>
/// A response body did not finish arriving before the call's deadline (<see cref="FactorialClientOptions.Timeout"/>
/// from the moment the request was sent). Mapped to <see cref="FactorialNetworkException"/> where it is caught.
/// </summary>
internal sealed class BodyTimeoutException(TimeSpan timeout)
    : TimeoutException($"The answer did not finish arriving within {timeout.TotalSeconds:0.###} s.")
{
    public TimeSpan Timeout { get; } = timeout;
}
