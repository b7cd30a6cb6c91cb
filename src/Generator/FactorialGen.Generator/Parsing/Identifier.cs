using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FactorialGen.Generator.Parsing;

/// <summary>Turns names from the document (snake_case, with brackets, digits or any character) into C# identifiers.</summary>
internal static class Identifier
{
    /// <summary>Longer names are cut and given a hash of the whole name (C# allows 512 characters; file names are shorter).</summary>
    public const int MaxLength = 128;

    /// <summary><c>clock_in</c> → <c>ClockIn</c>; <c>ids[]</c> → <c>Ids</c>; <c>2fa</c> → <c>V2fa</c>; nothing usable → <paramref name="fallback"/>.</summary>
    /// <remarks>
    /// Only identifier characters are kept, and not formatting characters (zero-width and bidirectional controls): C#
    /// ignores those when it compares names, so two names differing only in them would collide. Surrogate pairs
    /// (characters outside the BMP) are dropped.
    /// </remarks>
    public static string Pascal(string? text, string fallback = "Value")
    {
        var builder = t_builder ?? new StringBuilder();
        t_builder = null; // a nested call (none today) would get a builder of its own
        builder.Clear();
        var upperNext = true;
        foreach (var c in text ?? string.Empty)
        {
            if (!SyntaxFacts.IsIdentifierPartCharacter(c) || c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        var result = builder.Length == 0 ? fallback : Cap(SyntaxFacts.IsIdentifierStartCharacter(builder[0]) ? builder.ToString() : "V" + builder);
        t_builder = builder.Capacity <= 1024 ? builder : null;
        return result;
    }

    /// <summary>The builder <see cref="Pascal"/> reuses (it names thousands of fields and types per document).</summary>
    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>An identifier of at most <see cref="MaxLength"/> characters: a longer one keeps its start and gets a hash of the whole.</summary>
    public static string Cap(string identifier) =>
        identifier.Length <= MaxLength ? identifier : identifier.Substring(0, MaxLength - 9) + "X" + StableHash(identifier).ToString("X8", CultureInfo.InvariantCulture);

    /// <summary><c>employee_ids[]</c> → <c>employeeIds</c>, escaped with <c>@</c> when it is a keyword.</summary>
    public static string Camel(string? text, string fallback = "value")
    {
        var pascal = Pascal(text, Pascal(fallback));
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Escape(camel);
    }

    /// <summary>
    /// Adds <c>@</c> to a keyword so it can be an identifier, and to <c>await</c>, which cannot be a name inside the
    /// generated async methods.
    /// </summary>
    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || identifier == "await" ? "@" + identifier : identifier;

    /// <summary>Removes a leading <c>@</c>.</summary>
    public static string Unescape(string identifier) => identifier.StartsWith("@") ? identifier.Substring(1) : identifier;

    /// <summary>FNV-1a over the UTF-16 code units: the same on every machine and run (unlike <c>string.GetHashCode</c>).</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
