using System;
using System.Net;
using System.Text.Json;
using FactorialGen.Json;

namespace FactorialGen.OAuth;

/// <summary>
/// Turns the body of a successful token answer into a <see cref="FactorialToken"/>, or a typed
/// <see cref="FactorialInvalidResponseException"/> that names the field and never its value. Nothing is saved before
/// this passes, so a bad answer leaves the stored pair untouched.
/// </summary>
/// <remarks>
/// The rules (RFC 6749 §5.1 and §6, plus what a hostile or badly configured server may send):
/// <list type="bullet">
/// <item><c>access_token</c>: required; visible ASCII only (no space, control character or line break), since it becomes a header.</item>
/// <item><c>token_type</c>: <c>Bearer</c> in any letter case, or absent (taken as Bearer); anything else is refused.</item>
/// <item><c>refresh_token</c>: no control characters; when a refresh answer has none, the current refresh token is kept (§6).</item>
/// <item><c>expires_in</c>: absent means no known expiry; a fraction is rounded down; zero, negative or not finite is
/// refused; more than <see cref="MaxLifetime"/> is clamped to it (the token is then refreshed early, never late).</item>
/// <item><c>created_at</c>: used only when it lies within <see cref="ClockTolerance"/> of the local clock; otherwise (a
/// server clock hours off, zero, negative, far future) the token counts as issued when the answer arrived, and its
/// expiry is that time plus <c>expires_in</c>: a skewed server clock never makes a new token look expired.</item>
/// <item><c>scope</c>: <c>read</c>/<c>write</c> give <see cref="FactorialToken.Scope"/> and Factorial's resource scope
/// names (<c>employees time_tracking</c>) give <see cref="FactorialToken.ResourceScopes"/>; unknown names are ignored.
/// A scope that lists resource scopes only gives <see cref="FactorialScope.ReadWrite"/>: each resource scope allows
/// reading and writing within its resources. An absent or blank <c>scope</c> means the scope asked for (RFC 6749 §5.1)
/// or, on refresh, the previous token's (§6): the fallbacks the caller passes.</item>
/// </list>
/// </remarks>
internal static class TokenAnswer
{
    /// <summary>The longest lifetime taken from <c>expires_in</c>.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    /// <summary>How far the server's <c>created_at</c> may be from the local clock and still be believed.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    public static FactorialToken Parse(ReadOnlySpan<byte> json, HttpStatusCode status, string endpointPath, string? currentRefreshToken, FactorialScope fallbackScope, FactorialResourceScopes fallbackResources, FactorialResourceOwner owner, DateTimeOffset now)
    {
        TokenResponse? body;
        try
        {
            body = JsonSerializer.Deserialize(json, FactorialRuntimeJsonContext.Default.TokenResponse);
        }
        catch (JsonException ex)
        {
            // The JSON error names a path and a position, never a value: safe to keep as the cause.
            var at = ex.Path is { Length: > 0 and <= 100 } path && IsPlainPath(path) ? $" (at {path})" : string.Empty;
            throw Invalid($"Factorial's token endpoint answered with a body that is not a token{at}", status, endpointPath, ex);
        }

        if (body?.AccessToken is not { Length: > 0 } accessToken)
        {
            throw Invalid("Factorial's token endpoint answered without an access token", status, endpointPath);
        }

        if (!FactorialToken.IsHeaderSafe(accessToken))
        {
            throw Invalid("Factorial's token endpoint answered with an access token that holds spaces, control characters or non-ASCII characters, which cannot be sent in a header", status, endpointPath);
        }

        if (body.TokenType is { Length: > 0 } type && !string.Equals(type, FactorialToken.BearerType, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("Factorial's token endpoint answered with a token type other than Bearer, which this client does not send", status, endpointPath);
        }

        if (FactorialToken.HasControlCharacters(body.RefreshToken) || FactorialToken.HasControlCharacters(body.Scope) || FactorialToken.HasControlCharacters(body.TokenType))
        {
            throw Invalid("Factorial's token endpoint answered with control characters or line breaks in a token field", status, endpointPath);
        }

        DateTimeOffset? lifetimeEnd = null;
        var issued = now;
        if (body.CreatedAt is { } created && double.IsFinite(created) && Math.Abs(created - now.ToUnixTimeSeconds()) <= ClockTolerance.TotalSeconds)
        {
            issued = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(created * 1000));
        }

        if (body.ExpiresIn is { } expiresIn)
        {
            var seconds = double.IsFinite(expiresIn) ? Math.Floor(expiresIn) : double.NaN;
            if (!(seconds >= 1))
            {
                throw Invalid("Factorial's token endpoint answered with an expires_in that is not a positive number of seconds", status, endpointPath);
            }

            lifetimeEnd = issued + (seconds >= MaxLifetime.TotalSeconds ? MaxLifetime : TimeSpan.FromSeconds(seconds));
        }

        var (scope, resources) = ScopesOf(body.Scope, fallbackScope, fallbackResources);
        var refreshToken = string.IsNullOrEmpty(body.RefreshToken) ? currentRefreshToken : body.RefreshToken;
        return new FactorialToken(accessToken, refreshToken, scope, issued, lifetimeEnd, FactorialToken.BearerType, owner) { ResourceScopes = resources };
    }

    /// <summary>
    /// The granted read/write scope and resource scopes of a token answer's <c>scope</c> (see the type's remarks): the
    /// fallbacks when it is absent or blank; read/write from the fallback, resources none, when it names neither.
    /// </summary>
    internal static (FactorialScope Scope, FactorialResourceScopes Resources) ScopesOf(string? scopeText, FactorialScope fallbackScope, FactorialResourceScopes fallbackResources)
    {
        if (string.IsNullOrWhiteSpace(scopeText))
        {
            return (fallbackScope, fallbackResources);
        }

        FactorialScopes.TryParseResources(scopeText, out var resources);
        var scope = FactorialScopes.TryParse(scopeText, out var granted) ? granted
            : resources != FactorialResourceScopes.None ? FactorialScope.ReadWrite
            : fallbackScope;
        return (scope, resources);
    }

    /// <summary>Whether a JSON path is only names, dots and indexes (a hostile property name never reaches a message).</summary>
    private static bool IsPlainPath(string path)
    {
        foreach (var c in path)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '$' or '.' or '_' or '[' or ']'))
            {
                return false;
            }
        }

        return true;
    }

    private static FactorialInvalidResponseException Invalid(string what, HttpStatusCode status, string path, Exception? inner = null) =>
        new(what, status, "POST", path, inner);
}
