using System;
using System.Collections.Generic;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.OAuth;

/// <summary>
/// Authorization codes, token grants and API keys, behind a single lock. All times come from the
/// configured <see cref="TimeProvider"/>.
/// </summary>
internal sealed class TokenRegistry(SandboxOptions options, long demoEmployeeId)
{
    private readonly object gate = new();
    private readonly Dictionary<string, AuthorizationCode> codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenGrant> byAccessToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenGrant> byRefreshToken = new(StringComparer.Ordinal);
    private readonly HashSet<string> apiKeys = new(StringComparer.Ordinal);

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    public string CreateCode(AuthorizationRequest request)
    {
        var code = new AuthorizationCode
        {
            Code = Secrets.New(),
            Request = request,
            ExpiresAt = Now + options.AuthorizationCodeLifetime,
        };
        lock (gate)
        {
            codes.Add(code.Code, code);
        }

        return code.Code;
    }

    public GrantOutcome ExchangeCode(SandboxClient client, string code, string redirectUri, string? codeVerifier)
    {
        DateTimeOffset now = Now;
        lock (gate)
        {
            if (!codes.TryGetValue(code, out AuthorizationCode? entry) || entry.Request.Client.ClientId != client.ClientId)
            {
                return GrantOutcome.Failure("invalid_grant", "The authorization code is unknown or belongs to another client.");
            }

            if (now >= entry.ExpiresAt)
            {
                return GrantOutcome.Failure("invalid_grant", "The authorization code has expired.");
            }

            if (!string.Equals(entry.Request.RedirectUri, redirectUri, StringComparison.Ordinal))
            {
                return GrantOutcome.Failure("invalid_grant", "The redirect_uri does not match the one used to authorize.");
            }

            if (entry.Request.CodeChallenge is string challenge && !Pkce.Verify(challenge, codeVerifier))
            {
                return GrantOutcome.Failure("invalid_grant", string.IsNullOrEmpty(codeVerifier)
                    ? "The code_verifier is required for this authorization code."
                    : "The code_verifier does not match the code_challenge.");
            }

            if (entry.Grant is TokenGrant previous)
            {
                // Same code, same client, same redirect URI: the still-active token is returned again.
                return previous.IsActive(now)
                    ? GrantOutcome.Success(previous.Response)
                    : GrantOutcome.Failure("invalid_grant", "The authorization code was already used and its token is no longer active.");
            }

            entry.Grant = Issue(client.ClientId, entry.Request.Granted, entry.Request.OwnerType, now);
            return GrantOutcome.Success(entry.Grant.Response);
        }
    }

    public GrantOutcome Refresh(SandboxClient client, string refreshToken)
    {
        DateTimeOffset now = Now;
        lock (gate)
        {
            if (!byRefreshToken.TryGetValue(refreshToken, out TokenGrant? grant) || grant.ClientId != client.ClientId)
            {
                return GrantOutcome.Failure("invalid_grant", "The refresh token is unknown or belongs to another client.");
            }

            if (grant.Revoked || grant.Rotated)
            {
                return GrantOutcome.Failure("invalid_grant", grant.Revoked
                    ? "The refresh token was revoked."
                    : "The refresh token was already used; a newer one replaced it.");
            }

            grant.Rotated = true;
            TokenGrant next = Issue(grant.ClientId, grant.Granted, grant.OwnerType, now);
            return GrantOutcome.Success(next.Response);
        }
    }

    /// <summary>Revokes the grant an access or refresh token belongs to, if it is this client's.</summary>
    public void Revoke(SandboxClient client, string token)
    {
        lock (gate)
        {
            if ((byAccessToken.TryGetValue(token, out TokenGrant? grant) || byRefreshToken.TryGetValue(token, out grant))
                && grant.ClientId == client.ClientId)
            {
                grant.Revoked = true;
            }
        }
    }

    public string IssueApiKey()
    {
        string key = Secrets.New();
        lock (gate)
        {
            apiKeys.Add(key);
        }

        return key;
    }

    /// <summary>Finds the caller of an API request, or explains why the credentials are refused.</summary>
    public ApiCaller? Authenticate(string? bearerToken, string? apiKey, out string? failure)
    {
        failure = null;
        DateTimeOffset now = Now;
        lock (gate)
        {
            if (bearerToken is not null)
            {
                if (!byAccessToken.TryGetValue(bearerToken, out TokenGrant? grant))
                {
                    failure = "The access token is invalid.";
                }
                else if (grant.Revoked)
                {
                    failure = "The access token was revoked.";
                }
                else if (grant.Rotated)
                {
                    failure = "The access token was replaced by a refresh.";
                }
                else if (grant.IsExpired(now))
                {
                    failure = "The access token expired.";
                }
                else
                {
                    return new ApiCaller("token:" + grant.AccessToken, grant.Scope, grant.OwnerType, grant.EmployeeId, grant.Resources);
                }

                return null;
            }

            if (apiKey is not null)
            {
                if (apiKeys.Contains(apiKey))
                {
                    return new ApiCaller("key:" + apiKey, ApiScope.ReadWrite, null, demoEmployeeId);
                }

                failure = "The API key is invalid.";
                return null;
            }
        }

        failure = "No access token was provided.";
        return null;
    }

    private TokenGrant Issue(string clientId, GrantedScope granted, ResourceOwnerType owner, DateTimeOffset now)
    {
        // Whole seconds, like created_at: expiry is exact for clients that compute created_at + expires_in.
        DateTimeOffset created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        long? expiresIn = owner == ResourceOwnerType.Company ? null : (long)Math.Ceiling(options.AccessTokenLifetime.TotalSeconds);
        string accessToken = Secrets.New();
        string refreshToken = Secrets.New();
        var grant = new TokenGrant
        {
            ClientId = clientId,
            Scope = granted.Scope,
            Resources = granted.Resources,
            Granted = granted,
            OwnerType = owner,
            EmployeeId = demoEmployeeId,
            AccessToken = accessToken,
            RefreshToken = refreshToken,
            CreatedAt = created,
            ExpiresAt = expiresIn is long seconds ? created.AddSeconds(seconds) : null,
            Response = new TokenResponse(accessToken, "Bearer", expiresIn, refreshToken, granted.Text, created.ToUnixTimeSeconds()),
        };
        byAccessToken.Add(accessToken, grant);
        byRefreshToken.Add(refreshToken, grant);
        return grant;
    }
}
