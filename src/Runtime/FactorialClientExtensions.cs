using System;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen;

/// <summary>Conveniences on every generated Factorial client.</summary>
public static class FactorialClientExtensions
{
    /// <summary>
    /// Refreshes the client's OAuth token now, whatever its expiry, saves the rotated token to the token store, and returns
    /// it (<c>await hr.RefreshAsync()</c>). Concurrent calls share one refresh. The client refreshes by itself before
    /// expiry and after a 401, so this is only needed to act on a refresh at a chosen time.
    /// </summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Stops waiting; a refresh already sent still completes and is saved.</param>
    /// <returns>The new token (its <c>ToString()</c> prints a fingerprint, never the token).</returns>
    /// <exception cref="InvalidOperationException">The client has no OAuth token to refresh: it uses a company API key, or an <see cref="System.Net.Http.HttpClient"/> whose own handlers add the credentials.</exception>
    /// <exception cref="FactorialReauthorizationRequiredException">The token cannot be refreshed (no app configured, no refresh token, or the refresh token was refused): authorize again.</exception>
    /// <exception cref="FactorialAuthException">The refresh failed for a passing reason (network, time-out, server error).</exception>
    /// <exception cref="FactorialTokenStoreException">The new token could not be saved yet; it is kept in memory and saving is retried.</exception>
    public static Task<FactorialToken> RefreshAsync<TClient>(this TClient client, CancellationToken cancellationToken = default)
        where TClient : class, IFactorialClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(client);
        var tokens = client.Connection.Tokens
            ?? throw new InvalidOperationException(
                $"{typeof(TClient).Name} has no OAuth token to refresh: it was created with a company API key (which never expires), or over an HttpClient whose own handlers add the credentials. "
                + "Create it with a FactorialToken (or a FactorialTokenSource, or AddFactorialClient with OAuth settings); over your own HttpClient, refresh the FactorialTokenSource you gave its FactorialAuthHandler.");
        return tokens.RefreshAsync(cancellationToken);
    }
}
