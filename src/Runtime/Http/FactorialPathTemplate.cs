using System;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// Fills the <c>{…}</c> placeholders of an operation's path template with escaped values, in order. A placeholder is a
/// <c>{</c> and the next <c>}</c> after it (the generator counts them the same way); a <c>{</c> with no <c>}</c> after it
/// is text. Each value is escaped with <see cref="Uri.EscapeDataString(string)"/>, so the path is byte for byte the
/// concatenation generated operations wrote before (<c>"…/leaves/" + Uri.EscapeDataString(id)</c>).
/// </summary>
internal static class FactorialPathTemplate
{
    /// <summary>At most this many values: the overloads take 0 to 3 (no params array, no allocation for it).</summary>
    private const int MaxValues = 3;

    /// <summary>The path of <paramref name="template"/> with its <paramref name="count"/> placeholders filled in.</summary>
    /// <exception cref="ArgumentException">The template does not have exactly <paramref name="count"/> placeholders.</exception>
    public static string Fill(string template, int count, string? first, string? second, string? third)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        if (count <= 1)
        {
            return FillOne(template, count, first); // most operations: no stack arrays, no state, one concatenation
        }

        Span<int> opens = stackalloc int[MaxValues];
        Span<int> closes = stackalloc int[MaxValues];
        var found = 0;
        var position = 0;
        while (true)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                break;
            }

            if (found == count)
            {
                throw Mismatch(template, count, found + 1);
            }

            opens[found] = open;
            closes[found] = close;
            found++;
            position = close + 1;
        }

        if (found != count)
        {
            throw Mismatch(template, count, found);
        }

        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (count == MaxValues)
        {
            ArgumentNullException.ThrowIfNull(third);
        }

        var values = new Values(
            template,
            Uri.EscapeDataString(first),
            Uri.EscapeDataString(second),
            count == MaxValues ? Uri.EscapeDataString(third!) : string.Empty,
            count,
            (opens[0], closes[0]),
            (opens[1], closes[1]),
            count == MaxValues ? (opens[2], closes[2]) : (0, 0));
        return string.Create(values.Length, values, static (span, v) => v.CopyTo(span));
    }

    /// <summary><see cref="Fill"/> of a template with no placeholder (<paramref name="count"/> 0) or one.</summary>
    private static string FillOne(string template, int count, string? value)
    {
        var open = template.IndexOf('{');
        var close = open < 0 ? -1 : template.IndexOf('}', open);
        if (close < 0)
        {
            return count == 0 ? template : throw Mismatch(template, count, 0);
        }

        if (count == 0)
        {
            throw Mismatch(template, count, 1);
        }

        var next = template.IndexOf('{', close + 1);
        if (next >= 0 && template.IndexOf('}', next) >= 0)
        {
            throw Mismatch(template, count, 2);
        }

        ArgumentNullException.ThrowIfNull(value, "first");
        return string.Concat(template.AsSpan(0, open), Uri.EscapeDataString(value), template.AsSpan(close + 1));
    }

    private static ArgumentException Mismatch(string template, int given, int found) => new(
        $"The path template '{template}' has {(found > given ? "more than " + given : found)} placeholder(s) but {given} value(s) were given, so the path cannot be built. " +
        "Generated code gives one value per placeholder: regenerate the client with the FactorialGen version of this runtime.",
        nameof(template));

    /// <summary>The template, the escaped values and where the placeholders are: the state of <see cref="string.Create{TState}"/>.</summary>
    private readonly record struct Values(string Template, string First, string Second, string Third, int Count, (int Open, int Close) A, (int Open, int Close) B, (int Open, int Close) C)
    {
        public int Length => Template.Length + First.Length + Second.Length + Third.Length
            - (A.Close - A.Open + 1) - (B.Close - B.Open + 1) - (Count == 3 ? C.Close - C.Open + 1 : 0);

        public void CopyTo(Span<char> span)
        {
            var text = Template.AsSpan();
            var written = 0;
            var from = 0;
            Copy(text, span, ref written, ref from, A, First);
            Copy(text, span, ref written, ref from, B, Second);
            if (Count == 3)
            {
                Copy(text, span, ref written, ref from, C, Third);
            }

            text[from..].CopyTo(span[written..]);
        }

        private static void Copy(ReadOnlySpan<char> text, Span<char> span, ref int written, ref int from, (int Open, int Close) placeholder, string value)
        {
            var literal = text[from..placeholder.Open];
            literal.CopyTo(span[written..]);
            written += literal.Length;
            value.AsSpan().CopyTo(span[written..]);
            written += value.Length;
            from = placeholder.Close + 1;
        }
    }
}
