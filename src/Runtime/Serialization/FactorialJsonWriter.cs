using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace FactorialGen.Serialization;

/// <summary>Writes one value with a <see cref="Utf8JsonWriter"/>.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public delegate void FactorialItemWriter<in T>(Utf8JsonWriter writer, T value);

/// <summary>Helpers for generated JSON converters.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FactorialJsonWriter
{
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
