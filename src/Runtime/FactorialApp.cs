using System;
using System.Text;

namespace FactorialGen;

/// <summary>
/// An OAuth application registered in Factorial's dashboard. <see cref="ToString"/> never shows the secret (nor
/// any user info a redirect URI might carry).
/// </summary>
/// <param name="ClientId">The application's client id.</param>
/// <param name="ClientSecret">The application's client secret. Keep it out of source control.</param>
/// <param name="RedirectUri">The redirect URI registered for the application; Factorial requires an exact match.</param>
public sealed record FactorialApp(string ClientId, string ClientSecret, string RedirectUri)
{
    /// <summary>The redirect URI for applications that let Factorial show the authorization key in the browser.</summary>
    public const string OutOfBandRedirectUri = "urn:ietf:wg:oauth:2.0:oob";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ClientId = ").Append(ClientId)
            .Append(", ClientSecret = ").Append(Secrets.Redacted)
            .Append(", RedirectUri = ").Append(RedirectUriForDisplay(RedirectUri));
        return true;
    }

    /// <summary>The redirect URI as it may appear in text: with any user info (<c>user:pass@</c>) replaced by <c>***@</c>.</summary>
    internal static string RedirectUriForDisplay(string? redirectUri)
    {
        if (redirectUri is null)
        {
            return "(none)";
        }

        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) || !BaseAddressPolicy.HasUserInfo(uri))
        {
            // Not parseable as an absolute URI: still never print what sits before an '@' of the authority.
            var scheme = redirectUri.IndexOf("://", StringComparison.Ordinal);
            var at = redirectUri.IndexOf('@', StringComparison.Ordinal);
            var slash = scheme < 0 ? -1 : redirectUri.IndexOf('/', scheme + 3);
            return scheme >= 0 && at > scheme && (slash < 0 || at < slash)
                ? string.Concat(redirectUri.AsSpan(0, scheme + 3), Secrets.Redacted, redirectUri.AsSpan(at))
                : redirectUri;
        }

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
        var text = builder.Uri.AbsoluteUri;
        var authority = text.IndexOf("://", StringComparison.Ordinal) + 3;
        return string.Concat(text.AsSpan(0, authority), Secrets.Redacted, "@", text.AsSpan(authority));
    }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new ArgumentException("The client id of the Factorial application is empty: give the client id of the OAuth application registered in Factorial (the README's examples read it from the FACTORIAL_CLIENT_ID environment variable: is it set?).", nameof(ClientId));
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            throw new ArgumentException("The client secret of the Factorial application is empty: give the secret of the OAuth application registered in Factorial (the README's examples read it from the FACTORIAL_CLIENT_SECRET environment variable: is it set?).", nameof(ClientSecret));
        }

        if (string.IsNullOrWhiteSpace(RedirectUri))
        {
            throw new ArgumentException("The redirect URI of the Factorial application is empty: give one registered for the application, such as FactorialApp.OutOfBandRedirectUri (urn:ietf:wg:oauth:2.0:oob) for the console flow.", nameof(RedirectUri));
        }

        if (Uri.TryCreate(RedirectUri, UriKind.Absolute, out var redirect) && BaseAddressPolicy.HasUserInfo(redirect))
        {
            throw new ArgumentException(
                "The redirect URI of the Factorial application carries user info (a user name or password before '@'); register and use a redirect URI without it.",
                nameof(RedirectUri));
        }
    }
}
