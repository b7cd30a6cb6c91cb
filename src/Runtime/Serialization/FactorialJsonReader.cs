using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FactorialGen.Serialization;

/// <summary>Reads one JSON value with a <see cref="Utf8JsonReader"/> positioned on it.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public delegate T? FactorialItemReader<T>(ref Utf8JsonReader reader);

/// <summary>Reads one JSON value of a value type; <see langword="null"/> when there is none.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public delegate T? FactorialValueReader<T>(ref Utf8JsonReader reader)
    where T : struct;

/// <summary>
/// Tolerant readers for generated JSON converters. Real Factorial answers do not always match their document:
/// numbers come as strings and the reverse, enums as null. These read what they can, give <see langword="null"/>
/// for a scalar they cannot make sense of, and throw <see cref="JsonException"/> only for a structural mismatch.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FactorialJsonReader
{
    /// <summary>Throws unless the reader is on the start of an object.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeName} but found {reader.TokenType}.");
        }
    }

    /// <summary>The error for a required property that was missing or null.</summary>
    public static JsonException MissingRequired(string typeName, string propertyName) =>
        new($"{typeName}: the required property '{propertyName}' is missing or null.");

    /// <summary>A string; numbers and booleans are taken as their text.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => throw Structural(ref reader, "a string"),
    };

    /// <summary>A 64-bit integer; numeric strings are parsed, anything else unparsable is null.</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer))
                {
                    return integer;
                }

                return reader.TryGetDouble(out var real) && real >= long.MinValue && real <= long.MaxValue && Math.Floor(real) == real ? (long)real : null;
            case JsonTokenType.String:
                return long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            case JsonTokenType.Null or JsonTokenType.True or JsonTokenType.False:
                return null;
            default:
                throw Structural(ref reader, "an integer");
        }
    }

    /// <summary>A 32-bit integer; see <see cref="ReadInt64"/>.</summary>
    public static int? ReadInt32(ref Utf8JsonReader reader) =>
        ReadInt64(ref reader) is { } value && value >= int.MinValue && value <= int.MaxValue ? (int)value : null;

    /// <summary>A floating-point number; numeric strings are parsed.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var value) ? value : null;
            case JsonTokenType.String:
                return double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            case JsonTokenType.Null or JsonTokenType.True or JsonTokenType.False:
                return null;
            default:
                throw Structural(ref reader, "a number");
        }
    }

    /// <summary>A boolean; <c>"true"</c>/<c>"false"</c> and 1/0 are accepted.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return bool.TryParse(reader.GetString(), out var parsed) ? parsed : null;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) && number is 0 or 1 ? number == 1 : null;
            case JsonTokenType.Null:
                return null;
            default:
                throw Structural(ref reader, "a boolean");
        }
    }

    /// <summary>A calendar date (<c>yyyy-MM-dd</c>, or the date part of a timestamp); anything else unparsable is null.</summary>
    public static DateOnly? ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return SkipScalar<DateOnly>(ref reader, "a date");
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped && TryParseIsoDate(reader.ValueSpan, out var fast))
        {
            return fast; // the common case, straight from the UTF-8 bytes: no string
        }

        var text = reader.GetString();
        return text is { Length: >= 10 } && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>A timestamp in ISO 8601 (UTC when it has no offset); anything else unparsable is null.</summary>
    public static DateTimeOffset? ReadDateTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return SkipScalar<DateTimeOffset>(ref reader, "a timestamp");
        }

        // With an explicit offset ('Z' or ±hh:mm) System.Text.Json's ISO 8601 parser reads the UTF-8 bytes without a
        // string and agrees with the parse below; without one it would assume local time, so those take the slow path.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && HasExplicitOffset(reader.ValueSpan) && reader.TryGetDateTimeOffset(out var fast))
        {
            return fast;
        }

        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value) ? value : null;
    }

    /// <summary>Any JSON value, kept as it is; null stays null.</summary>
    public static JsonElement? ReadElement(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);

    /// <summary>An array, read item by item; null items are dropped. A null array is null.</summary>
    public static IReadOnlyList<T>? ReadList<T>(ref Utf8JsonReader reader, FactorialItemReader<T> readItem)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Structural(ref reader, "an array");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = readItem(ref reader);
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>An array of values, read item by item; null or unreadable items are dropped. A null array is null.</summary>
    public static IReadOnlyList<T>? ReadValueList<T>(ref Utf8JsonReader reader, FactorialValueReader<T> readItem)
        where T : struct
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Structural(ref reader, "an array");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (readItem(ref reader) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

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

    private static T? SkipScalar<T>(ref Utf8JsonReader reader, string expected)
        where T : struct =>
        reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? throw Structural(ref reader, expected) : null;

    private static JsonException Structural(ref Utf8JsonReader reader, string expected)
    {
        var found = reader.TokenType;
        if (found is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        return new JsonException($"Expected {expected} but found {found}.");
    }
}
