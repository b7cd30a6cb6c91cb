using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Json;
using FactorialGen.Logging;
using FactorialGen.OAuth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace FactorialGen;

// Building the authorization link the user opens (nothing is sent).
public sealed partial class FactorialOAuth
{
    /// <summary>
    /// Makes the link the user opens to grant <paramref name="scope"/> (the seed's <c>authorize</c>), with a fresh
    /// <c>state</c> and a PKCE S256 challenge. Nothing is sent.
    /// </summary>
    public FactorialAuthorizationRequest Authorize(FactorialScope scope = FactorialScope.ReadWrite) =>
        Authorize(scope, FactorialResourceOwner.User);

    /// <summary>
    /// Makes the authorization link; with <see cref="FactorialResourceOwner.Company"/> it asks for a company token
    /// (<c>resource_owner_type=company</c>), which may come without expiry.
    /// </summary>
    public FactorialAuthorizationRequest Authorize(FactorialScope scope, FactorialResourceOwner resourceOwner) =>
        Authorize(scope, FactorialResourceScopes.None, resourceOwner);

    /// <summary>
    /// Makes the authorization link for Factorial's resource scopes: <c>scope=</c> lists <paramref name="resources"/>
    /// (e.g. <c>employees time_tracking</c>) after the read/write scope.
    /// </summary>
    /// <param name="scope">The read/write scope asked for.</param>
    /// <param name="resources">The resource scopes asked for; <see cref="FactorialResourceScopes.None"/> asks for none.</param>
    /// <param name="resourceOwner">Whether a user token or a company token is asked for.</param>
    public FactorialAuthorizationRequest Authorize(FactorialScope scope, FactorialResourceScopes resources, FactorialResourceOwner resourceOwner = FactorialResourceOwner.User)
    {
        var scopeText = resources == FactorialResourceScopes.None ? scope.ToOAuthString() : scope.ToOAuthString() + " " + resources.ToOAuthString();
        var state = Pkce.NewState();
        var verifier = Pkce.NewVerifier();
        var query = new StringBuilder("oauth/authorize?client_id=").Append(Uri.EscapeDataString(App.ClientId))
            .Append("&redirect_uri=").Append(Uri.EscapeDataString(App.RedirectUri))
            .Append("&response_type=code")
            .Append("&scope=").Append(Uri.EscapeDataString(scopeText))
            .Append("&state=").Append(state)
            .Append("&code_challenge=").Append(Pkce.ChallengeOf(verifier))
            .Append("&code_challenge_method=S256");
        if (resourceOwner == FactorialResourceOwner.Company)
        {
            query.Append("&resource_owner_type=company");
        }

        Log.AuthorizationLinkCreated(_logger, scopeText, resourceOwner);
        return new FactorialAuthorizationRequest(new Uri(BaseAddress, query.ToString()), scope, state, verifier, App.RedirectUri, App.ClientId, resourceOwner, TimeProvider.GetUtcNow())
        {
            Resources = resources,
        };
    }
}
