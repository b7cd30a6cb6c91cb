using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace FactorialGen;

/// <summary>
/// Maps a 403 <c>insufficient_scope</c> answer to <see cref="FactorialScopeException"/>, naming the missing scope: the
/// one Factorial's answer names (<c>required_scope</c> or <c>scope</c> in the body, or <c>scope="…"</c> in the
/// <c>WWW-Authenticate</c> challenge), else the operation's resource scope from FactorialGen's table when the token's
/// read/write scope covers the call, else the read/write scope the call needs.
/// </summary>
internal static class ScopeRefusal
{
    /// <summary>The longest scope text taken from an answer; longer (or anything but scope-name characters) is ignored.</summary>
    private const int MaxScopeChars = 200;

    public static FactorialScopeException Map(HttpResponseMessage response, string? body, FactorialRequest request, FactorialToken? token, string method, string path)
    {
        var status = response.StatusCode;
        var grantedScope = token?.Scope;
        var grantedResources = token?.ResourceScopes ?? FactorialResourceScopes.None;
        var named = NamedScopeOf(body) ?? NamedScopeOf(response);
        if (named is not null)
        {
            if (FactorialScopes.TryParseResources(named, out var resource))
            {
                return Resource(resource, fromTable: false);
            }

            if (FactorialScopes.TryParse(named, out var readWrite))
            {
                return ReadWrite(readWrite);
            }

            return new FactorialScopeException(ScopeMessages.UnknownScope(named, method, path), request.RequiredScope, grantedScope, FactorialResourceScopes.None, grantedResources, named, method, path, status, body);
        }

        var covered = grantedScope is { } g && g.Covers(request.RequiredScope);
        if (request.RequiredResource != FactorialResourceScopes.None && (covered || grantedScope is null))
        {
            return Resource(request.RequiredResource, fromTable: true);
        }

        return covered
            ? new FactorialScopeException(ScopeMessages.CoveredButRefused(request.RequiredScope, grantedScope!.Value, method, path), request.RequiredScope, grantedScope, FactorialResourceScopes.None, grantedResources, null, method, path, status, body)
            : ReadWrite(request.RequiredScope);

        FactorialScopeException Resource(FactorialResourceScopes required, bool fromTable) =>
            new(ScopeMessages.Resource(required, grantedResources, method, path, status, fromTable), request.RequiredScope, grantedScope, required, grantedResources, required.ToOAuthString(), method, path, status, body);

        FactorialScopeException ReadWrite(FactorialScope required) =>
            new(ScopeMessages.ReadWrite(required, grantedScope, method, path, status), required, grantedScope, FactorialResourceScopes.None, grantedResources, required.ToOAuthString(), method, path, status, body);
    }

    /// <summary>The scope a JSON error body names in <c>required_scope</c> or <c>scope</c>, when it looks like scope names.</summary>
    private static string? NamedScopeOf(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in (ReadOnlySpan<string>)["required_scope", "scope"])
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && Plain(value.GetString()) is { } scope)
                {
                    return scope;
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The <c>scope="…"</c> parameter of a Bearer <c>insufficient_scope</c> challenge (RFC 6750 §3).</summary>
    private static string? NamedScopeOf(HttpResponseMessage response)
    {
        foreach (var challenge in response.Headers.WwwAuthenticate)
        {
            var parameter = challenge.Parameter;
            var at = parameter?.IndexOf("scope=\"", StringComparison.OrdinalIgnoreCase) ?? -1;
            if (parameter is null || at < 0 || (at > 0 && parameter[at - 1] == '_'))
            {
                continue;
            }

            var start = at + "scope=\"".Length;
            var end = parameter.IndexOf('"', start);
            if (end > start && Plain(parameter[start..end]) is { } scope)
            {
                return scope;
            }
        }

        return null;
    }

    /// <summary>
    /// The text when it is only scope-name characters (letters, digits, <c>_ : . -</c>, spaces, commas, <c>+</c>) and
    /// short; otherwise <see langword="null"/>, so nothing odd from a hostile answer reaches a message.
    /// </summary>
    private static string? Plain(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxScopeChars)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' or '.' or '-' or ' ' or ',' or '+'))
            {
                return null;
            }
        }

        return text;
    }
}
