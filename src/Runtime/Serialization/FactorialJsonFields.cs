using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// The fields of one generated model: its name and JSON names, and the per-field reads and writes its generated code
/// makes. A model's reading constructor says <c>case 3: StartsOn = f.Date(ref r); break;</c> and its converter's
/// <c>WriteValue</c> <c>F.WriteDate(w, 3, v.StartsOn);</c>.
/// </summary>
/// <remarks>
/// One sealed, non-generic class for every model: a call is a member of a parameter or field (short to parse, and no
/// type of the document or the user can capture it), binds to one method, and compiles to the same method reference
/// in every model (a member of the generic converter base would be a separate reference per model).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FactorialJsonFields
{
    /// <summary>Creates the fields of a model.</summary>
    /// <param name="typeName">The model's name, for error messages.</param>
    /// <param name="names">The JSON names of the model's fields, in order: a field's position is its index.</param>
    public FactorialJsonFields(string typeName, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        TypeName = typeName;
        Names = new FactorialJsonNames(names);
    }

    /// <summary>The model's name.</summary>
    public string TypeName { get; }

    /// <summary>The JSON names of the fields.</summary>
    public FactorialJsonNames Names { get; }

    /// <summary>
    /// Moves the reader to the value of the next field of the object that the model knows, skipping the others (a
    /// field the document does not list is no error), and finds its position.
    /// </summary>
    /// <param name="reader">A reader inside the object.</param>
    /// <param name="position">The position of the field read last (-1 before the first); the new field's on return.</param>
    /// <returns><see langword="false"/> at the end of the object.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Next(ref Utf8JsonReader reader, ref int position)
    {
        while (Names.ReadNextField(ref reader, ref position))
        {
            if (position >= 0)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>The error for the required field at <paramref name="position"/>, missing or null in the object read.</summary>
    /// <param name="position">The field's position.</param>
    /// <returns>The exception to throw: its message names the model and the JSON field, never a value.</returns>
    public JsonException Missing(int position) => FactorialJsonReader.MissingRequired(TypeName, Names.Name(position));

    /// <summary>The JSON name at <paramref name="position"/>, encoded for writing.</summary>
    /// <param name="position">The field's position.</param>
    /// <returns>The encoded name.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public JsonEncodedText Name(int position) => Names[position];

    /// <summary>Reads a string field (numbers and booleans as their text); null for JSON null.</summary>
    /// <param name="reader">A reader on the value.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
#pragma warning disable CA1822 // instance members, so generated code calls them on the fields it already has
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
#pragma warning restore CA1822

    /// <summary>Writes the string field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position.</param>
    /// <param name="value">The value.</param>
    public void WriteString(Utf8JsonWriter writer, int position, string? value) => FactorialJsonWriter.PropertyString(writer, Names[position], value);

    /// <summary>Writes the required string field at <paramref name="position"/>: a null <paramref name="value"/> as JSON null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position.</param>
    /// <param name="value">The value.</param>
    public void WriteStringOrNull(Utf8JsonWriter writer, int position, string? value) => FactorialJsonWriter.PropertyStringOrNull(writer, Names[position], value);

    /// <summary>Writes the integer field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position.</param>
    /// <param name="value">The value.</param>
    public void WriteInt32(Utf8JsonWriter writer, int position, int? value) => FactorialJsonWriter.PropertyInt32(writer, Names[position], value);

    /// <summary>Writes the integer field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position.</param>
    /// <param name="value">The value.</param>
    public void WriteInt64(Utf8JsonWriter writer, int position, long? value) => FactorialJsonWriter.PropertyInt64(writer, Names[position], value);

    /// <summary>Writes the number field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position.</param>
    /// <param name="value">The value.</param>
    public void WriteDouble(Utf8JsonWriter writer, int position, double? value) => FactorialJsonWriter.PropertyDouble(writer, Names[position], value);

    /// <summary>Writes the boolean field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position.</param>
    /// <param name="value">The value.</param>
    public void WriteBoolean(Utf8JsonWriter writer, int position, bool? value) => FactorialJsonWriter.PropertyBoolean(writer, Names[position], value);

    /// <summary>Writes the date field at <paramref name="position"/> (<c>yyyy-MM-dd</c>) unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position.</param>
    /// <param name="value">The value.</param>
    public void WriteDate(Utf8JsonWriter writer, int position, DateOnly? value) => FactorialJsonWriter.PropertyDate(writer, Names[position], value);

    /// <summary>Writes the date-time field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position.</param>
    /// <param name="value">The value.</param>
    public void WriteDateTime(Utf8JsonWriter writer, int position, DateTimeOffset? value) => FactorialJsonWriter.PropertyDateTime(writer, Names[position], value);

    /// <summary>Writes the JSON field at <paramref name="position"/> unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="position">The field's position.</param>
    /// <param name="value">The value.</param>
    public void WriteElement(Utf8JsonWriter writer, int position, JsonElement? value) => FactorialJsonWriter.PropertyElement(writer, Names[position], value);
}
