using System;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace FactorialGen.Runtime.Generated;

// The per-field calls of generated models and converters, on the converter (which holds the model's JSON names): a
// model's reading constructor says `case 3: StartsOn = c.Date(ref r); break;` and its converter's WriteValue
// `WriteDate(w, 3, v.StartsOn);`. Short calls on a member (not on a namespace- or alias-qualified static class) are less
// for the consumer's compiler to parse and bind, at thousands of call sites in a full document, and no type of the
// document or the user can capture them.
public abstract partial class FactorialObjectConverter<T>
{
    /// <summary>Moves the reader to the next field of the object and finds its position in the names.</summary>
    /// <param name="reader">A reader inside the object.</param>
    /// <param name="position">The position of the field read last (-1 before the first); the new field's on return (-1: unknown).</param>
    /// <returns><see langword="false"/> at the end of the object.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool NextField(ref Utf8JsonReader reader, ref int position) => _names.ReadNextField(ref reader, ref position);

    /// <summary>Reads a string field (numbers and booleans as their text); null for JSON null.</summary>
    /// <param name="reader">A reader on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string? String(ref Utf8JsonReader reader) => FactorialJsonReader.ReadString(ref reader);

    /// <summary>Reads an integer field; null for JSON null.</summary>
    /// <param name="reader">A reader on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int? Int32(ref Utf8JsonReader reader) => FactorialJsonReader.ReadInt32(ref reader);

    /// <summary>Reads an integer field; null for JSON null.</summary>
    /// <param name="reader">A reader on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long? Int64(ref Utf8JsonReader reader) => FactorialJsonReader.ReadInt64(ref reader);

    /// <summary>Reads a number field; null for JSON null.</summary>
    /// <param name="reader">A reader on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double? Double(ref Utf8JsonReader reader) => FactorialJsonReader.ReadDouble(ref reader);

    /// <summary>Reads a boolean field; null for JSON null.</summary>
    /// <param name="reader">A reader on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool? Boolean(ref Utf8JsonReader reader) => FactorialJsonReader.ReadBoolean(ref reader);

    /// <summary>Reads a date field; null for JSON null.</summary>
    /// <param name="reader">A reader on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DateOnly? Date(ref Utf8JsonReader reader) => FactorialJsonReader.ReadDate(ref reader);

    /// <summary>Reads a date-time field; null for JSON null.</summary>
    /// <param name="reader">A reader on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DateTimeOffset? DateTime(ref Utf8JsonReader reader) => FactorialJsonReader.ReadDateTime(ref reader);

    /// <summary>Reads any JSON value as an element; null for JSON null.</summary>
    /// <param name="reader">A reader on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public JsonElement? Element(ref Utf8JsonReader reader) => FactorialJsonReader.ReadElement(ref reader);

    /// <summary>The encoded JSON name at <paramref name="position"/>.</summary>
    /// <param name="position">The field's position in the names.</param>
    /// <returns>The name, encoded for writing.</returns>
    protected JsonEncodedText Name(int position) => _names[position];

    /// <summary>Writes the string field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position in the names.</param>
    /// <param name="value">The value.</param>
    protected void WriteString(Utf8JsonWriter writer, int position, string? value) => FactorialJsonWriter.PropertyString(writer, _names[position], value);

    /// <summary>Writes the required string field at <paramref name="position"/>: a null <paramref name="value"/> as JSON null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position in the names.</param>
    /// <param name="value">The value.</param>
    protected void WriteStringOrNull(Utf8JsonWriter writer, int position, string? value) => FactorialJsonWriter.PropertyStringOrNull(writer, _names[position], value);

    /// <summary>Writes the integer field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position in the names.</param>
    /// <param name="value">The value.</param>
    protected void WriteInt32(Utf8JsonWriter writer, int position, int? value) => FactorialJsonWriter.PropertyInt32(writer, _names[position], value);

    /// <summary>Writes the integer field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position in the names.</param>
    /// <param name="value">The value.</param>
    protected void WriteInt64(Utf8JsonWriter writer, int position, long? value) => FactorialJsonWriter.PropertyInt64(writer, _names[position], value);

    /// <summary>Writes the number field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position in the names.</param>
    /// <param name="value">The value.</param>
    protected void WriteDouble(Utf8JsonWriter writer, int position, double? value) => FactorialJsonWriter.PropertyDouble(writer, _names[position], value);

    /// <summary>Writes the boolean field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position in the names.</param>
    /// <param name="value">The value.</param>
    protected void WriteBoolean(Utf8JsonWriter writer, int position, bool? value) => FactorialJsonWriter.PropertyBoolean(writer, _names[position], value);

    /// <summary>Writes the date field at <paramref name="position"/> (<c>yyyy-MM-dd</c>) unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position in the names.</param>
    /// <param name="value">The value.</param>
    protected void WriteDate(Utf8JsonWriter writer, int position, DateOnly? value) => FactorialJsonWriter.PropertyDate(writer, _names[position], value);

    /// <summary>Writes the date-time field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position in the names.</param>
    /// <param name="value">The value.</param>
    protected void WriteDateTime(Utf8JsonWriter writer, int position, DateTimeOffset? value) => FactorialJsonWriter.PropertyDateTime(writer, _names[position], value);

    /// <summary>Writes the JSON field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position in the names.</param>
    /// <param name="value">The value.</param>
    protected void WriteElement(Utf8JsonWriter writer, int position, JsonElement? value) => FactorialJsonWriter.PropertyElement(writer, _names[position], value);
}
