using System;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.OAuth;

/// <summary>An authorization code waiting to be exchanged; mutable only under the registry's lock.</summary>
internal sealed class AuthorizationCode
{
    public required string Code { get; init; }

    public required AuthorizationRequest Request { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The grant the first successful exchange produced; a repeated exchange returns it again.</summary>
    public TokenGrant? Grant { get; set; }
}

/// <summary>An access token and its refresh token; mutable only under the registry's lock.</summary>
internal sealed class TokenGrant
{
    public required string ClientId { get; init; }

    public required ApiScope Scope { get; init; }

    /// <summary>The resource scopes granted; 0 for a seed read/write grant (no resource scope is checked).</summary>
    public long Resources { get; init; }

    /// <summary>What the authorization granted; a refresh grants the same.</summary>
    public required GrantedScope Granted { get; init; }

    public required ResourceOwnerType OwnerType { get; init; }

    public required long EmployeeId { get; init; }

    public required string AccessToken { get; init; }

    public required string RefreshToken { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Null for company tokens, which never expire.</summary>
    public required DateTimeOffset? ExpiresAt { get; init; }

    public required TokenResponse Response { get; init; }

    public bool Revoked { get; set; }

    /// <summary>True once the refresh token was used: both tokens of this grant stop working.</summary>
    public bool Rotated { get; set; }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is DateTimeOffset end && now >= end;

    public bool IsActive(DateTimeOffset now) => !Revoked && !Rotated && !IsExpired(now);
}

/// <summary>The result of a token request: a response, or an OAuth error code and description.</summary>
internal readonly record struct GrantOutcome(TokenResponse? Response, string? Error, string? Description)
{
    public static GrantOutcome Success(TokenResponse response) => new(response, null, null);

    public static GrantOutcome Failure(string error, string description) => new(null, error, description);
}

/// <summary>An authenticated caller of the resource API; <c>OwnerType</c> is null for an API key.</summary>
/// <c>Resources</c> is 0 when no resource scope is checked (a seed read/write token or an API key).
internal sealed record ApiCaller(string RateLimitKey, ApiScope Scope, ResourceOwnerType? OwnerType, long EmployeeId, long Resources = 0);
