using System.Globalization;
using System.Text;

namespace FactorialGen.Generator.Diagnostics;

/// <summary>
/// User text a diagnostic message quotes (a FactorialSpec item's metadata value, a document's file name): one line, at
/// most <see cref="MaxLength"/> characters of it, with <c>\</c>, <c>'</c>, <c>"</c>, control, format (bidirectional) and
/// line-separator characters written as C# escapes (<c>\\</c>, <c>\'</c>, <c>\"</c>, <c>\n</c>, <c>\u202E</c>). A value
/// can then neither end the quoted text early nor split or reorder the message; it is only ever a format argument.
/// </summary>
internal static class MessageText
{
    /// <summary>How many characters of the text a message shows; a longer text ends with <c>...</c>.</summary>
    public const int MaxLength = 80;

    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (i == MaxLength)
            {
                return builder.Append("...").ToString();
            }

            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && i + 1 < MaxLength)
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }

            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\'': builder.Append("\\'"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    builder.Append(NeedsEscape(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is
            UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
