using System;

namespace FactorialGen.Sandbox.OAuth;

/// <summary>The two scopes of the API: <c>read</c> for GET, <c>write</c> for every other verb.</summary>
[Flags]
internal enum ApiScope
{
    None = 0,
    Read = 1,
    Write = 2,
    ReadWrite = Read | Write,
}

/// <summary>Parsing and formatting of OAuth scope strings.</summary>
internal static class ApiScopes
{
    /// <summary>
    /// Parses <c>read</c>, <c>write</c>, <c>read write</c> or <c>read+write</c> (a literal plus is
    /// tolerated when it was percent-encoded); a missing or blank scope means <c>read</c>.
    /// </summary>
    public static bool TryParse(string? text, out ApiScope scope)
    {
        scope = ApiScope.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            scope = ApiScope.Read;
            return true;
        }

        foreach (string part in text.Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part)
            {
                case "read":
                    scope |= ApiScope.Read;
                    break;
                case "write":
                    scope |= ApiScope.Write;
                    break;
                default:
                    scope = ApiScope.None;
                    return false;
            }
        }

        return scope != ApiScope.None;
    }

    /// <summary>Space-separated form, as returned in token responses.</summary>
    public static string Format(ApiScope scope) => scope switch
    {
        ApiScope.Read => "read",
        ApiScope.Write => "write",
        ApiScope.ReadWrite => "read write",
        _ => string.Empty,
    };
}
