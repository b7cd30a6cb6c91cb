using System;
using Microsoft.Extensions.Logging;

namespace FactorialGen;

/// <summary>Timing settings of <see cref="FactorialTokenSource"/>.</summary>
public sealed class FactorialTokenSourceOptions
{
    /// <summary>Refresh this long before the token expires. Default: 2 minutes.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest one refresh request may take. Default: 30 seconds.</summary>
    public TimeSpan RefreshTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a refresh failed for a passing reason (network error, time-out, 5xx), how long to wait before sending
    /// another: calls meanwhile get the same error at once (or the old token while it is still valid), so an outage of
    /// the token endpoint never turns into a storm of refresh requests. Doubles with each consecutive failure, up to a
    /// minute; <see cref="TimeSpan.Zero"/> retries on the next call. <see cref="FactorialTokenSource.RefreshAsync"/>
    /// always tries at once. Default: 2 seconds.
    /// </summary>
    public TimeSpan RefreshRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock that judges expiry. Default: the OAuth flow's clock, else <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Logs refreshes (fingerprints only). Optional.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
