using System;
using System.Collections.Generic;
using System.IO;
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

        // One copy of the text (a large document's SourceText builds a new string on each ToString(), through a builder).
        var content = new char[text.Length];
        text.CopyTo(0, content, 0, content.Length);

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

        if (UnicodeCheck.FindLoneSurrogate(content) is var invalid and >= 0)
        {
            var position = text.Lines.GetLinePosition(invalid);
            return Fail(DiagnosticInfo.Create(Descriptors.FG1006_DocumentUnreadable, path, new TextSpan(invalid, 1), new LinePositionSpan(position, position), fileName,
                $"line {position.Line + 1}, column {position.Character + 1} holds a lone UTF-16 surrogate, which is not valid Unicode text"));
        }

        JsonDocument document;
        try
        {
            var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 512 };
            document = yaml is not null ? JsonDocument.Parse(yaml.Json, options) : JsonDocument.Parse(content.AsMemory(), options);
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
                return Fail(Create(Descriptors.FG1005_NotOpenApi3, path, Locate(text, new string(content), "\"openapi\""), fileName, reason));
            }

            var context = new ReadContext(path, fileName, text, diagnostics);
            var spec = ReadDocument(root, fileName, isBuiltIn, context, cancellationToken);
            return new Result<ApiDocumentSpec>(spec, diagnostics.ToEquatableArray());
        }
    }

    private static ApiDocumentSpec ReadDocument(JsonElement root, string fileName, bool isBuiltIn, ReadContext context, CancellationToken cancellationToken)
    {
        var paths = root.TryGetProperty("paths", out var pathsElement) && pathsElement.ValueKind == JsonValueKind.Object
            ? Ordered.ByName(pathsElement)
            : [];
        var components = root.TryGetProperty("components", out var componentsElement) && componentsElement.ValueKind == JsonValueKind.Object ? componentsElement : default;
        var schemaReader = new SchemaReader(components, ApiNamespaces(paths), (what, why) => context.Warn(what, why, null), cancellationToken);

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
                if (pathItem.Value.TryGetProperty(method, out var operation) && IsReadable(method, pathItem.Name, operation, context))
                {
                    raw.Add(OperationReader.Read(method.ToUpperInvariant(), pathItem.Name, operation, shared, components, schemaReader, context));
                }
            }
        }

        var names = OperationNames(raw);
        var version = MostCommonVersion(raw);
        var webhooks = WebhookReader.Read(root, components, schemaReader, context.Warn, cancellationToken);

        var models = new List<ModelSpec>(schemaReader.Models);
        Ordered.Sort(models, static m => m.Name);
        var specs = new List<OperationSpec>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            specs.Add(raw[i].ToSpec(names[i]));
        }

        var operations = ResourceIds.Apply(specs, models);
        for (var i = 0; i < operations.Count; i++)
        {
            if (QueryOptions.Needs(operations[i]))
            {
                operations[i] = operations[i] with { OptionsName = schemaReader.ClaimTypeName(operations[i].Resource + operations[i].Name + "Options") };
            }
        }

        var enums = new List<EnumSpec>(schemaReader.Enums);
        Ordered.Sort(enums, static e => e.Name);
        var document = new ApiDocumentSpec(
            isBuiltIn ? null : fileName,
            isBuiltIn ? string.Empty : DocumentIdentity.SpecId(root, version, fileName),
            version,
            operations.ToEquatableArray(),
            models.ToEquatableArray(),
            enums.ToEquatableArray(),
            webhooks);
        return ShapeDeduplicator.Deduplicate(document, schemaReader.InlineModels);
    }

    /// <summary>The API namespaces of the paths (<c>/resources/{namespace}/…</c>), each once, in the paths' order.</summary>
    private static List<string> ApiNamespaces(List<JsonProperty> paths)
    {
        var namespaces = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var segments = path.Name.Split('/');
            var at = Array.IndexOf(segments, "resources");
            if (at >= 0 && segments.Length > at + 1 && seen.Add(segments[at + 1]))
            {
                namespaces.Add(segments[at + 1]);
            }
        }

        return namespaces;
    }

    /// <summary>
    /// Gives each operation its group and resource member names (<see cref="OperationNamer.MemberNames(List{string}, List{string})"/>),
    /// in place, and returns its method name, unique within its resource (<see cref="OperationNamer.Deduplicate(List{string}, List{string}, List{string}, List{string})"/>).
    /// </summary>
    private static List<string> OperationNames(List<RawOperation> raw)
    {
        var groups = new List<string>(raw.Count);
        var resources = new List<string>(raw.Count);
        foreach (var operation in raw)
        {
            groups.Add(operation.Parts.Group);
            resources.Add(operation.Parts.Resource);
        }

        var (groupNames, resourceNames) = OperationNamer.MemberNames(groups, resources);
        var baseNames = new List<string>(raw.Count);
        var methods = new List<string>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var o = raw[i];
            var group = groupNames[groups[i]];
            var resource = resourceNames[groups[i]][resources[i]];
            if (group != o.Parts.Group || resource != o.Parts.Resource)
            {
                raw[i] = o = o with { Parts = o.Parts with { Group = group, Resource = resource } };
            }

            groups[i] = o.Parts.Group;
            resources[i] = o.Parts.Resource;
            baseNames.Add(o.BaseName);
            methods.Add(o.Method);
        }

        return OperationNamer.Deduplicate(groups, resources, baseNames, methods);
    }

    /// <summary>The API version most paths name (the first in ordinal order on a tie), or null.</summary>
    private static string? MostCommonVersion(List<RawOperation> raw)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var operation in raw)
        {
            if (operation.Parts.Version is { } v)
            {
                counts[v] = counts.TryGetValue(v, out var n) ? n + 1 : 1;
            }
        }

        string? best = null;
        var bestCount = 0;
        foreach (var pair in counts)
        {
            if (pair.Value > bestCount || (pair.Value == bestCount && string.CompareOrdinal(pair.Key, best) < 0))
            {
                best = pair.Key;
                bestCount = pair.Value;
            }
        }

        return best;
    }

    private static bool IsReadable(string method, string path, JsonElement operation, ReadContext context)
    {
        var label = $"{method.ToUpperInvariant()} {path}";
        var problem = operation.ValueKind != JsonValueKind.Object ? "the operation is not an object"
            : path.Trim().Length == 0 ? "a path must start with '/'"
            : !HasBalancedPlaceholders(path) ? "its path has an unbalanced '{' or '}'"
            : null;
        if (problem is not null)
        {
            context.Warn(path.Trim().Length == 0 && operation.ValueKind == JsonValueKind.Object ? $"{method.ToUpperInvariant()} on an empty path" : label, problem, path);
        }

        return problem is null;
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

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message.Substring(0, end) : message.TrimEnd('.');
    }

    private static (TextSpan Span, LinePositionSpan LineSpan) Locate(SourceText text, string content, string needle)
    {
        var index = content.IndexOf(needle, StringComparison.Ordinal);
        if (index < 0)
        {
            return (default, default);
        }

        var span = new TextSpan(index, needle.Length);
        return (span, text.Lines.GetLinePositionSpan(span));
    }

    private static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string path, (TextSpan Span, LinePositionSpan LineSpan) at, params string[] arguments) =>
        DiagnosticInfo.Create(descriptor, path, at.Span, at.LineSpan, arguments);
}
