using System.Net;
using System.Text;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.OAuth;

/// <summary>The HTML pages of <c>GET /oauth/authorize</c>.</summary>
internal static class AuthorizePage
{
    /// <summary>The element that holds the key; <see cref="FactorialSandbox.FetchAuthorizationKeyAsync"/> looks for it.</summary>
    public const string KeyElementStart = "<code id=\"authorization-key\">";

    public const string KeyElementEnd = "</code>";

    public static string Approved(AuthorizationRequest request, string code, Employee? user, int codeLifetimeMinutes)
    {
        string who = user is null ? "The demo user" : $"{user.FullName} ({user.Email})";
        string owner = request.OwnerType == ResourceOwnerType.Company ? "the whole company" : "their own account";
        var html = new StringBuilder();
        html.Append(Header("Authorization key"));
        html.Append("<h1>Application authorized</h1>\n");
        html.Append("<p>").Append(Encode(who)).Append(" gave <strong>").Append(Encode(request.Client.ClientId))
            .Append("</strong> access to ").Append(owner).Append(" with scope <strong id=\"scope\">")
            .Append(Encode(request.Granted.Text)).Append("</strong>.</p>\n");
        html.Append("<p>Copy this authorization key into the application:</p>\n");
        html.Append("<p>").Append(KeyElementStart).Append(Encode(code)).Append(KeyElementEnd).Append("</p>\n");
        html.Append("<p>The key can be exchanged for a token during ").Append(codeLifetimeMinutes).Append(" minutes.</p>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    public static string Error(string message)
    {
        var html = new StringBuilder();
        html.Append(Header("Authorization error"));
        html.Append("<h1>The authorization request is invalid</h1>\n");
        html.Append("<p id=\"error-description\">").Append(Encode(message)).Append("</p>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Header(string title) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Factorial sandbox: "
        + Encode(title) + "</title>\n</head>\n<body>\n";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
