using System;
using System.Collections.Generic;
using System.Globalization;
using System.ComponentModel;
using System.Text.Json;

using FactorialGen.Serialization;

namespace FactorialGen.Runtime.Generated;

/// <summary>Writes one value with a <see cref="Utf8JsonWriter"/>.</summary>
/// <typeparam name="T">The value's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void FactorialItemWriter<in T>(Utf8JsonWriter writer, T value);

/// <summary>Helpers for generated JSON converters.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class FactorialJsonWriter
{
    /// <summary>Writes a date as <c>yyyy-MM-dd</c>.</summary>
    public static void WriteDate(Utf8JsonWriter writer, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[10];
        value.TryFormat(text, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text);
    }

    /// <summary>Writes a list as a JSON array.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IEnumerable<T> items, FactorialItemWriter<T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(items);
        writer.WriteStartArray();
        foreach (var item in items)
        {
            if (item is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writeItem(writer, item);
            }
        }

        writer.WriteEndArray();
    }
}
