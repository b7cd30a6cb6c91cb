using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.Extensions.Primitives;

namespace FactorialGen.Sandbox.OAuth;

/// <summary>Who asks for the grant: the signed-in employee, or the whole company.</summary>
internal enum ResourceOwnerType
{
    User,
    Company,
}

/// <summary>A validated <c>GET /oauth/authorize</c> request.</summary>
internal sealed record AuthorizationRequest(
    SandboxClient Client,
    string RedirectUri,
    ApiScope Scope,
    string? State,
    string? CodeChallenge,
    ResourceOwnerType OwnerType)
{
    public bool IsOutOfBand => RedirectUri == SandboxClient.OutOfBandRedirectUri;

    /// <summary>The resource scopes asked for (0 for a seed read/write authorization), and the token answer's <c>scope</c>.</summary>
    public GrantedScope Granted { get; init; } = new(Scope, 0, ListsReadWrite: true);

    /// <summary>
    /// Validates the query of an authorize link. Every failure yields a message for the error page;
    /// nothing is ever redirected to a redirect URI that was not validated.
    /// </summary>
    public static bool TryParse(
        IReadOnlyDictionary<string, StringValues> query,
        IReadOnlyList<SandboxClient> clients,
        [NotNullWhen(true)] out AuthorizationRequest? request,
        [NotNullWhen(false)] out string? error)
    {
        request = null;
        error = null;
        foreach (KeyValuePair<string, StringValues> pair in query)
        {
            if (pair.Value.Count > 1)
            {
                return Fail(out error, $"The parameter '{pair.Key}' is repeated.");
            }
        }

        string? clientId = Single(query, "client_id");
        if (string.IsNullOrEmpty(clientId))
        {
            return Fail(out error, "The client_id parameter is missing.");
        }

        SandboxClient? client = clients.FirstOrDefault(c => c.ClientId == clientId);
        if (client is null)
        {
            return Fail(out error, $"No application is registered with client_id '{clientId}'.");
        }

        string? redirectUri = Single(query, "redirect_uri");
        if (string.IsNullOrEmpty(redirectUri))
        {
            return Fail(out error, "The redirect_uri parameter is missing.");
        }

        if (!client.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return Fail(out error, $"The redirect_uri '{redirectUri}' is not registered for this application (it must match exactly).");
        }

        string? responseType = Single(query, "response_type");
        if (responseType != "code")
        {
            return Fail(out error, responseType is null
                ? "The response_type parameter is missing; it must be 'code'."
                : $"The response_type '{responseType}' is not supported; it must be 'code'.");
        }

        if (!GrantedScope.TryParse(Single(query, "scope"), out GrantedScope granted))
        {
            return Fail(out error, $"The scope '{Single(query, "scope")}' is invalid; use 'read', 'write' or 'read write', and Factorial's resource scope names (e.g. 'employees time_tracking').");
        }

        ApiScope scope = granted.Scope;

        string? challenge = Single(query, "code_challenge");
        string? method = Single(query, "code_challenge_method");
        if (!string.IsNullOrEmpty(challenge))
        {
            if (method != Pkce.S256)
            {
                return Fail(out error, "Only the S256 code_challenge_method is supported.");
            }

            if (challenge.Length is < 43 or > 128)
            {
                return Fail(out error, "The code_challenge must be a base64url SHA-256 hash of the verifier.");
            }
        }

        ResourceOwnerType owner;
        switch (Single(query, "resource_owner_type"))
        {
            case null or "" or "user":
                owner = ResourceOwnerType.User;
                break;
            case "company":
                owner = ResourceOwnerType.Company;
                break;
            case string other:
                return Fail(out error, $"The resource_owner_type '{other}' is invalid; use 'user' or 'company'.");
        }

        string? state = Single(query, "state");
        request = new AuthorizationRequest(
            client,
            redirectUri,
            scope,
            string.IsNullOrEmpty(state) ? null : state,
            string.IsNullOrEmpty(challenge) ? null : challenge,
            owner)
        {
            Granted = granted,
        };
        return true;
    }

    private static string? Single(IReadOnlyDictionary<string, StringValues> query, string name) =>
        query.TryGetValue(name, out StringValues values) && values.Count == 1 ? values[0] : null;

    private static bool Fail(out string error, string message)
    {
        error = message;
        return false;
    }
}
