using System;
using System.Net;
using System.Text;

namespace FactorialGen;

/// <summary>
/// The texts of <see cref="FactorialScopeException"/>: what was refused (before sending, or by Factorial's 403), which
/// scope is missing, and how to get it. Only scope names, methods and path templates appear: never a token.
/// </summary>
internal static class ScopeMessages
{
    private const string Refused = "Factorial refused the call (403 insufficient_scope): ";

    /// <summary>A read/write scope the token lacks (or, for a 403, the credentials lack).</summary>
    public static string ReadWrite(FactorialScope required, FactorialScope? granted, string method, string path, HttpStatusCode? status)
    {
        if (status is null)
        {
            var grantedText = granted is { } g ? $"'{g.ToOAuthString()}'" : "a scope without it";
            return $"Not sent: {method} {path} needs the '{required.ToOAuthString()}' scope, but the token was authorized for {grantedText}. "
                + $"Authorize with FactorialScope.{(granted is { } gs ? gs | required : required)} to make this call.";
        }

        if (granted is { } covering && covering.Covers(required))
        {
            // Not "needs write, but the token has read write": the token's recorded scope is what is wrong.
            return $"{Refused}{method} {path} needs the '{required.ToOAuthString()}' scope, and Factorial says the token lacks it, although it was recorded as authorized for '{covering.ToOAuthString()}': "
                + $"the recorded scope is wrong (a token wrapped with FactorialToken.FromAccessToken, or one whose access was narrowed after it was issued). Authorize again with FactorialScope.{covering} and use the token that authorization gives.";
        }

        return granted is { } known
            ? $"{Refused}{method} {path} needs the '{required.ToOAuthString()}' scope, but the token was authorized for '{known.ToOAuthString()}'. "
                + $"Authorize with FactorialScope.{known | required} to make this call."
            : $"{Refused}{method} {path} needs the '{required.ToOAuthString()}' scope, which the credentials lack. "
                + $"Authorize with FactorialScope.{required} (or a wider scope) to make this call.";
    }

    /// <summary>
    /// Factorial refused with 403 although the token's read/write scope covers the call, and nothing says which scope is
    /// missing: the refusal is about something read/write does not express, most likely a resource scope.
    /// </summary>
    public static string CoveredButRefused(FactorialScope required, FactorialScope granted, string method, string path) =>
        $"{Refused}{method} {path} was refused although the token was authorized for '{granted.ToOAuthString()}', which covers the '{required.ToOAuthString()}' this call needs, "
        + "and the answer did not say which scope is missing. The token most likely lacks the Factorial resource scope for this resource, or the application's access "
        + "was narrowed after the token was issued: authorize again with the resource scopes the application needs (oauth.Authorize(scope, FactorialResourceScopes...); see docs/scopes.md).";

    /// <summary>
    /// A Factorial resource scope the token lacks; <paramref name="fromTable"/> says the scope comes from FactorialGen's
    /// table rather than Factorial's answer.
    /// </summary>
    public static string Resource(FactorialResourceScopes required, FactorialResourceScopes granted, string method, string path, HttpStatusCode? status, bool fromTable)
    {
        var name = NameOf(required);
        var plural = IsSingle(required) ? "scope" : "scopes";
        var grantedText = granted == FactorialResourceScopes.None
            ? (status is null ? "but the token was granted no resource scope" : "which the token lacks")
            : $"but the token was granted only '{granted.ToOAuthString()}'";
        var source = fromTable ? " (Factorial's answer did not name it; FactorialGen's scope table does)" : string.Empty;
        var prefix = status is null ? "Not sent: " : Refused;
        return $"{prefix}{method} {path} needs Factorial's '{name}' resource {plural}{source}, {grantedText}. "
            + $"Authorize with it (oauth.Authorize(scope, {CSharpOf(granted | required)})), and on a client declared with Resources "
            + $"add {CSharpOf(required)} to its [FactorialClient] declaration.";
    }

    /// <summary>Factorial's answer named a scope FactorialGen does not know (neither read/write nor a resource scope).</summary>
    public static string UnknownScope(string name, string method, string path) =>
        $"{Refused}{method} {path} needs the '{name}' scope, which the token lacks. Authorize the application with that scope as well.";

    /// <summary>The OAuth names of <paramref name="resources"/>, or <see langword="null"/> for none.</summary>
    public static string? NameOf(FactorialResourceScopes resources) =>
        resources == FactorialResourceScopes.None ? null : resources.ToOAuthString();

    /// <summary>C# for <paramref name="resources"/>: <c>FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking</c>.</summary>
    public static string CSharpOf(FactorialResourceScopes resources)
    {
        if (resources == FactorialResourceScopes.None)
        {
            return "FactorialResourceScopes.None";
        }

        var text = new StringBuilder();
        for (var bit = 0; bit < FactorialScopes.ResourceNames.Length; bit++)
        {
            var flag = (FactorialResourceScopes)(1L << bit);
            if ((resources & flag) != 0)
            {
                text.Append(text.Length == 0 ? string.Empty : " | ").Append("FactorialResourceScopes.").Append(Enum.GetName(flag));
            }
        }

        return text.ToString();
    }

    private static bool IsSingle(FactorialResourceScopes resources) => ((long)resources & ((long)resources - 1)) == 0;
}
