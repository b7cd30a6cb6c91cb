using Microsoft.Extensions.Logging;

namespace FactorialGen.Redis;

/// <summary>The store's log lines: key names and fingerprints only, never a token.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Redis key {Key} already holds a newer token pair (issued {StoredIssued:o}) than the one being saved ({Fingerprint}, issued {Issued:o}); the newer pair was kept.")]
    public static partial void KeptNewerPair(ILogger logger, string key, string fingerprint, System.DateTimeOffset issued, System.DateTimeOffset storedIssued);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Redis key {Key} was missing (Redis restarted without persistence, or the key was evicted); wrote back the newest pair this process knew ({Fingerprint}).")]
    public static partial void RestoredPair(ILogger logger, string key, string fingerprint);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Redis token store {Key}: {Operation} failed ({ErrorType}).")]
    public static partial void RedisFailed(ILogger logger, string key, string operation, string errorType);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Debug, Message = "Redis key {Key}: saved token pair {Fingerprint} as version {Version}.")]
    public static partial void Saved(ILogger logger, string key, string fingerprint, long version);
}
