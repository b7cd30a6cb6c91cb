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

    /// <summary>The clock that judges expiry. Default: the OAuth flow's clock, else <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Logs refreshes (fingerprints only). Optional.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
