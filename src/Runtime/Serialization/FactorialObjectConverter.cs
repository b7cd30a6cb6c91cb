using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// The base of a generated model's converter: null and the check for an object are here, the fields in the
/// generated <see cref="ReadObject"/> and <see cref="WriteFields"/>.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class FactorialObjectConverter<T> : JsonConverter<T>, IFactorialJsonConverter
    where T : class
{
    private readonly FactorialJsonFields _fields;
    private JsonTypeInfo<T>? _info;

    /// <summary>Creates the converter over the model's fields (its name and JSON names).</summary>
    /// <param name="fields">The model's fields, which the generated reading and writing use too.</param>
    protected FactorialObjectConverter(FactorialJsonFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = fields;
        ItemReader = ReadValue;
        ItemWriter = WriteValue;
    }

    /// <summary><see cref="ReadValue"/> as a delegate, for lists of this model.</summary>
    public FactorialItemReader<T> ItemReader { get; }

    /// <summary><see cref="WriteValue"/> as a delegate, for lists of this model.</summary>
    public FactorialItemWriter<T> ItemWriter { get; }

    /// <inheritdoc />
    Type IFactorialJsonConverter.ValueType => typeof(T);

    /// <summary>Reads the model the reader is on; null for a JSON null, an error for anything but an object.</summary>
    /// <param name="reader">A reader on the value.</param>
    public T? ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        FactorialJsonReader.ExpectObject(ref reader, _fields.TypeName);
        return ReadObject(ref reader);
    }

    /// <summary>Writes <paramref name="value"/> as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The model.</param>
    public void WriteValue(Utf8JsonWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteFields(writer, value);
        writer.WriteEndObject();
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
    public sealed override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    /// <inheritdoc />
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <inheritdoc />
    JsonTypeInfo IFactorialJsonConverter.CreateTypeInfo(JsonSerializerOptions options) => JsonMetadataServices.CreateValueInfo<T>(options, this);

    /// <summary>The error for the required field at <paramref name="position"/>, missing or null in the object read.</summary>
    /// <param name="position">The field's position in the names.</param>
    protected JsonException MissingRequired(int position) => _fields.Missing(position);

    /// <summary>Writes the fields of <paramref name="value"/>, inside the object <see cref="WriteValue"/> opened.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The model.</param>
    protected abstract void WriteFields(Utf8JsonWriter writer, T value);

    /// <summary>Reads the fields of the object the reader is on (at its start), up to its end.</summary>
    /// <param name="reader">A reader on a <see cref="JsonTokenType.StartObject"/>.</param>
    protected abstract T ReadObject(ref Utf8JsonReader reader);
}
