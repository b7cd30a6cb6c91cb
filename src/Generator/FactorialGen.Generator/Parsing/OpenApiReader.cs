using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using FactorialGen.Generator.Diagnostics;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Reads an OpenAPI 3.0/3.1 JSON document into an <see cref="ApiDocumentSpec"/>. Never throws for bad input: every
/// problem becomes a located FG1xxx diagnostic, and what cannot be understood is skipped or read as raw JSON.
/// </summary>
internal static class OpenApiReader
{
    private static readonly string[] Methods = ["delete", "get", "head", "patch", "post", "put"];
    private static readonly string[] SuccessStatuses = ["200", "201", "202", "203", "2XX", "2xx", "default"];

    public static Result<ApiDocumentSpec> Read(AdditionalText file, CancellationToken cancellationToken) =>
        Read(file.Path, file.GetText(cancellationToken), isBuiltIn: false, cancellationToken);

    public static Result<ApiDocumentSpec> Read(string path, SourceText? text, bool isBuiltIn, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        var diagnostics = new List<DiagnosticInfo>();
        Result<ApiDocumentSpec> Fail(DiagnosticInfo diagnostic) => new(null, new[] { diagnostic }.ToEquatableArray());

        if (text is null)
        {
            return Fail(DiagnosticInfo.Create(Descriptors.FG1006_DocumentUnreadable, path, default, default, fileName, "the file could not be read"));
        }

        // A YAML document becomes the JSON of the same document (YAML 1.2 core schema), then is read like any JSON one.
        var yaml = DocumentSelector.IsYaml(path) ? YamlDocumentConverter.Convert(text, cancellationToken) : null;
        if (yaml?.Problem is { } problem)
        {
            var line = Math.Min(problem.Line, Math.Max(text.Lines.Count - 1, 0));
            var lineStart = text.Lines.Count > 0 ? text.Lines[line].Start : 0;
            var offset = Math.Min(lineStart + problem.Column, text.Length);
            var position = new LinePosition(line, offset - lineStart);
            return Fail(DiagnosticInfo.Create(Descriptors.FG1006_DocumentUnreadable, path, new TextSpan(offset, 0), new LinePositionSpan(position, position), fileName, problem.Message));
        }

        if (UnicodeCheck.FindLoneSurrogate(text.ToString()) is var invalid and >= 0)
        {
            var position = text.Lines.GetLinePosition(invalid);
            return Fail(DiagnosticInfo.Create(Descriptors.FG1006_DocumentUnreadable, path, new TextSpan(invalid, 1), new LinePositionSpan(position, position), fileName,
                $"line {position.Line + 1}, column {position.Character + 1} holds a lone UTF-16 surrogate, which is not valid Unicode text"));
        }

        JsonDocument document;
        try
        {
            var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 512 };
            document = yaml is not null ? JsonDocument.Parse(yaml.Json, options) : JsonDocument.Parse(text.ToString(), options);
        }
        catch (JsonException ex)
        {
            var line = (int)Math.Min(ex.LineNumber ?? 0, Math.Max(text.Lines.Count - 1, 0));
            var column = (int)(ex.BytePositionInLine ?? 0);
            var position = new LinePosition(line, column);
            var lineStart = text.Lines.Count > 0 ? text.Lines[line].Start : 0;
            var offset = Math.Min(lineStart + column, text.Length);
            return Fail(DiagnosticInfo.Create(Descriptors.FG1006_DocumentUnreadable, path, new TextSpan(offset, 0), new LinePositionSpan(position, position), fileName,
                $"invalid JSON at line {line + 1}, column {column + 1}: {FirstSentence(ex.Message)}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(DiagnosticInfo.Create(Descriptors.FG1005_NotOpenApi3, path, default, default, fileName, $"its root is a JSON {root.ValueKind}, not an object"));
            }

            if (!root.TryGetProperty("openapi", out var openapi) || openapi.ValueKind != JsonValueKind.String || !openapi.GetString()!.StartsWith("3.", StringComparison.Ordinal))
            {
                var reason = root.TryGetProperty("swagger", out var swagger)
                    ? $"it is Swagger {swagger.GetRawText().Trim('"')}; convert it to OpenAPI 3"
                    : openapi.ValueKind == JsonValueKind.String ? $"its version is '{openapi.GetString()}'" : "it has no 'openapi' version field";
                return Fail(Create(Descriptors.FG1005_NotOpenApi3, path, Locate(text, "\"openapi\""), fileName, reason));
            }

            var context = new ReadContext(path, fileName, text, diagnostics);
            var spec = ReadDocument(root, fileName, isBuiltIn, context, cancellationToken);
            return new Result<ApiDocumentSpec>(spec, diagnostics.ToEquatableArray());
        }
    }

    private static ApiDocumentSpec ReadDocument(JsonElement root, string fileName, bool isBuiltIn, ReadContext context, CancellationToken cancellationToken)
    {
        var paths = root.TryGetProperty("paths", out var pathsElement) && pathsElement.ValueKind == JsonValueKind.Object
            ? pathsElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).ToList()
            : [];
        var components = root.TryGetProperty("components", out var componentsElement) && componentsElement.ValueKind == JsonValueKind.Object ? componentsElement : default;
        var schemas = components.ValueKind == JsonValueKind.Object && components.TryGetProperty("schemas", out var schemasElement) ? schemasElement : default;
        var apiNamespaces = paths.Select(p => p.Name.Split('/')).Where(s => Array.IndexOf(s, "resources") is var i and >= 0 && s.Length > i + 1).Select(s => s[Array.IndexOf(s, "resources") + 1]).Distinct(StringComparer.Ordinal).ToList();
        var schemaReader = new SchemaReader(schemas, apiNamespaces, (what, why) => context.Warn(what, why, null), cancellationToken);

        var raw = new List<RawOperation>();
        foreach (var pathItem in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pathItem.Value.ValueKind != JsonValueKind.Object)
            {
                context.Warn($"Path '{pathItem.Name}'", "its value is not an object", pathItem.Name);
                continue;
            }

            var shared = pathItem.Value.TryGetProperty("parameters", out var sharedParameters) ? sharedParameters : default;
            foreach (var method in Methods)
            {
                if (pathItem.Value.TryGetProperty(method, out var operation))
                {
                    if (operation.ValueKind != JsonValueKind.Object)
                    {
                        context.Warn($"{method.ToUpperInvariant()} {pathItem.Name}", "the operation is not an object", pathItem.Name);
                        continue;
                    }

                    if (pathItem.Name.Trim().Length == 0)
                    {
                        context.Warn($"{method.ToUpperInvariant()} on an empty path", "a path must start with '/'", pathItem.Name);
                        continue;
                    }

                    if (!HasBalancedPlaceholders(pathItem.Name))
                    {
                        context.Warn($"{method.ToUpperInvariant()} {pathItem.Name}", "its path has an unbalanced '{' or '}'", pathItem.Name);
                        continue;
                    }

                    raw.Add(ReadOperation(method.ToUpperInvariant(), pathItem.Name, operation, shared, components, schemaReader, context));
                }
            }
        }

        var memberNames = OperationNamer.MemberNames(raw.Select(o => (o.Parts.Group, o.Parts.Resource)));
        raw = raw.Select(o => memberNames[(o.Parts.Group, o.Parts.Resource)] is var m && (m.Group != o.Parts.Group || m.Resource != o.Parts.Resource)
            ? o with { Parts = o.Parts with { Group = m.Group, Resource = m.Resource } }
            : o).ToList();
        var names = OperationNamer.Deduplicate(raw.Select(o => (o.Parts.Group, o.Parts.Resource, o.BaseName, o.Method)).ToList());
        var operations = raw.Select((o, i) => o.ToSpec(names[i])).ToEquatableArray();
        var version = raw.Select(o => o.Parts.Version).Where(v => v is not null).GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();

        var webhooks = WebhookReader.Read(root, components, schemaReader, context.Warn, cancellationToken);
        return new ApiDocumentSpec(
            isBuiltIn ? null : fileName,
            isBuiltIn ? string.Empty : Identifier.Pascal(Path.GetFileNameWithoutExtension(fileName), "Spec"),
            version,
            operations,
            schemaReader.Models.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray(),
            schemaReader.Enums.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
            webhooks);
    }

    private static RawOperation ReadOperation(string method, string path, JsonElement operation, JsonElement sharedParameters, JsonElement components, SchemaReader schemas, ReadContext context)
    {
        var parts = OperationNamer.Split(path);
        var baseName = OperationNamer.BaseName(method, parts);
        var typeContext = parts.Resource + baseName;
        var label = $"{method} {path}";

        // Parameters: path-level first, overridden by operation-level ones of the same name and location.
        var declared = new List<JsonElement>();
        foreach (var list in new[] { sharedParameters, operation.TryGetProperty("parameters", out var own) ? own : default })
        {
            if (list.ValueKind == JsonValueKind.Array)
            {
                declared.AddRange(list.EnumerateArray().Select(p => Resolve(p, components, "parameters")).Where(p => p.ValueKind == JsonValueKind.Object));
            }
        }

        var byKey = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var parameter in declared)
        {
            var name = StringOf(parameter, "name");
            var location = StringOf(parameter, "in");
            if (name is null || location is null)
            {
                context.Warn($"A parameter of {label}", "it has no 'name' or 'in'", path);
                continue;
            }

            var key = location + ":" + name;
            if (!byKey.ContainsKey(key))
            {
                order.Add(key);
            }

            byKey[key] = parameter;
        }

        var parameters = new List<ParameterSpec>();
        var csharpNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken", "body", "content", "paging" };
        foreach (var key in order)
        {
            var parameter = byKey[key];
            var name = StringOf(parameter, "name")!;
            var location = StringOf(parameter, "in");
            if (location is not ("path" or "query"))
            {
                context.Warn($"The {location} parameter '{name}' of {label}", "only path and query parameters are generated", path);
                continue;
            }

            var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
            var type = schema.ValueKind == JsonValueKind.Object ? schemas.Read(schema, typeContext + Identifier.Pascal(name), allowEnums: false) : TypeRef.String;
            if (location == "path" && type.Kind is TypeRefKind.Model or TypeRefKind.Json or TypeRefKind.Array or TypeRefKind.Enum)
            {
                context.Warn($"The type of the path parameter '{name}' of {label}", "a path segment is one value; it is generated as a string", path);
                type = TypeRef.String;
            }
            else if (type.Kind is TypeRefKind.Model or TypeRefKind.Json || type.Element?.Kind is TypeRefKind.Model or TypeRefKind.Json or TypeRefKind.Array)
            {
                // Objects (and arrays of them) in the query: sent Rails-style as name[key]=value pairs.
                type = TypeRef.Json;
            }

            // A boolean query filter only switches something on or off: documents that mark one required (the real
            // Factorial documents do, for only_active and others) are taken as optional, so callers may leave it out.
            var required = location == "path"
                || (parameter.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True && type.Kind != TypeRefKind.Boolean);
            parameters.Add(new ParameterSpec(name, Unique(Identifier.Camel(name.Replace("[]", string.Empty), "value"), csharpNames), location == "path" ? ParameterLocation.Path : ParameterLocation.Query, type, required, SchemaReader.Description(parameter)));
        }

        // Placeholders the document forgot to declare are still path parameters; declared ones the path lacks are dropped.
        var placeholders = Placeholders(path);
        foreach (var placeholder in placeholders)
        {
            if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.JsonName == placeholder))
            {
                context.Warn($"The declaration of the path parameter '{placeholder}' of {label}", "it is missing; a required string parameter is generated for it", path);
                parameters.Add(new ParameterSpec(placeholder, Unique(Identifier.Camel(placeholder), csharpNames), ParameterLocation.Path, TypeRef.String, true, null));
            }
        }

        foreach (var orphan in parameters.Where(p => p.Location == ParameterLocation.Path && !placeholders.Contains(p.JsonName)).ToList())
        {
            context.Warn($"The path parameter '{orphan.JsonName}' of {label}", "the path has no such placeholder", path);
            parameters.Remove(orphan);
        }

        // Request body.
        var bodyKind = BodyKind.None;
        TypeRef? body = null;
        var bodyRequired = false;
        if (operation.TryGetProperty("requestBody", out var requestBody))
        {
            requestBody = Resolve(requestBody, components, "requestBodies");
            bodyRequired = requestBody.ValueKind == JsonValueKind.Object && requestBody.TryGetProperty("required", out var br) && br.ValueKind == JsonValueKind.True;
            if (requestBody.ValueKind == JsonValueKind.Object && requestBody.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object)
            {
                var json = content.EnumerateObject().FirstOrDefault(c => c.Name.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0);
                if (json.Value.ValueKind == JsonValueKind.Object)
                {
                    bodyKind = BodyKind.Json;
                    body = json.Value.TryGetProperty("schema", out var bodySchema) ? schemas.Read(bodySchema, typeContext + "Request") : TypeRef.Json;
                }
                else if (content.EnumerateObject().Any())
                {
                    bodyKind = BodyKind.Multipart; // multipart/form-data and other media: the caller builds the HttpContent
                }
            }
        }

        // Response.
        var shape = ResponseShape.None;
        TypeRef? response = null;
        if (operation.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Object)
        {
            foreach (var status in SuccessStatuses)
            {
                if (!responses.TryGetProperty(status, out var answer))
                {
                    continue;
                }

                answer = Resolve(answer, components, "responses");
                if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object)
                {
                    var json = content.EnumerateObject().FirstOrDefault(c => c.Name.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0);
                    if (json.Value.ValueKind == JsonValueKind.Object && json.Value.TryGetProperty("schema", out var schema))
                    {
                        (shape, response) = ResponseOf(schema, method, parts, typeContext, schemas);
                    }
                }

                break;
            }
        }

        return new RawOperation(method, path, parts, baseName, ScopeRules.RequiredScope(method, path, operation), ResourceScopeTable.Of(operation),
            StringOf(operation, "summary"), StringOf(operation, "description"), SchemaReader.IsDeprecated(operation),
            parameters, bodyKind, body, bodyRequired, shape, response);
    }

    private static (ResponseShape, TypeRef?) ResponseOf(JsonElement schema, string method, OperationNamer.PathParts parts, string typeContext, SchemaReader schemas)
    {
        var pagedList = method == "GET" && parts.IsCollection;
        if (schemas.TryResolve(schema, out var resolved) && resolved.ValueKind == JsonValueKind.Object)
        {
            var type = SchemaReader.TypeOf(resolved);
            if (type == "array")
            {
                var item = resolved.TryGetProperty("items", out var items) ? schemas.Read(items, typeContext + "Item") : TypeRef.Json;
                return (pagedList ? ResponseShape.Paged : ResponseShape.Array, item);
            }

            if (method == "GET"
                && resolved.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("data", out var data) && schemas.TryResolve(data, out var dataResolved)
                && SchemaReader.TypeOf(dataResolved) == "array")
            {
                var item = dataResolved.TryGetProperty("items", out var items) ? schemas.Read(items, typeContext + "Item") : TypeRef.Json;
                return (pagedList ? ResponseShape.Paged : ResponseShape.Array, item);
            }
        }

        return (ResponseShape.Single, schemas.Read(schema, typeContext + "Response"));
    }

    private static JsonElement Resolve(JsonElement element, JsonElement components, string section)
    {
        for (var hops = 0; hops < 8 && element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String; hops++)
        {
            var prefix = $"#/components/{section}/";
            var text = reference.GetString()!;
            if (!text.StartsWith(prefix, StringComparison.Ordinal) || components.ValueKind != JsonValueKind.Object
                || !components.TryGetProperty(section, out var sectionElement) || sectionElement.ValueKind != JsonValueKind.Object
                || !sectionElement.TryGetProperty(text.Substring(prefix.Length), out element))
            {
                return default;
            }
        }

        return element;
    }

    private static HashSet<string> Placeholders(string path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var open = path.IndexOf('{'); open >= 0; open = path.IndexOf('{', open + 1))
        {
            var close = path.IndexOf('}', open);
            if (close > open + 1)
            {
                names.Add(path.Substring(open + 1, close - open - 1));
            }
        }

        return names;
    }

    private static bool HasBalancedPlaceholders(string path)
    {
        var depth = 0;
        foreach (var c in path)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth is < 0 or > 1)
            {
                return false;
            }
        }

        return depth == 0 && !path.Contains("{}");
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(Identifier.Unescape(candidate)); i++)
        {
            candidate = Identifier.Unescape(name) + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message.Substring(0, end) : message.TrimEnd('.');
    }

    private static (TextSpan Span, LinePositionSpan LineSpan) Locate(SourceText text, string needle)
    {
        var index = text.ToString().IndexOf(needle, StringComparison.Ordinal);
        if (index < 0)
        {
            return (default, default);
        }

        var span = new TextSpan(index, needle.Length);
        return (span, text.Lines.GetLinePositionSpan(span));
    }

    private static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string path, (TextSpan Span, LinePositionSpan LineSpan) at, params string[] arguments) =>
        DiagnosticInfo.Create(descriptor, path, at.Span, at.LineSpan, arguments);

    private sealed class ReadContext(string path, string fileName, SourceText text, List<DiagnosticInfo> diagnostics)
    {
        private string? _content;

        public void Warn(string what, string why, string? near)
        {
            var at = default((TextSpan, LinePositionSpan));
            if (near is not null)
            {
                _content ??= text.ToString();
                var index = _content.IndexOf("\"" + near + "\"", StringComparison.Ordinal);
                if (index >= 0)
                {
                    var span = new TextSpan(index, near.Length + 2);
                    at = (span, text.Lines.GetLinePositionSpan(span));
                }
            }

            diagnostics.Add(DiagnosticInfo.Create(Descriptors.FG1007_UnsupportedConstruct, path, at.Item1, at.Item2, what, fileName, why));
        }
    }

    private sealed record RawOperation(
        string Method,
        string Path,
        OperationNamer.PathParts Parts,
        string BaseName,
        AccessScope RequiredScope,
        ResourceScope ResourceScope,
        string? Summary,
        string? Description,
        bool Deprecated,
        List<ParameterSpec> Parameters,
        BodyKind BodyKind,
        TypeRef? Body,
        bool BodyRequired,
        ResponseShape Shape,
        TypeRef? Response)
    {
        public OperationSpec ToSpec(string name) => new(
            Method, Path, Parts.Group, Parts.Resource, name, RequiredScope, ResourceScope, Summary, Description, Deprecated,
            Parameters.ToEquatableArray(), BodyKind, Body, BodyRequired, Shape, Response);
    }
}
