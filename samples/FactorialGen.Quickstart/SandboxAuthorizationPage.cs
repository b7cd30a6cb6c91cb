using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Quickstart;

/// <summary>Plays the signed-in sandbox user: opens the authorization link and reads the key the page shows.</summary>
internal static partial class SandboxAuthorizationPage
{
    public static async Task<string> FetchKeyAsync(Uri authorizeUrl, CancellationToken cancellationToken)
    {
        using var browser = new HttpClient();
        var page = await browser.GetStringAsync(authorizeUrl, cancellationToken);
        var match = KeyElement().Match(page);
        return match.Success
            ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new FactorialAuthException("The sandbox's authorization page showed no authorization key.");
    }

    [GeneratedRegex("<code id=\"authorization-key\">([^<]+)</code>")]
    private static partial Regex KeyElement();
}
