using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace FactorialGen.Generator.Parsing;

/// <summary>Questions asked of one JSON schema (or any object of the document): its type, docs, shape and canonical text.</summary>
internal static class SchemaShapes
{
    public static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
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

    private static readonly string[] DescriptionNames = ["description", "summary", "title"];

    public static string? Description(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in DescriptionNames)
        {
            if (schema.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text))
            {
                return text.Trim();
            }
        }

        return null;
    }

    public static bool IsDeprecated(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("deprecated", out var deprecated) && deprecated.ValueKind == JsonValueKind.True;

    public static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool IsObjectSchema(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && TypeOf(schema) is var type && (type == "object" || (type is null && schema.TryGetProperty("properties", out _)));

    public static bool HasProperties(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
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

    /// <summary>The element's JSON without insignificant whitespace: equal schemas give equal text.</summary>
    public static string Canonical(JsonElement element)
    {
        // One buffer and writer per thread, reset for each element (the 2024-10-01 document inlines every component,
        // so this runs for thousands of objects); the text is decoded from the buffer without copying it first.
        var buffer = t_canonicalBuffer ??= new MemoryStream();
        buffer.SetLength(0);
        var writer = t_canonicalWriter ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        element.WriteTo(writer);
        writer.Flush();
        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (buffer.Capacity > MaxKeptCanonicalBuffer)
        {
            t_canonicalBuffer = null; // a huge schema: do not keep its buffer
            t_canonicalWriter = null;
        }

        return text;
    }

    private const int MaxKeptCanonicalBuffer = 1024 * 1024;

    [ThreadStatic]
    private static MemoryStream? t_canonicalBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_canonicalWriter;
}
