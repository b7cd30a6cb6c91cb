using System.Collections.Generic;

namespace FactorialGen.Sandbox;

/// <summary>
/// An OAuth application registered with the sandbox: the credentials a client presents and the
/// redirect URIs it may use (compared by exact string equality).
/// </summary>
/// <param name="ClientId">The public identifier of the application.</param>
/// <param name="ClientSecret">The confidential secret of the application.</param>
/// <param name="RedirectUris">The redirect URIs registered for the application.</param>
public sealed record SandboxClient(string ClientId, string ClientSecret, IReadOnlyList<string> RedirectUris)
{
    /// <summary>The out-of-band redirect URI: the authorization key is shown on a page instead of redirected.</summary>
    public const string OutOfBandRedirectUri = "urn:ietf:wg:oauth:2.0:oob";

    /// <summary>
    /// The application every sandbox knows unless configured otherwise: client id <c>sandbox-client-id</c>,
    /// secret <c>sandbox-client-secret</c>, redirect URIs <c>urn:ietf:wg:oauth:2.0:oob</c> and
    /// <c>http://127.0.0.1:53682/callback</c>.
    /// </summary>
    public static SandboxClient Default { get; } = new(
        "sandbox-client-id",
        "sandbox-client-secret",
        new[] { OutOfBandRedirectUri, "http://127.0.0.1:53682/callback" });
}
