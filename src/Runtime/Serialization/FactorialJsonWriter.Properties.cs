using System;
using System.Collections.Generic;
using System.Text.Json;

namespace FactorialGen.Runtime.Generated;

/// <summary>Property writers for generated converters: one call per field, and nothing at all for a null value.</summary>
public static partial class FactorialJsonWriter
{
    /// <summary>Writes a string property unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    public static void PropertyString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a required string property: a null <paramref name="value"/> is written as JSON null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <remarks>
    /// One overload, for the generated converters: a call of <see cref="Utf8JsonWriter.WriteString(JsonEncodedText, string?)"/>
    /// makes the compiler weigh its two dozen overloads at each of thousands of call sites.
    /// </remarks>
    public static void PropertyStringOrNull(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(name, value);
    }

    /// <summary>Writes a number property unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    public static void PropertyInt32(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes a number property unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    public static void PropertyInt64(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes a number property unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    public static void PropertyDouble(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes a boolean property unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    public static void PropertyBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }

    /// <summary>Writes a date property (<c>yyyy-MM-dd</c>) unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    public static void PropertyDate(Utf8JsonWriter writer, JsonEncodedText name, DateOnly? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } date)
        {
            writer.WritePropertyName(name);
            WriteDate(writer, date);
        }
    }

    /// <summary>Writes a date-time property unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    public static void PropertyDateTime(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } time)
        {
            writer.WriteString(name, time);
        }
    }

    /// <summary>Writes a property holding any JSON value unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="value">The value.</param>
    public static void PropertyElement(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } element)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }
    }

    /// <summary>Writes a list property as a JSON array unless <paramref name="items"/> is null.</summary>
    /// <typeparam name="T">The items' type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's encoded name.</param>
    /// <param name="items">The list.</param>
    /// <param name="writeItem">Writes one (non-null) item.</param>
    public static void PropertyList<T>(Utf8JsonWriter writer, JsonEncodedText name, IEnumerable<T>? items, FactorialItemWriter<T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (items is not null)
        {
            writer.WritePropertyName(name);
            WriteList(writer, items, writeItem);
        }
    }
}
