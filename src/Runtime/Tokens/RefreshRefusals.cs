using System;
using System.Globalization;

namespace FactorialGen;

/// <summary>
/// The message of a refresh the token source cannot even try (no app configured, no refresh token). It says why a
/// refresh was wanted — the token expired, Factorial rejected it with 401 (revoked, or the app's access withdrawn), or
/// the caller asked for one — because "expired" is only true of the first, and the fix differs.
/// </summary>
internal static class RefreshRefusals
{
    /// <summary>The reasons <see cref="FactorialTokenSource"/> passes to its refresh.</summary>
    public const string ExpiresSoon = "expires soon";
    public const string Rejected = "rejected with 401";
    public const string Requested = "requested";

    /// <summary>No <see cref="FactorialOAuth"/> (no <see cref="FactorialApp"/>) to refresh with.</summary>
    public static string NoApp(FactorialToken basis, string reason, TimeProvider time) =>
        $"{Why(basis, reason, time, stored: false)}, and this client has no FactorialApp to refresh it with. "
        + (reason == Rejected
            ? "Authorize the application again; to refresh by itself from then on, give the client the app (FactorialClientOptions.App, or a FactorialOAuth for the FactorialTokenSource)."
            : "Give the client the app (FactorialClientOptions.App, or a FactorialOAuth for the FactorialTokenSource), or authorize again.");

    /// <summary>The token has no refresh token (it was issued without one, or loaded from a store that dropped it).</summary>
    public static string NoRefreshToken(FactorialToken basis, string reason, TimeProvider time, bool stored) =>
        $"{Why(basis, reason, time, stored)}, and {(stored ? "it" : "the token")} has no refresh token to renew it with: authorize the application again (and keep the refresh token the authorization returns).";

    private static string Why(FactorialToken basis, string reason, TimeProvider time, bool stored)
    {
        var token = stored ? "The token in the store" : "The access token";
        return reason switch
        {
            Rejected => $"Factorial rejected {(stored ? "the token in the store" : "the access token")} with 401{Expiry(basis, " (it expires ", ")")}: it was revoked, the application's access was withdrawn, or the server holds it expired",
            Requested => $"A refresh was asked for{Expiry(basis, " (the access token expires ", ")")}",
            _ when basis.ExpiresAt is { } at && at <= time.GetUtcNow() => $"{token} expired at {Format(at)}",
            _ => $"{token} expires at {Expiry(basis, string.Empty, string.Empty)} (within the refresh margin)",
        };
    }

    private static string Expiry(FactorialToken basis, string before, string after) =>
        basis.ExpiresAt is { } at ? before + Format(at) + after : string.Empty;

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
