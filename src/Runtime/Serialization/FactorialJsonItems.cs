using System;
using System.ComponentModel;
using System.Text.Json;

namespace FactorialGen.Runtime.Generated;

/// <summary>Shared item readers and writers for the lists of generated models (one delegate per element type, not one method per field).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FactorialJsonItems
{
    /// <summary>Reads a string item.</summary>
    public static FactorialItemReader<string> ReadString { get; } = FactorialJsonReader.ReadString;

    /// <summary>Reads an <see cref="int"/> item.</summary>
    public static FactorialValueReader<int> ReadInt32 { get; } = FactorialJsonReader.ReadInt32;

    /// <summary>Reads a <see cref="long"/> item.</summary>
    public static FactorialValueReader<long> ReadInt64 { get; } = FactorialJsonReader.ReadInt64;

    /// <summary>Reads a <see cref="double"/> item.</summary>
    public static FactorialValueReader<double> ReadDouble { get; } = FactorialJsonReader.ReadDouble;

    /// <summary>Reads a <see cref="bool"/> item.</summary>
    public static FactorialValueReader<bool> ReadBoolean { get; } = FactorialJsonReader.ReadBoolean;

    /// <summary>Reads a date item.</summary>
    public static FactorialValueReader<DateOnly> ReadDate { get; } = FactorialJsonReader.ReadDate;

    /// <summary>Reads a date-time item.</summary>
    public static FactorialValueReader<DateTimeOffset> ReadDateTime { get; } = FactorialJsonReader.ReadDateTime;

    /// <summary>Reads any JSON item, kept as it is.</summary>
    public static FactorialValueReader<JsonElement> ReadElement { get; } = FactorialJsonReader.ReadElement;

    /// <summary>Writes a string item.</summary>
    public static FactorialItemWriter<string> WriteString { get; } = static (writer, value) => writer.WriteStringValue(value);

    /// <summary>Writes an <see cref="int"/> item.</summary>
    public static FactorialItemWriter<int> WriteInt32 { get; } = static (writer, value) => writer.WriteNumberValue(value);

    /// <summary>Writes a <see cref="long"/> item.</summary>
    public static FactorialItemWriter<long> WriteInt64 { get; } = static (writer, value) => writer.WriteNumberValue(value);

    /// <summary>Writes a <see cref="double"/> item.</summary>
    public static FactorialItemWriter<double> WriteDouble { get; } = static (writer, value) => writer.WriteNumberValue(value);

    /// <summary>Writes a <see cref="bool"/> item.</summary>
    public static FactorialItemWriter<bool> WriteBoolean { get; } = static (writer, value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a date item as <c>yyyy-MM-dd</c>.</summary>
    public static FactorialItemWriter<DateOnly> WriteDate { get; } = FactorialJsonWriter.WriteDate;

    /// <summary>Writes a date-time item.</summary>
    public static FactorialItemWriter<DateTimeOffset> WriteDateTime { get; } = static (writer, value) => writer.WriteStringValue(value);

    /// <summary>Writes any JSON item as it is.</summary>
    public static FactorialItemWriter<JsonElement> WriteElement { get; } = static (writer, value) => value.WriteTo(writer);
}
