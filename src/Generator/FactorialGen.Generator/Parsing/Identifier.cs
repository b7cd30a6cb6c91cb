using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FactorialGen.Generator.Parsing;

/// <summary>Turns names from the document (snake_case, with brackets, digits or any character) into C# identifiers.</summary>
internal static class Identifier
{
    /// <summary><c>clock_in</c> → <c>ClockIn</c>; <c>ids[]</c> → <c>Ids</c>; <c>2fa</c> → <c>V2fa</c>; nothing usable → <paramref name="fallback"/>.</summary>
    public static string Pascal(string? text, string fallback = "Value")
    {
        var builder = new StringBuilder();
        var upperNext = true;
        foreach (var c in text ?? string.Empty)
        {
            if (!SyntaxFacts.IsIdentifierPartCharacter(c) || c == '_')
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        return SyntaxFacts.IsIdentifierStartCharacter(builder[0]) ? builder.ToString() : "V" + builder;
    }

    /// <summary><c>employee_ids[]</c> → <c>employeeIds</c>, escaped with <c>@</c> when it is a keyword.</summary>
    public static string Camel(string? text, string fallback = "value")
    {
        var pascal = Pascal(text, Pascal(fallback));
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Escape(camel);
    }

    /// <summary>Adds <c>@</c> to a keyword so it can be an identifier.</summary>
    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>Removes a leading <c>@</c>.</summary>
    public static string Unescape(string identifier) => identifier.StartsWith("@") ? identifier.Substring(1) : identifier;
}
