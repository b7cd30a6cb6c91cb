using System.Net.Http;

namespace FactorialGen;

/// <summary>The scope guard of <see cref="FactorialAuthHandler"/>: what a request needs, against what its token was granted.</summary>
internal static class ScopeGuard
{
    /// <summary>
    /// The scope guard: a request whose read/write scope the token lacks, or whose resource scope a token with known
    /// resource scopes lacks, is refused here, before anything is sent. A token with no known resource scopes
    /// (<see cref="FactorialResourceScopes.None"/>) leaves resource scopes to the server.
    /// </summary>
    public static void ThrowIfMissing(HttpRequestMessage request, FactorialToken token)
    {
        FactorialScope? required;
        FactorialResourceScopes resource;
        if (request is FactorialHttpRequestMessage own)
        {
            required = own.RequiredScope;
            resource = own.RequiredResource;
        }
        else
        {
            required = request.Options.TryGetValue(FactorialRequestOptions.RequiredScope, out var scope) ? scope : null;
            resource = request.Options.TryGetValue(FactorialRequestOptions.RequiredResource, out var needed) ? needed : FactorialResourceScopes.None;
        }

        if (required is { } needs && !token.Scope.Covers(needs))
        {
            throw new FactorialScopeException(needs, token.Scope, request.Method.Method, FactorialAuthHandler.PathOf(request));
        }

        if (resource != FactorialResourceScopes.None && token.ResourceScopes != FactorialResourceScopes.None && !token.ResourceScopes.Covers(resource))
        {
            throw new FactorialScopeException(resource & ~token.ResourceScopes, token.ResourceScopes, required ?? FactorialRequest.ScopeOf(request.Method), token.Scope, request.Method.Method, FactorialAuthHandler.PathOf(request));
        }
    }
}
