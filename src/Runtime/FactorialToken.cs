using System;
using System.Globalization;

namespace FactorialGen;

/// <summary>
/// An OAuth token pair issued by Factorial. Store it somewhere safe (see <see cref="ITokenStore"/>): the
/// refresh token rotates on every refresh, and losing the newest one means authorizing again.
/// <see cref="ToString"/> shows only fingerprints, never the tokens.
/// </summary>
public sealed class FactorialToken
{
    /// <summary>Creates a token from its parts, e.g. when loading it from your own storage.</summary>
    /// <param name="accessToken">The bearer token sent with every request.</param>
    /// <param name="refreshToken">The refresh token, or <see langword="null"/> when the token cannot be refreshed.</param>
    /// <param name="scope">The scopes the token was granted.</param>
    /// <param name="createdAt">When the server issued the token.</param>
    /// <param name="expiresAt">When the access token stops working, or <see langword="null"/> when it does not expire.</param>
    /// <param name="tokenType">The token type: <c>Bearer</c> (in any letter case), the only type Factorial issues and this client sends.</param>
    /// <param name="resourceOwner">Whether the token acts for a user or for the company.</param>
    /// <exception cref="ArgumentException">
    /// The access token is empty or holds a space, a control character, a line break or a non-ASCII character (it
    /// becomes a header); the refresh token holds a control character or line break; or the token type is not Bearer.
    /// </exception>
    public FactorialToken(
        string accessToken,
        string? refreshToken,
        FactorialScope scope,
        DateTimeOffset createdAt,
        DateTimeOffset? expiresAt,
        string tokenType = "Bearer",
        FactorialResourceOwner resourceOwner = FactorialResourceOwner.User)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenType);
        if (!IsHeaderSafe(accessToken))
        {
            throw new ArgumentException("The access token holds a space, a control character, a line break or a non-ASCII character, so it cannot be sent in a header.", nameof(accessToken));
        }

        if (HasControlCharacters(refreshToken))
        {
            throw new ArgumentException("The refresh token holds a control character or a line break.", nameof(refreshToken));
        }

        if (!string.Equals(tokenType, BearerType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Only Bearer tokens are supported: Factorial issues no other type.", nameof(tokenType));
        }

        if (!FactorialScopes.IsDefined(scope))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "Expected Read, Write or ReadWrite.");
        }

        AccessToken = accessToken;
        RefreshToken = string.IsNullOrEmpty(refreshToken) ? null : refreshToken;
        Scope = scope;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        TokenType = BearerType;
        ResourceOwner = resourceOwner;
    }

    /// <summary>The bearer token sent with every request. Never log it.</summary>
    public string AccessToken { get; }

    /// <summary>The refresh token, or <see langword="null"/> when the token cannot be refreshed. Never log it.</summary>
    public string? RefreshToken { get; }

    /// <summary>The token type: always <c>Bearer</c>.</summary>
    public string TokenType { get; }

    /// <summary>The scopes the server granted.</summary>
    public FactorialScope Scope { get; }

    /// <summary>When the server issued the token (its <c>created_at</c>).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>
    /// When the access token stops working: the server's <c>created_at</c> + <c>expires_in</c>;
    /// <see langword="null"/> when the server gave no lifetime (company tokens, tokens from elsewhere).
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Whether the token acts for a user or for the company.</summary>
    public FactorialResourceOwner ResourceOwner { get; }

    /// <summary>
    /// The Factorial resource scopes the server granted (from the token answer's <c>scope</c>), or
    /// <see cref="FactorialResourceScopes.None"/> when none are known (a read/write-only token). When known, a call
    /// whose operation needs another resource scope fails before it is sent (<see cref="FactorialScopeException"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value holds a bit that is not a resource scope.</exception>
    public FactorialResourceScopes ResourceScopes
    {
        get => _resourceScopes;
        init => _resourceScopes = (value & ~FactorialScopes.AllResources) == 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The value holds a bit that is not a Factorial resource scope.");
    }

    private readonly FactorialResourceScopes _resourceScopes;

    /// <summary>Whether the token has a refresh token.</summary>
    public bool CanRefresh => RefreshToken is not null;

    /// <summary>A short one-way fingerprint of the access token, safe to log.</summary>
    public string Fingerprint => Secrets.Fingerprint(AccessToken);

    /// <summary>Whether the access token has expired at <paramref name="timeProvider"/>'s current time.</summary>
    public bool IsExpired(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return ExpiresWithin(timeProvider, TimeSpan.Zero);
    }

    /// <summary>Whether the access token has expired, or will within <paramref name="margin"/> (any margin: no overflow).</summary>
    internal bool ExpiresWithin(TimeProvider timeProvider, TimeSpan margin) =>
        ExpiresAt is { } expiresAt && expiresAt - timeProvider.GetUtcNow() <= margin;

    /// <summary>How long the token lives (<see cref="ExpiresAt"/> − <see cref="CreatedAt"/>), when that is known and positive.</summary>
    internal TimeSpan? Lifetime => ExpiresAt is { } expiresAt && expiresAt > CreatedAt ? expiresAt - CreatedAt : null;

    /// <summary>The only token type: <c>Bearer</c>.</summary>
    internal const string BearerType = "Bearer";

    /// <summary>Whether <paramref name="value"/> can go into a header as it is: visible ASCII only (RFC 6750 b64token is a subset).</summary>
    internal static bool IsHeaderSafe(string value)
    {
        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    /// <summary>Whether <paramref name="value"/> holds a control character or any line break C# or HTTP knows (CR, LF, NEL, LS, PS).</summary>
    internal static bool HasControlCharacters(string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Wraps an access token obtained elsewhere (another tool, a company token you keep) with the scope it was
    /// granted. It has no refresh token and no known expiry.
    /// </summary>
    public static FactorialToken FromAccessToken(string accessToken, FactorialScope scope) =>
        new(accessToken, refreshToken: null, scope, TimeProvider.System.GetUtcNow(), expiresAt: null);

    /// <summary>
    /// Wraps an access token obtained elsewhere with the scope and the Factorial resource scopes it was granted. It has
    /// no refresh token and no known expiry.
    /// </summary>
    public static FactorialToken FromAccessToken(string accessToken, FactorialScope scope, FactorialResourceScopes resources) =>
        new(accessToken, refreshToken: null, scope, TimeProvider.System.GetUtcNow(), expiresAt: null) { ResourceScopes = resources };

    /// <inheritdoc />
    public override string ToString()
    {
        var expiry = ExpiresAt is { } e ? e.ToString("u", CultureInfo.InvariantCulture) : "never";
        var refresh = RefreshToken is null ? "none" : Secrets.Fingerprint(RefreshToken);
        var resources = ResourceScopes == FactorialResourceScopes.None ? string.Empty : $", ResourceScopes = {ResourceScopes.ToOAuthString()}";
        return $"FactorialToken {{ Scope = {Scope.ToOAuthString()}{resources}, ResourceOwner = {ResourceOwner}, ExpiresAt = {expiry}, Access = {Fingerprint}, Refresh = {refresh} }}";
    }
}
