using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

using FactorialGen.Serialization;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// <see cref="JsonTypeInfo{T}"/>s for values that are not generated models (strings, numbers, raw JSON, lists),
/// built through <see cref="JsonMetadataServices"/>: no reflection.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FactorialJsonTypes
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new EmptyResolver() };

    /// <summary>A string (numbers are taken as their text).</summary>
    public static JsonTypeInfo<string> String { get; } = JsonMetadataServices.CreateValueInfo<string>(Options, new ItemConverter<string>(static (ref Utf8JsonReader r) => FactorialJsonReader.ReadString(ref r), static (w, v) => w.WriteStringValue(v)));

    /// <summary>A 64-bit integer.</summary>
    public static JsonTypeInfo<long> Int64 { get; } = JsonMetadataServices.CreateValueInfo<long>(Options, new StructConverter<long>(static (ref Utf8JsonReader r) => FactorialJsonReader.ReadInt64(ref r), static (w, v) => w.WriteNumberValue(v)));

    /// <summary>A 32-bit integer.</summary>
    public static JsonTypeInfo<int> Int32 { get; } = JsonMetadataServices.CreateValueInfo<int>(Options, new StructConverter<int>(static (ref Utf8JsonReader r) => FactorialJsonReader.ReadInt32(ref r), static (w, v) => w.WriteNumberValue(v)));

    /// <summary>A floating-point number.</summary>
    public static JsonTypeInfo<double> Double { get; } = JsonMetadataServices.CreateValueInfo<double>(Options, new StructConverter<double>(static (ref Utf8JsonReader r) => FactorialJsonReader.ReadDouble(ref r), static (w, v) => w.WriteNumberValue(v)));

    /// <summary>A boolean.</summary>
    public static JsonTypeInfo<bool> Boolean { get; } = JsonMetadataServices.CreateValueInfo<bool>(Options, new StructConverter<bool>(static (ref Utf8JsonReader r) => FactorialJsonReader.ReadBoolean(ref r), static (w, v) => w.WriteBooleanValue(v)));

    /// <summary>A calendar date (<c>yyyy-MM-dd</c>).</summary>
    public static JsonTypeInfo<DateOnly> Date { get; } = JsonMetadataServices.CreateValueInfo<DateOnly>(Options, new StructConverter<DateOnly>(static (ref Utf8JsonReader r) => FactorialJsonReader.ReadDate(ref r), static (w, v) => FactorialJsonWriter.WriteDate(w, v)));

    /// <summary>A timestamp (ISO 8601).</summary>
    public static JsonTypeInfo<DateTimeOffset> DateTime { get; } = JsonMetadataServices.CreateValueInfo<DateTimeOffset>(Options, new StructConverter<DateTimeOffset>(static (ref Utf8JsonReader r) => FactorialJsonReader.ReadDateTime(ref r), static (w, v) => w.WriteStringValue(v)));

    /// <summary>Any JSON value, kept as it is.</summary>
    public static JsonTypeInfo<JsonElement> Element { get; } = JsonMetadataServices.CreateValueInfo<JsonElement>(Options, new StructConverter<JsonElement>(static (ref Utf8JsonReader r) => FactorialJsonReader.ReadElement(ref r), static (w, v) => v.WriteTo(w)));

    /// <summary>A JSON array of <paramref name="item"/>s, read as a list (null items dropped).</summary>
    public static JsonTypeInfo<IReadOnlyList<T>> ListOf<T>(JsonTypeInfo<T> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return JsonMetadataServices.CreateValueInfo<IReadOnlyList<T>>(Options, new ListConverter<T>(item));
    }

    /// <summary>Reads a JSON value with a converter made from reader and writer functions.</summary>
    public sealed class ItemConverter<T>(FactorialItemReader<T> read, FactorialItemWriter<T> write) : JsonConverter<T>
        where T : class
    {
        /// <inheritdoc />
        public override bool HandleNull => true;

        /// <inheritdoc />
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => read(ref reader);

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                write(writer, value);
            }
        }
    }

    private sealed class StructConverter<T>(ReadNullable<T> read, FactorialItemWriter<T> write) : JsonConverter<T>
        where T : struct
    {
        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            read(ref reader) ?? throw new FactorialJsonValueException($"Expected a {typeof(T).Name} value but found {reader.TokenType}.", reader.TokenStartIndex);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value);
    }

    private delegate T? ReadNullable<T>(ref Utf8JsonReader reader)
        where T : struct;

    private sealed class ListConverter<T>(JsonTypeInfo<T> item) : JsonConverter<IReadOnlyList<T>>
    {
        public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"Expected a JSON array but found {reader.TokenType}.");
            }

            // A value converter is called on this reader, so the positions of its errors stay those of the whole body;
            // other metadata goes through the serializer, which reads the item through a reader of its own.
            var converter = item.Kind == JsonTypeInfoKind.None ? item.Converter as JsonConverter<T> : null;
            var items = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                T? value;
                if (converter is not null)
                {
                    value = converter.Read(ref reader, typeof(T), item.Options);
                }
                else
                {
                    var start = reader.TokenStartIndex;
                    try
                    {
                        value = JsonSerializer.Deserialize(ref reader, item);
                    }
                    catch (FactorialJsonValueException ex)
                    {
                        ex.Rebase(start);
                        throw;
                    }
                }

                if (value is not null)
                {
                    items.Add(value);
                }
            }

            return items;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var entry in value)
            {
                JsonSerializer.Serialize(writer, entry, item);
            }

            writer.WriteEndArray();
        }
    }

    private sealed class EmptyResolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) => null;
    }
}
