using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

using FactorialGen.Serialization;

namespace FactorialGen.Runtime.Generated;

/// <summary>Reads one JSON value with a <see cref="Utf8JsonReader"/> positioned on it.</summary>
/// <typeparam name="T">The value's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T? FactorialItemReader<T>(ref Utf8JsonReader reader);

/// <summary>Reads one JSON value of a value type; <see langword="null"/> when there is none.</summary>
/// <typeparam name="T">The value's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T? FactorialValueReader<T>(ref Utf8JsonReader reader)
    where T : struct;

/// <summary>
/// Readers for generated JSON converters. Real Factorial answers do not always match their document: numbers come as
/// strings and the reverse, enums as null. These accept every spelling of a value that means the same thing (<c>"12"</c>
/// and <c>12</c>, <c>1.0</c> for an integer, an empty string for an absent number or date), and refuse a value that
/// does not fit its type with a <see cref="JsonException"/> that the request layer turns into
/// <see cref="FactorialInvalidResponseException"/> with the value's JSON path: a fraction or an out-of-range number in
/// an integer field, a number that overflows a double, a date that does not exist. Never a saturated, rounded or
/// silently dropped value.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class FactorialJsonReader
{
    /// <summary>Throws unless the reader is on the start of an object.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Structural(ref reader, $"a JSON object for {typeName}");
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

    /// <summary>
    /// A 64-bit integer: a JSON number or a string holding one (<c>"12"</c>, <c>1.0</c> and <c>1e3</c> are whole
    /// numbers); null or an empty string is null. A fraction, a value outside Int64 or anything else is an error.
    /// </summary>
    /// <exception cref="JsonException">The value is not a whole number that fits in an Int64.</exception>
    public static long? ReadInt64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer))
                {
                    return integer; // the common case: no text, no allocation
                }

                return WholeNumber(NumberText(ref reader), ref reader, "Int64", long.MinValue, long.MaxValue);
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                return string.IsNullOrWhiteSpace(text) ? null : WholeNumber(text.Trim(), ref reader, "Int64", long.MinValue, long.MaxValue);
            case JsonTokenType.Null:
                return null;
            default:
                throw Structural(ref reader, "an integer");
        }
    }

    /// <summary>A 32-bit integer; see <see cref="ReadInt64"/>. A value outside Int32 is an error, never cut down.</summary>
    /// <exception cref="JsonException">The value is not a whole number that fits in an Int32.</exception>
    public static int? ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var integer))
        {
            return integer;
        }

        var value = ReadInt64(ref reader);
        return value is null ? null
            : value is >= int.MinValue and <= int.MaxValue ? (int)value
            : throw ValueError(ref reader, $"Expected a whole number that fits in Int32 but found {Describe(ref reader)}, which is out of range");
    }

    /// <summary>
    /// A floating-point number: a JSON number or a string holding one; null or an empty string is null. A number too
    /// large for a double (it would become infinity), a non-zero number too small for one (it would become 0),
    /// <c>"NaN"</c>, <c>"Infinity"</c> or any other text is an error.
    /// </summary>
    /// <exception cref="JsonException">The value is not a finite number a double can hold.</exception>
    public static double? ReadDouble(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDouble(out var value) && double.IsFinite(value) && (value != 0 || !HasNonZeroDigit(NumberText(ref reader))))
                {
                    return value;
                }

                throw ValueError(ref reader, $"Expected a number a double can hold but found {Describe(ref reader)}, which would become {(value == 0 ? "0" : "infinity")}");
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) && (parsed != 0 || !HasNonZeroDigit(text)))
                {
                    return parsed;
                }

                return string.IsNullOrWhiteSpace(text) ? null : throw ValueError(ref reader, "Expected a number but found a string that is not a finite number a double can hold");
            case JsonTokenType.Null:
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

    private static T? NotAString<T>(ref Utf8JsonReader reader, string expected)
        where T : struct =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.StartObject or JsonTokenType.StartArray => throw Structural(ref reader, expected),
            _ => throw ValueError(ref reader, $"Expected {expected} but found {Describe(ref reader)}"),
        };

    /// <summary>
    /// A whole number from the text of a JSON number (or of a string holding one) that <see cref="long.TryParse(string?, out long)"/>
    /// did not take: <c>1.0</c>, <c>1e3</c> and <c>-0</c> are whole; a fraction, an overflow or other text is an error.
    /// Exact: the digits are compared, never rounded through a double or a decimal.
    /// </summary>
    private static long WholeNumber(string text, ref Utf8JsonReader reader, string typeName, long min, long max)
    {
        var shape = ExactInteger.Parse(text, out var value);
        return shape switch
        {
            ExactInteger.Shape.Whole when value >= min && value <= max => (long)value,
            ExactInteger.Shape.Whole or ExactInteger.Shape.TooLarge => throw ValueError(ref reader, $"Expected a whole number that fits in {typeName} but found {Describe(ref reader)}, which is out of range"),
            ExactInteger.Shape.Fraction => throw ValueError(ref reader, $"Expected a whole number ({typeName}) but found {Describe(ref reader)}, which has a fraction"),
            _ => throw ValueError(ref reader, $"Expected a whole number ({typeName}) but found {Describe(ref reader)}"),
        };
    }

    private static string NumberText(ref Utf8JsonReader reader) =>
        Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);

    private static bool HasNonZeroDigit(string number)
    {
        foreach (var c in number)
        {
            if (c is 'e' or 'E')
            {
                return false; // the exponent's digits do not make the value non-zero
            }

            if (c is >= '1' and <= '9')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the reader is on, for an error message: a number's text (cut short), never a string's content.</summary>
    private static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                var text = NumberText(ref reader);
                return text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
            case JsonTokenType.String:
                return "a string"; // response text may be personal data: it stays out of messages
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                return reader.TokenType.ToString();
        }
    }

    private static FactorialJsonValueException ValueError(ref Utf8JsonReader reader, string message) =>
        new(message + ".", reader.TokenStartIndex);

    private static FactorialJsonValueException Structural(ref Utf8JsonReader reader, string expected)
    {
        var found = reader.TokenType;
        var start = reader.TokenStartIndex;
        if (found is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        return new FactorialJsonValueException($"Expected {expected} but found {found}.", start);
    }
}
