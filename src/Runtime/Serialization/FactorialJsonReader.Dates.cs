using System;
using System.Globalization;
using System.Text.Json;

namespace FactorialGen.Runtime.Generated;

// FactorialJsonReader, part 2: calendar dates and timestamps (ISO 8601, tolerant of a timestamp in a date field and a
// date in a timestamp field; a date that does not exist is an error, never a shifted value).
public static partial class FactorialJsonReader
{
    /// <summary>
    /// A calendar date: <c>yyyy-MM-dd</c>, or the date part of an ISO 8601 timestamp. Null or an empty string is null;
    /// a date that does not exist (<c>2026-02-30</c>, year 0), any other text, a number or a boolean is an error.
    /// </summary>
    /// <exception cref="JsonException">The value is not a valid date.</exception>
    public static DateOnly? ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return NotAString<DateOnly>(ref reader, "a date (yyyy-MM-dd)");
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length == 10 && TryParseIsoDate(reader.ValueSpan, out var fast))
        {
            return fast; // the common case, straight from the UTF-8 bytes: no string
        }

        var text = reader.GetString()!;
        return TryParseDate(text, out var day) ? day
            : string.IsNullOrWhiteSpace(text) ? null
            : throw ValueError(ref reader, "Expected a date (yyyy-MM-dd) but found a string that is not a valid date");
    }

    /// <summary>
    /// A timestamp in ISO 8601 (UTC when it has no offset). Null or an empty string is null; a timestamp out of range
    /// (in UTC), any other text, a number or a boolean is an error.
    /// </summary>
    /// <exception cref="JsonException">The value is not a valid timestamp.</exception>
    public static DateTimeOffset? ReadDateTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return NotAString<DateTimeOffset>(ref reader, "a timestamp (ISO 8601)");
        }

        // With an explicit offset ('Z' or ±hh:mm) System.Text.Json's ISO 8601 parser reads the UTF-8 bytes without a
        // string and agrees with the parse below; without one it would assume local time, so those take the slow path.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && HasExplicitOffset(reader.ValueSpan) && reader.TryGetDateTimeOffset(out var fast))
        {
            return fast;
        }

        var text = reader.GetString()!;
        return TryParseDateTime(text, out var value) ? value
            : string.IsNullOrWhiteSpace(text) ? null
            : throw ValueError(ref reader, "Expected a timestamp (ISO 8601) but found a string that is not a valid timestamp");
    }

    /// <summary>Parses a date as <see cref="ReadDate"/> does: <c>yyyy-MM-dd</c>, or the date part of a valid timestamp.</summary>
    internal static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        if (text.Length < 10 || !DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return false;
        }

        // Longer text must be a whole timestamp ("2024-02-29T10:00:00Z"), not a date followed by anything.
        return text.Length == 10 || (text[10] is 'T' or 't' or ' ' && TryParseDateTime(text, out _));
    }

    private static bool TryParseDateTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);

    private static bool TryParseIsoDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length < 10 || text[4] != (byte)'-' || text[7] != (byte)'-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static bool HasExplicitOffset(ReadOnlySpan<byte> text) =>
        text.Length > 10 && (text[^1] is (byte)'Z' or (byte)'z' || (text.Length > 16 && text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':'));
}
