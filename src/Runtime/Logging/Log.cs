using System;
using Microsoft.Extensions.Logging;

namespace FactorialGen.Logging;

/// <summary>
/// Every log line the runtime writes. Arguments are fingerprints, scopes, methods, path templates and status
/// codes: never a token, key, secret, authorization key or query string.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Authorization link created for scope '{Scope}' ({ResourceOwner} token)")]
    public static partial void AuthorizationLinkCreated(ILogger logger, string scope, FactorialResourceOwner resourceOwner);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Authorization key exchanged for token {Fingerprint} with scope '{Scope}'")]
    public static partial void TokenObtained(ILogger logger, string fingerprint, string scope);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Token endpoint refused the {GrantType} grant: {StatusCode} {Error}")]
    public static partial void TokenRequestFailed(ILogger logger, string grantType, int statusCode, string? error);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Refreshing token {Fingerprint} ({Reason})")]
    public static partial void TokenRefreshing(ILogger logger, string fingerprint, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Token {OldFingerprint} refreshed; now using {NewFingerprint}, expires {ExpiresAt}")]
    public static partial void TokenRefreshed(ILogger logger, string oldFingerprint, string newFingerprint, DateTimeOffset? expiresAt);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Token refresh for {Fingerprint} failed; re-authorization is required: {Error}")]
    public static partial void RefreshRejected(ILogger logger, string fingerprint, string? error);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Token refresh for {Fingerprint} failed and may succeed later")]
    public static partial void RefreshFailedTransiently(ILogger logger, string fingerprint, Exception exception);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Adopted token {NewFingerprint} from the store instead of refreshing {OldFingerprint} (another client refreshed it)")]
    public static partial void TokenAdoptedFromStore(ILogger logger, string oldFingerprint, string newFingerprint);

    [LoggerMessage(EventId = 15, Level = LogLevel.Error, Message = "The refreshed token {Fingerprint} could not be saved to the token store; requests wait until it is saved")]
    public static partial void TokenSaveFailed(ILogger logger, string fingerprint, Exception exception);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Factorial answered 401 to token {Fingerprint}; refreshing once and retrying")]
    public static partial void UnauthorizedRetry(ILogger logger, string fingerprint);

    [LoggerMessage(EventId = 17, Level = LogLevel.Debug, Message = "Not refreshing token {Fingerprint} again before {RetryAt}: the last attempt failed moments ago")]
    public static partial void RefreshDeferred(ILogger logger, string fingerprint, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 18, Level = LogLevel.Warning, Message = "Could not lock the token store before refreshing token {Fingerprint}")]
    public static partial void TokenStoreLockFailed(ILogger logger, string fingerprint, Exception exception);

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void RequestCompleted(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "The token file '{Path}' was unreadable; it was kept as '{BackupPath}' and a new file was written")]
    public static partial void CorruptTokenFileKept(ILogger logger, string path, string backupPath);
}
