using System;
using System.Collections.Generic;
using System.Text.Json;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Reads an operation's path and query parameters: path-level ones first, overridden by operation-level ones of the
/// same name and location; placeholders the document forgot become string path parameters; a range's start is put
/// before its end (<c>from</c> before <c>to</c>), whatever order the document lists them in.
/// </summary>
internal static class ParameterReader
{
    /// <summary>C# names the generated method declares itself.</summary>
    private static readonly string[] OwnNames = ["cancellationToken", "body", "content", "paging", "options"];

    public static List<ParameterSpec> Read(string label, string path, JsonElement operation, JsonElement sharedParameters, JsonElement components, SchemaReader schemas, string typeContext, ReadContext context)
    {
        var declared = new List<JsonElement>();
        foreach (var list in new[] { sharedParameters, operation.TryGetProperty("parameters", out var own) ? own : default })
        {
            if (list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    var parameter = ComponentRefs.Resolve(item, components, "parameters");
                    if (parameter.ValueKind == JsonValueKind.Object)
                    {
                        declared.Add(parameter);
                    }
                }
            }
        }

        var byKey = new Dictionary<string, int>(StringComparer.Ordinal); // the last declaration of each key, by index
        var order = new List<string>();
        for (var i = 0; i < declared.Count; i++)
        {
            var parameter = declared[i];
            var name = SchemaShapes.StringOf(parameter, "name"u8);
            var location = SchemaShapes.StringOf(parameter, "in"u8);
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

            byKey[key] = i;
        }

        var parameters = new List<ParameterSpec>();
        var csharpNames = new UniqueNames().Reserve(OwnNames);
        foreach (var key in RangesInOrder(order))
        {
            var parameter = declared[byKey[key]];
            var name = SchemaShapes.StringOf(parameter, "name"u8)!;
            var location = SchemaShapes.StringOf(parameter, "in"u8);
            if (location is not ("path" or "query"))
            {
                context.Warn($"The {location} parameter '{name}' of {label}", "only path and query parameters are generated", path);
                continue;
            }

            var schema = parameter.TryGetProperty("schema"u8, out var s) ? s : default;
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
                || (parameter.TryGetProperty("required"u8, out var r) && r.ValueKind == JsonValueKind.True && type.Kind != TypeRefKind.Boolean);
            parameters.Add(new ParameterSpec(name, Claim(csharpNames, Identifier.Camel(name.Replace("[]", string.Empty), "value")), location == "path" ? ParameterLocation.Path : ParameterLocation.Query, type, required, SchemaShapes.Description(parameter)));
        }

        // Placeholders the document forgot to declare are still path parameters; declared ones the path lacks are dropped.
        var placeholders = Placeholders(path);
        foreach (var placeholder in placeholders)
        {
            if (!HasPathParameter(parameters, placeholder))
            {
                context.Warn($"The declaration of the path parameter '{placeholder}' of {label}", "it is missing; a required string parameter is generated for it", path);
                parameters.Add(new ParameterSpec(placeholder, Claim(csharpNames, Identifier.Camel(placeholder)), ParameterLocation.Path, TypeRef.String, true, null));
            }
        }

        var orphans = new List<ParameterSpec>();
        foreach (var p in parameters)
        {
            if (p.Location == ParameterLocation.Path && !placeholders.Contains(p.JsonName))
            {
                orphans.Add(p);
            }
        }

        foreach (var orphan in orphans)
        {
            context.Warn($"The path parameter '{orphan.JsonName}' of {label}", "the path has no such placeholder", path);
            parameters.Remove(orphan);
        }

        return parameters;
    }

    /// <summary>
    /// The keys in document order, except that the start of a range moves just before its end when the document lists
    /// the end first: <c>from</c>/<c>to</c>, <c>start_x</c>/<c>end_x</c>, <c>x_start</c>/<c>x_end</c>,
    /// <c>x_from</c>/<c>x_to</c> and <c>x_gteq</c>/<c>x_lteq</c>.
    /// </summary>
    internal static List<string> RangesInOrder(List<string> keys)
    {
        var result = new List<string>(keys);
        foreach (var key in keys)
        {
            var colon = key.IndexOf(':');
            if (StartOf(key.Substring(colon + 1).Replace("[]", string.Empty)) is not { } start)
            {
                continue;
            }

            var prefix = key.Substring(0, colon + 1);
            string? startKey = null;
            foreach (var k in result)
            {
                if (k == prefix + start || k == prefix + start + "[]")
                {
                    startKey = k;
                    break;
                }
            }

            var endAt = result.IndexOf(key);
            if (startKey is not null && result.IndexOf(startKey) > endAt)
            {
                result.Remove(startKey);
                result.Insert(endAt, startKey);
            }
        }

        return result;
    }

    /// <summary>The start parameter of a range whose end is <paramref name="end"/> (<c>to</c> → <c>from</c>), or null.</summary>
    internal static string? StartOf(string end) =>
        end == "to" ? "from"
        : end == "end" ? "start"
        : end.StartsWith("end_", StringComparison.Ordinal) ? "start_" + end.Substring(4)
        : end.StartsWith("to_", StringComparison.Ordinal) ? "from_" + end.Substring(3)
        : end.EndsWith("_end", StringComparison.Ordinal) ? end.Substring(0, end.Length - 4) + "_start"
        : end.EndsWith("_to", StringComparison.Ordinal) ? end.Substring(0, end.Length - 3) + "_from"
        : end.EndsWith("_lteq", StringComparison.Ordinal) ? end.Substring(0, end.Length - 5) + "_gteq"
        : null;

    private static bool HasPathParameter(List<ParameterSpec> parameters, string jsonName)
    {
        foreach (var p in parameters)
        {
            if (p.Location == ParameterLocation.Path && p.JsonName == jsonName)
            {
                return true;
            }
        }

        return false;
    }

    public static HashSet<string> Placeholders(string path)
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

    /// <summary>A C# parameter name not taken yet (compared without <c>@</c>); a keyword keeps its <c>@</c>.</summary>
    private static string Claim(UniqueNames names, string name)
    {
        var plain = Identifier.Unescape(name);
        var claimed = names.Claim(plain);
        return claimed == plain ? name : claimed;
    }
}
