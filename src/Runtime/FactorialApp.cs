using System;
using System.Text;

namespace FactorialGen;

/// <summary>
/// An OAuth application registered in Factorial's dashboard. <see cref="ToString"/> never shows the secret.
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
            .Append(", RedirectUri = ").Append(RedirectUri);
        return true;
    }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new ArgumentException("The client id of the Factorial application is empty.", nameof(ClientId));
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            throw new ArgumentException("The client secret of the Factorial application is empty.", nameof(ClientSecret));
        }

        if (string.IsNullOrWhiteSpace(RedirectUri))
        {
            throw new ArgumentException("The redirect URI of the Factorial application is empty.", nameof(RedirectUri));
        }
    }
}
