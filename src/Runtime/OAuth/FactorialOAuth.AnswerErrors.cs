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

// Reading an OAuth error answer safely and turning it into a typed exception.
public sealed partial class FactorialOAuth
{
    /// <summary>
    /// The OAuth error code and description of an error answer, with every credential the request carried blanked out
    /// (a hostile server may echo them back) and control characters removed, so they are safe in messages and logs.
    /// </summary>
    private static (string? Error, string? Description) ErrorOf(OAuthAnswer answer, Dictionary<string, string> form)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(answer.Body);
        }
        catch (ArgumentException)
        {
            return (null, null);
        }

        var (error, description) = ErrorBody.Parse(text);
        return (Clean(error, form, 100), Clean(description, form, 1000));
    }

    private static string? Clean(string? text, Dictionary<string, string> form, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var key in SecretFields)
        {
            if (form.TryGetValue(key, out var secret) && secret.Length > 0)
            {
                text = text.Replace(secret, Secrets.Redacted, StringComparison.Ordinal);
            }
        }

        var clean = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text)
        {
            if (clean.Length == maxLength)
            {
                break;
            }

            clean.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        return clean.ToString();
    }

    private static readonly string[] SecretFields = ["client_secret", "code", "refresh_token", "token", "code_verifier"];

    private static FactorialAuthException TokenError(string grantType, HttpStatusCode status, string? error, string? description)
    {
        var code = (int)status;
        if (grantType == "refresh_token" && error is "invalid_grant" or "invalid_token" or "unauthorized_client")
        {
            return new FactorialReauthorizationRequiredException(
                $"Factorial refused the refresh token ({code} {error}): it was revoked, expired or already used. Authorize the application again.",
                error, description, status);
        }

        var what = error switch
        {
            "invalid_grant" => "the authorization key is wrong, expired or already used, or the redirect URI differs from the one in the link",
            "invalid_client" => "the client id or client secret is wrong",
            "invalid_request" => "the request was incomplete",
            "unauthorized_client" or "unsupported_grant_type" => "this application may not use this grant",
            _ => code >= 500 ? "the server had a problem; try again later" : "the request was not accepted",
        };

        return new FactorialAuthException($"Factorial's token endpoint answered {code} {error ?? status.ToString()}: {what}.", error, description, status);
    }
}
