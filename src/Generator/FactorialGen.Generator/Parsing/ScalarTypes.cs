using System;
using System.Globalization;
using System.Text.Json;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// The C# type of a scalar schema. Strings: <c>format: date</c> is a <c>DateOnly</c>, <c>format: date-time</c> a
/// <c>DateTimeOffset</c>. A field without a format is a date by its name (the real Factorial documents leave the format
/// out): <c>*_at</c> is a <c>DateTimeOffset</c>; <c>*_on</c>, <c>*_date</c> and <c>date</c> are a <c>DateOnly</c>, or a
/// <c>DateTimeOffset</c> when the field's example has a time of day. An example that is neither a date nor a timestamp
/// (<c>"Factorial onboarding date"</c>) keeps the field a string. A field of any other name is a <c>DateTimeOffset</c>
/// when its example is a whole timestamp (date, time of day, and an offset or none), else a string. See
/// docs/generator.md, "Dates and times".
/// </summary>
internal static class ScalarTypes
{
    public static TypeRef String(JsonElement schema, string? fieldName)
    {
        switch (SchemaShapes.StringOf(schema, "format"u8))
        {
            case "date":
                return TypeRef.Date;
            case "date-time":
                return TypeRef.DateTime;
            case null when fieldName is not null:
                return ByName(fieldName, Example(schema));
            default:
                return TypeRef.String;
        }
    }

    public static TypeRef Integer(JsonElement schema) =>
        SchemaShapes.StringOf(schema, "format"u8) == "int32" ? TypeRef.Int32 : TypeRef.Int64;

    /// <summary>The rule for a string field without a format, from its JSON name and its example (if a string).</summary>
    internal static TypeRef ByName(string fieldName, string? example)
    {
        var name = fieldName.ToLowerInvariant();
        var isTimestamp = name.EndsWith("_at", StringComparison.Ordinal);
        var isDate = name == "date" || name.EndsWith("_on", StringComparison.Ordinal) || name.EndsWith("_date", StringComparison.Ordinal);
        if (!isTimestamp && !isDate)
        {
            // Any other name: a timestamp only when the example is one ("now": "2024-06-23T11:00:00.000+00:00").
            return example is not null && IsTimestamp(example) ? TypeRef.DateTime : TypeRef.String;
        }

        if (example is null)
        {
            return isTimestamp ? TypeRef.DateTime : TypeRef.Date;
        }

        if (IsTimestamp(example))
        {
            return TypeRef.DateTime;
        }

        return IsDate(example) ? (isTimestamp ? TypeRef.DateTime : TypeRef.Date) : TypeRef.String;
    }

    private static string? Example(JsonElement schema)
    {
        if (schema.TryGetProperty("example"u8, out var example))
        {
            return example.ValueKind == JsonValueKind.String ? example.GetString() : null;
        }

        return schema.TryGetProperty("examples"u8, out var examples) && examples.ValueKind == JsonValueKind.Array && examples.GetArrayLength() > 0 && examples[0].ValueKind == JsonValueKind.String
            ? examples[0].GetString()
            : null;
    }

    private static bool IsDate(string text) =>
        text.Length == 10 && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsTimestamp(string text) =>
        text.Length > 10 && IsDate(text.Substring(0, 10)) && text[10] is 'T' or 't' or ' '
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
}
