using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// The base of a generated enum's converter: the enum's string values, in the order of its members after
/// <c>Unknown = 0</c> (value i + 1 is the member at position i). A value the table does not hold, an object or an
/// array reads as <c>Unknown</c>; <c>Unknown</c> writes as null.
/// </summary>
/// <typeparam name="T">The generated enum (an <see cref="int"/> enum).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class FactorialEnumConverter<T> : JsonConverter<T>, IFactorialJsonConverter
    where T : struct, Enum
{
    private readonly FactorialJsonNames _values;
    private JsonTypeInfo<T>? _info;

    /// <summary>Creates the converter.</summary>
    /// <param name="values">The string values of the enum's members after <c>Unknown</c>, in order.</param>
    protected FactorialEnumConverter(FactorialJsonNames values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (Unsafe.SizeOf<T>() != sizeof(int))
        {
            throw new ArgumentException($"{typeof(T).Name} is not an int enum.", nameof(values));
        }

        _values = values;
        ItemReader = ReadValue;
        ItemWriter = WriteValue;
    }

    /// <summary><see cref="ReadValue"/> as a delegate, for lists of this enum.</summary>
    public FactorialValueReader<T> ItemReader { get; }

    /// <summary><see cref="WriteValue"/> as a delegate, for lists of this enum.</summary>
    public FactorialItemWriter<T> ItemWriter { get; }

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    Type IFactorialJsonConverter.ValueType => typeof(T);

    /// <summary>The value the reader is on: null for a JSON null, <c>Unknown</c> for a value the enum does not list.</summary>
    /// <param name="reader">A reader on the value.</param>
    public T? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var value = _values.IndexOf(ref reader) + 1;
                return Unsafe.As<int, T>(ref value);
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return default(T);
            default:
                return default(T);
        }
    }

    /// <summary>Writes <paramref name="value"/> as its string; <c>Unknown</c> (or a value the enum does not declare) as null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public void WriteValue(Utf8JsonWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var position = Unsafe.As<T, int>(ref value) - 1;
        if ((uint)position < (uint)_values.Count)
        {
            writer.WriteStringValue(_values[position]);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>
    /// The metadata of <typeparamref name="T"/> in <paramref name="options"/> (whose resolver must know it), kept for the
    /// next call with the same options.
    /// </summary>
    /// <param name="options">The options, usually the document's <c>FactorialJson.Options</c>.</param>
    public JsonTypeInfo<T> TypeInfo(JsonSerializerOptions options) => FactorialJsonInfo.Get(ref _info, options);

    /// <summary>Writes a property holding <paramref name="value"/> unless it is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    public void WriteProperty(Utf8JsonWriter writer, JsonEncodedText name, T? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } present)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, present);
        }
    }

    /// <inheritdoc />
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader) ?? default;

    /// <inheritdoc />
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <inheritdoc />
    JsonTypeInfo IFactorialJsonConverter.CreateTypeInfo(JsonSerializerOptions options) => JsonMetadataServices.CreateValueInfo<T>(options, this);
}
