using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String && t.GetString() != "null").Select(t => t.GetString()).FirstOrDefault()
            : null;
    }

    public static string? Description(JsonElement schema)
    {
        foreach (var name in new[] { "description", "summary", "title" })
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                return value.GetString()!.Trim();
            }
        }

        return null;
    }

    public static bool IsDeprecated(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("deprecated", out var deprecated) && deprecated.ValueKind == JsonValueKind.True;

    public static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool IsObjectSchema(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && ((TypeOf(schema) is "object" or null && schema.TryGetProperty("properties", out _)) || TypeOf(schema) == "object");

    public static bool HasProperties(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object && properties.EnumerateObject().Any();

    /// <summary><c>employees_employee</c> → <c>employee</c> when <c>employees</c> is an API namespace of the document.</summary>
    public static string StripNamespace(string key, IReadOnlyCollection<string> apiNamespaces)
    {
        var best = apiNamespaces.Where(ns => key.Length > ns.Length + 1 && key.StartsWith(ns + "_", StringComparison.Ordinal)).OrderByDescending(ns => ns.Length).FirstOrDefault();
        return best is null ? key : key.Substring(best.Length + 1);
    }

    /// <summary>The element's JSON without insignificant whitespace: equal schemas give equal text.</summary>
    public static string Canonical(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
