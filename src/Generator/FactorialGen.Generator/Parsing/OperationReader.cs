using System;
using System.Text.Json;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>Reads one operation of a path: its name parts, parameters, request body and answer.</summary>
internal static class OperationReader
{
    private static readonly string[] SuccessStatuses = ["200", "201", "202", "203", "2XX", "2xx", "default"];

    public static RawOperation Read(string method, string path, JsonElement operation, JsonElement sharedParameters, JsonElement components, SchemaReader schemas, ReadContext context)
    {
        var parts = OperationNamer.Split(path);
        var baseName = OperationNamer.BaseName(method, parts);
        var typeContext = parts.Resource + baseName;
        var parameters = ParameterReader.Read($"{method} {path}", path, operation, sharedParameters, components, schemas, typeContext, context);
        var (bodyKind, body, bodyRequired) = RequestBody(operation, components, schemas, typeContext);
        var (shape, response) = Response(operation, method, parts, components, schemas, typeContext);
        return new RawOperation(method, path, parts, baseName, ScopeRules.RequiredScope(method, path, operation), ResourceScopeTable.Of(operation),
            SchemaShapes.StringOf(operation, "summary"u8), SchemaShapes.StringOf(operation, "description"u8), SchemaShapes.IsDeprecated(operation),
            parameters, bodyKind, body, bodyRequired, shape, response);
    }

    /// <summary>A JSON body is typed; any other media (multipart form data, …) is content the caller builds.</summary>
    private static (BodyKind Kind, TypeRef? Type, bool Required) RequestBody(JsonElement operation, JsonElement components, SchemaReader schemas, string typeContext)
    {
        if (!operation.TryGetProperty("requestBody", out var requestBody))
        {
            return (BodyKind.None, null, false);
        }

        requestBody = ComponentRefs.Resolve(requestBody, components, "requestBodies");
        var required = requestBody.ValueKind == JsonValueKind.Object && requestBody.TryGetProperty("required", out var br) && br.ValueKind == JsonValueKind.True;
        if (requestBody.ValueKind != JsonValueKind.Object || !requestBody.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return (BodyKind.None, null, required);
        }

        var json = JsonMedia(content);
        if (json.ValueKind == JsonValueKind.Object)
        {
            return (BodyKind.Json, json.TryGetProperty("schema", out var bodySchema) ? schemas.Read(bodySchema, typeContext + "Request") : TypeRef.Json, required);
        }

        using var media = content.EnumerateObject();
        return media.MoveNext() ? (BodyKind.Multipart, null, required) : (BodyKind.None, null, required);
    }

    /// <summary>The first success answer's JSON schema: a list (paged for a collection's GET), or one value.</summary>
    private static (ResponseShape, TypeRef?) Response(JsonElement operation, string method, OperationNamer.PathParts parts, JsonElement components, SchemaReader schemas, string typeContext)
    {
        if (!operation.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Object)
        {
            return (ResponseShape.None, null);
        }

        foreach (var status in SuccessStatuses)
        {
            if (!responses.TryGetProperty(status, out var answer))
            {
                continue;
            }

            answer = ComponentRefs.Resolve(answer, components, "responses");
            if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object
                && JsonMedia(content) is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("schema", out var schema))
            {
                return ResponseOf(schema, method, parts, typeContext, schemas);
            }

            break;
        }

        return (ResponseShape.None, null);
    }

    private static (ResponseShape, TypeRef?) ResponseOf(JsonElement schema, string method, OperationNamer.PathParts parts, string typeContext, SchemaReader schemas)
    {
        var pagedList = method == "GET" && parts.IsCollection;
        if (schemas.TryResolve(schema, out var resolved) && resolved.ValueKind == JsonValueKind.Object)
        {
            var type = SchemaShapes.TypeOf(resolved);
            if (type == "array")
            {
                var item = resolved.TryGetProperty("items", out var items) ? schemas.Read(items, typeContext + "Item") : TypeRef.Json;
                return (pagedList ? ResponseShape.Paged : ResponseShape.Array, item);
            }

            if (method == "GET"
                && resolved.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("data", out var data) && schemas.TryResolve(data, out var dataResolved)
                && SchemaShapes.TypeOf(dataResolved) == "array")
            {
                var item = dataResolved.TryGetProperty("items", out var items) ? schemas.Read(items, typeContext + "Item") : TypeRef.Json;
                return (pagedList ? ResponseShape.Paged : ResponseShape.Array, item);
            }
        }

        return (ResponseShape.Single, schemas.Read(schema, typeContext + "Response"));
    }

    /// <summary>The first media type of <paramref name="content"/> whose name has <c>json</c> in it, or <c>default</c>.</summary>
    internal static JsonElement JsonMedia(JsonElement content)
    {
        foreach (var media in content.EnumerateObject())
        {
            if (media.Name.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return media.Value;
            }
        }

        return default;
    }
}
