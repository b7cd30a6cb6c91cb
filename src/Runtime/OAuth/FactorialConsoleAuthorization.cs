using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen;

/// <summary>The seed's console flow: print the authorization link, read the authorization key, exchange it.</summary>
public static class FactorialConsoleAuthorization
{
    /// <summary>
    /// Prints the link to <paramref name="output"/>, reads the authorization key the user pastes from
    /// <paramref name="input"/> (asking again on an empty line, at most three times) and exchanges it for a token.
    /// </summary>
    /// <exception cref="FactorialAuthException">No key was entered, or Factorial refused it.</exception>
    public static async Task<FactorialToken> AuthorizeFromConsoleAsync(
        this FactorialOAuth oauth,
        FactorialScope scope,
        TextReader input,
        TextWriter output,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oauth);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);

        var request = oauth.Authorize(scope);
        await output.WriteLineAsync($"Open this link, sign in to Factorial and approve access ({scope.ToOAuthString()}):").ConfigureAwait(false);
        await output.WriteLineAsync(request.Url.AbsoluteUri).ConfigureAwait(false);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await output.WriteAsync("Authorization key: ").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                break; // end of input
            }

            if (!string.IsNullOrWhiteSpace(line))
            {
                // Pasted keys often carry spaces or a line break around them: they are never part of the key.
                return await oauth.ObtainAccessTokenAsync(request, line.Trim(), cancellationToken).ConfigureAwait(false);
            }
        }

        throw new FactorialAuthException("No authorization key was entered.", "invalid_request");
    }
}
