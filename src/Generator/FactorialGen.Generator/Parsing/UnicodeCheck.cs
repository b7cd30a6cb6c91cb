namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Finds text that is not valid Unicode in a JSON document: a lone surrogate, raw or escaped (<c>\uD800</c> without its
/// pair). System.Text.Json cannot turn such a string into .NET text and throws where it is read, so the reader refuses
/// the document up front, with a located FG1006, instead.
/// </summary>
internal static class UnicodeCheck
{
    /// <summary>The index of the first lone surrogate (raw or as a <c>\u</c> escape), or -1.</summary>
    public static int FindLoneSurrogate(char[] text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }

            if (c != '\\' || i + 1 >= text.Length)
            {
                continue;
            }

            if (text[i + 1] != 'u' || Escaped(text, i) is not { } value)
            {
                i++; // another escape (\\, \", \n, ...): skip its second character
                continue;
            }

            if (value is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 11 < text.Length && text[i + 6] == '\\' && text[i + 7] == 'u' && Escaped(text, i + 6) is >= 0xDC00 and <= 0xDFFF)
                {
                    i += 11;
                    continue;
                }

                return i;
            }

            if (value is >= 0xDC00 and <= 0xDFFF)
            {
                return i;
            }

            i += 5;
        }

        return -1;
    }

    /// <summary>The value of the <c>\uXXXX</c> escape at <paramref name="at"/>, or null when it is not one.</summary>
    private static int? Escaped(char[] text, int at)
    {
        if (at + 5 >= text.Length)
        {
            return null;
        }

        var value = 0;
        for (var k = at + 2; k < at + 6; k++)
        {
            var digit = text[k] switch
            {
                >= '0' and <= '9' => text[k] - '0',
                >= 'a' and <= 'f' => text[k] - 'a' + 10,
                >= 'A' and <= 'F' => text[k] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return null;
            }

            value = (value * 16) + digit;
        }

        return value;
    }
}
