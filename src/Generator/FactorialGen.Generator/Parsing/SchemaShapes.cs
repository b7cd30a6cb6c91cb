using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace FactorialGen.Generator.Parsing;

/// <summary>Questions asked of one JSON schema (or any object of the document): its type, docs, shape and canonical text.</summary>
internal static class SchemaShapes
{
    public static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type"u8, out var type))
        {
            return null;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString();
        }

        // OpenAPI 3.1 type arrays such as ["string", "null"]: the first non-null type.
        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in type.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && !item.ValueEquals("null"))
                {
                    return item.GetString();
                }
            }
        }

        return null;
    }

    /// <summary>The first of <c>description</c>, <c>summary</c> and <c>title</c> that has text, trimmed; or null.</summary>
    public static string? Description(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object ? null
        : Text(schema, "description"u8) ?? Text(schema, "summary"u8) ?? Text(schema, "title"u8);

    private static string? Text(JsonElement schema, ReadOnlySpan<byte> name) =>
        schema.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    public static bool IsDeprecated(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("deprecated"u8, out var deprecated) && deprecated.ValueKind == JsonValueKind.True;

    public static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary><see cref="StringOf(JsonElement, string)"/> by the UTF-8 name (no transcoding of the name for each lookup).</summary>
    public static string? StringOf(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool IsObjectSchema(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && TypeOf(schema) is var type && (type == "object" || (type is null && schema.TryGetProperty("properties"u8, out _)));

    public static bool HasProperties(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties"u8, out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        using var enumerator = properties.EnumerateObject();
        return enumerator.MoveNext();
    }

    /// <summary><c>employees_employee</c> → <c>employee</c> when <c>employees</c> is an API namespace of the document.</summary>
    public static string StripNamespace(string key, IReadOnlyCollection<string> apiNamespaces)
    {
        string? best = null;
        foreach (var ns in apiNamespaces)
        {
            if (key.Length > ns.Length + 1 && (best is null || ns.Length > best.Length) && key.StartsWith(ns + "_", StringComparison.Ordinal))
            {
                best = ns;
            }
        }

        return best is null ? key : key.Substring(best.Length + 1);
    }

    /// <summary>
    /// A text that is equal for two elements exactly when their JSON is (insignificant whitespace and escapes aside):
    /// the same structure, property names and strings (compared unescaped), numbers as written and literals.
    /// </summary>
    /// <remarks>
    /// Strings are length-prefixed, so any content reads back one way. Built by hand rather than with a
    /// <c>Utf8JsonWriter</c>, whose escaping runs vectorized searches that a cold compiler runs unoptimized; the
    /// 2024-10-01 document inlines every component, so this runs for thousands of objects.
    /// </remarks>
    public static string Canonical(JsonElement element)
    {
        var builder = t_canonical ?? new StringBuilder();
        t_canonical = null;
        builder.Clear();
        Append(element, builder);
        var text = builder.ToString();
        t_canonical = builder.Capacity <= MaxKeptCanonicalBuilder ? builder : null; // a huge schema: do not keep its buffer
        return text;
    }

    private static void Append(JsonElement element, StringBuilder builder)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                builder.Append('{');
                foreach (var property in element.EnumerateObject())
                {
                    AppendString(property.Name, builder);
                    Append(property.Value, builder);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                foreach (var item in element.EnumerateArray())
                {
                    Append(item, builder);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                AppendString(element.GetString()!, builder);
                break;
            case JsonValueKind.Number:
                builder.Append('#').Append(element.GetRawText()).Append(';');
                break;
            default:
                builder.Append(element.ValueKind == JsonValueKind.True ? 't' : element.ValueKind == JsonValueKind.False ? 'f' : 'n');
                break;
        }
    }

    private static void AppendString(string text, StringBuilder builder) =>
        builder.Append('"').Append(text.Length).Append(':').Append(text);

    private const int MaxKeptCanonicalBuilder = 512 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_canonical;
}
