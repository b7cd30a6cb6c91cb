using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FactorialGen.Serialization;

/// <summary>
/// Reads a list page in one pass over the body, in either shape: a bare array, or <c>{ "data": [...], "meta": {...} }</c>
/// with the two properties in any order. Null items are dropped; <c>meta</c> is read tolerantly (numbers may come as
/// strings, cursors as numbers, any field may be null or missing).
/// </summary>
internal static class FactorialPageReader
{
    /// <summary>Reads a whole page from <paramref name="json"/> (the complete body).</summary>
    /// <exception cref="FactorialPageShapeException">The body is JSON but not a list.</exception>
    /// <exception cref="FactorialPageItemException">An item could not be read.</exception>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public static FactorialPage<T> Read<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> itemType)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        if (!reader.Read())
        {
            throw new JsonException("The body does not contain any JSON value.");
        }

        var page = ReadValue(ref reader, itemType);
        if (reader.Read())
        {
            throw new JsonException("The body holds more than one JSON value.");
        }

        return page;
    }

    private static FactorialPage<T> ReadValue<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> itemType)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return new FactorialPage<T>(ReadItems(ref reader, itemType), null);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FactorialPageShapeException(KindOf(reader.TokenType));
        }

        List<T>? items = null;
        FactorialPageMeta? meta = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    items = ReadItems(ref reader, itemType);
                }
                else
                {
                    items = null;
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("meta"u8))
            {
                reader.Read();
                meta = ReadMeta(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return items is null ? throw new FactorialPageShapeException(JsonValueKind.Object) : new FactorialPage<T>(items, meta);
    }

    private static List<T> ReadItems<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> itemType)
    {
        // A value converter (every generated model's, and custom ones) is called directly: the per-value setup of
        // JsonSerializer.Deserialize is measurable over a page of 100. Object metadata from a JsonSerializerContext
        // (Kind Object) keeps going through the serializer, which drives its resumable converters.
        var converter = itemType.Kind == JsonTypeInfoKind.None ? itemType.Converter as JsonConverter<T> : null;
        var options = itemType.Options;
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            T? item;
            var start = reader.TokenStartIndex;
            try
            {
                item = converter is not null ? converter.Read(ref reader, typeof(T), options) : JsonSerializer.Deserialize(ref reader, itemType);
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
            {
                if (converter is null && ex is FactorialJsonValueException value)
                {
                    value.Rebase(start); // the serializer read the item through a reader of its own
                }

                throw new FactorialPageItemException(items.Count, start, ex);
            }

            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>The <c>meta</c> object; anything other than an object is no meta.</summary>
    private static FactorialPageMeta? ReadMeta(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        int? limit = null, total = null;
        bool hasNext = false, hasPrevious = false;
        string? start = null, end = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("limit"u8))
            {
                reader.Read();
                limit = Int(ref reader);
            }
            else if (reader.ValueTextEquals("total"u8))
            {
                reader.Read();
                total = Int(ref reader);
            }
            else if (reader.ValueTextEquals("has_next_page"u8))
            {
                reader.Read();
                hasNext = Bool(ref reader);
            }
            else if (reader.ValueTextEquals("has_previous_page"u8))
            {
                reader.Read();
                hasPrevious = Bool(ref reader);
            }
            else if (reader.ValueTextEquals("start_cursor"u8))
            {
                reader.Read();
                start = Text(ref reader);
            }
            else if (reader.ValueTextEquals("end_cursor"u8))
            {
                reader.Read();
                end = Text(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new FactorialPageMeta(limit, total, hasNext, hasPrevious, start, end);
    }

    private static int? Int(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var number) => number,
        JsonTokenType.String when int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        JsonTokenType.StartObject or JsonTokenType.StartArray => SkipNull<int>(ref reader),
        _ => null,
    };

    private static bool Bool(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.String => bool.TryParse(reader.GetString(), out var parsed) && parsed,
        JsonTokenType.StartObject or JsonTokenType.StartArray => SkipNull<bool>(ref reader) ?? false,
        _ => false,
    };

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString() is { Length: > 0 } text ? text : null,
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        JsonTokenType.StartObject or JsonTokenType.StartArray => SkipText(ref reader),
        _ => null,
    };

    private static T? SkipNull<T>(ref Utf8JsonReader reader)
        where T : struct
    {
        reader.Skip();
        return null;
    }

    private static string? SkipText(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };
}

/// <summary>A list body that is valid JSON but neither an array nor an object with a <c>data</c> array.</summary>
internal sealed class FactorialPageShapeException(JsonValueKind kind)
    : Exception($"Expected a list (an array, or an object with a 'data' array) but got a JSON {kind}");

/// <summary>One item of a list that could not be read.</summary>
internal sealed class FactorialPageItemException(int index, long offset, Exception inner)
    : Exception($"Item {index} of the list could not be read: {inner.Message}", inner)
{
    /// <summary>The item's index among the list's items.</summary>
    public int Index { get; } = index;

    /// <summary>Where the item starts in the body, in bytes.</summary>
    public long Offset { get; } = offset;
}
