using System;

namespace FactorialGen;

/// <summary>
/// An authorization in progress: the link the user opens, and the values needed to finish it
/// (<see cref="State"/> to check the redirect, <see cref="CodeVerifier"/> for PKCE). Keep it until the user returns
/// with the authorization key. <see cref="ToString"/> leaves out the code verifier.
/// </summary>
public sealed class FactorialAuthorizationRequest
{
    internal FactorialAuthorizationRequest(Uri url, FactorialScope scope, string state, string codeVerifier, string redirectUri, string clientId, FactorialResourceOwner resourceOwner, DateTimeOffset createdAt)
    {
        Url = url;
        Scope = scope;
        State = state;
        CodeVerifier = codeVerifier;
        RedirectUri = redirectUri;
        ClientId = clientId;
        ResourceOwner = resourceOwner;
        CreatedAt = createdAt;
    }

    /// <summary>The link to open in a browser (<c>/oauth/authorize</c> with state and a PKCE S256 challenge).</summary>
    public Uri Url { get; }

    /// <summary>The scope asked for.</summary>
    public FactorialScope Scope { get; }

    /// <summary>The resource scopes asked for, or <see cref="FactorialResourceScopes.None"/> for the read/write scheme only.</summary>
    public FactorialResourceScopes Resources { get; init; }

    /// <summary>The random <c>state</c> value; the redirect must bring it back unchanged.</summary>
    public string State { get; }

    /// <summary>The PKCE code verifier sent with the token exchange. Treat it as a secret.</summary>
    public string CodeVerifier { get; }

    /// <summary>The redirect URI the request was made with; the token exchange repeats it exactly.</summary>
    public string RedirectUri { get; }

    /// <summary>The client id the request was made for.</summary>
    public string ClientId { get; }

    /// <summary>Whether a user token or a company token was asked for.</summary>
    public FactorialResourceOwner ResourceOwner { get; }

    /// <summary>When the link was made. Factorial's authorization keys live about ten minutes.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"FactorialAuthorizationRequest {{ Scope = {Scope.ToOAuthString()}{(Resources == FactorialResourceScopes.None ? string.Empty : ", Resources = " + Resources.ToOAuthString())}, ResourceOwner = {ResourceOwner}, Url = {Url} }}";
}
