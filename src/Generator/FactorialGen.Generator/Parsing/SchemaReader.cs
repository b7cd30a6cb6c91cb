using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using FactorialGen.Generator.Diagnostics;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Turns JSON schemas into <see cref="TypeRef"/>s, collecting the records and enums they need. Component schemas keep
/// their names (without the API namespace prefix when that stays unique); an inline object that equals a component
/// (the 2024-10-01 document inlines every component) reuses it; other inline objects are named from where they occur.
/// </summary>
internal sealed class SchemaReader
{
    private const int MaxDepth = 32;

    private readonly JsonElement _components;
    private readonly Dictionary<string, string> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentByCanonical = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _componentTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);
    private readonly List<ModelSpec> _models = [];
    private readonly List<EnumSpec> _enums = [];
    private readonly Dictionary<string, EnumSpec> _enumsByName = new(StringComparer.Ordinal);
    private readonly TypeNames _names = new();
    private readonly Action<string, string> _warn;
    private readonly CancellationToken _cancellationToken;

    public SchemaReader(JsonElement components, IReadOnlyCollection<string> apiNamespaces, Action<string, string> warn, CancellationToken cancellationToken)
    {
        _components = components;
        _warn = warn;
        _cancellationToken = cancellationToken;
        if (components.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var keys = components.EnumerateObject().Select(p => p.Name).ToList();
        var shortNames = keys.ToDictionary(k => k, k => Identifier.Pascal(StripNamespace(k, apiNamespaces), "Model"), StringComparer.Ordinal);
        var counts = shortNames.Values.GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var key in keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var wanted = counts[shortNames[key]] == 1 ? shortNames[key] : Identifier.Pascal(key, "Model");
            _componentTypeNames[key] = _names.Claim(wanted);
        }

        foreach (var property in components.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && IsObjectSchema(property.Value))
            {
                var canonical = Canonical(property.Value);
                if (!_componentByCanonical.ContainsKey(canonical))
                {
                    _componentByCanonical[canonical] = property.Name;
                }
            }
        }
    }

    public IReadOnlyList<ModelSpec> Models => _models;

    public IReadOnlyList<EnumSpec> Enums => _enums;

    /// <summary>Reads <paramref name="schema"/>; inline types are named <paramref name="contextName"/>.</summary>
    /// <param name="allowEnums">When false, enums read as their underlying type (used for parameters).</param>
    public TypeRef Read(JsonElement schema, string contextName, bool allowEnums = true) => Read(schema, contextName, allowEnums, 0);

    /// <summary>Resolves a <c>$ref</c> to a component schema element, if it is one.</summary>
    public bool TryResolve(JsonElement schema, out JsonElement resolved)
    {
        resolved = schema;
        for (var hops = 0; hops < 8 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            if (reference.ValueKind != JsonValueKind.String
                || ComponentKey(reference.GetString()) is not { } key
                || _components.ValueKind != JsonValueKind.Object
                || !_components.TryGetProperty(key, out schema))
            {
                return false;
            }

            resolved = schema;
        }

        return true;
    }

    private TypeRef Read(JsonElement schema, string contextName, bool allowEnums, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (schema.ValueKind != JsonValueKind.Object)
        {
            if (schema.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.True))
            {
                _warn($"Schema '{contextName}'", $"it is a JSON {schema.ValueKind}, not a schema object; it is read as JSON");
            }

            return TypeRef.Json;
        }

        if (depth > MaxDepth)
        {
            _warn($"Schema '{contextName}'", $"it nests deeper than {MaxDepth} levels; it is read as JSON");
            return TypeRef.Json;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var key = ComponentKey(reference.ValueKind == JsonValueKind.String ? reference.GetString() : null);
            if (key is null || _components.ValueKind != JsonValueKind.Object || !_components.TryGetProperty(key, out var target))
            {
                _warn($"The reference '{(reference.ValueKind == JsonValueKind.String ? reference.GetString() : reference.GetRawText())}' of '{contextName}'", "it does not point to a schema under #/components/schemas; it is read as JSON");
                return TypeRef.Json;
            }

            return Component(key, target, allowEnums, depth);
        }

        var type = TypeOf(schema);
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && (type is null or "string"))
        {
            var strings = values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).Distinct(StringComparer.Ordinal).ToList();
            if (!allowEnums || strings.Count == 0)
            {
                return TypeRef.String;
            }

            return Enum(contextName, Description(schema), strings);
        }

        switch (type)
        {
            case "string":
                return (schema.TryGetProperty("format", out var stringFormat) && stringFormat.ValueKind == JsonValueKind.String ? stringFormat.GetString() : null) switch
                {
                    "date" => TypeRef.Date,
                    "date-time" => TypeRef.DateTime,
                    _ => TypeRef.String,
                };
            case "integer":
                return schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == "int32" ? TypeRef.Int32 : TypeRef.Int64;
            case "number":
                return TypeRef.Double;
            case "boolean":
                return TypeRef.Boolean;
            case "array":
                return schema.TryGetProperty("items", out var items)
                    ? TypeRef.ArrayOf(Read(items, contextName + "Item", allowEnums, depth + 1))
                    : TypeRef.ArrayOf(TypeRef.Json);
            case "object":
            case null when schema.TryGetProperty("properties", out _):
                return Object(schema, contextName, allowEnums, depth);
            default:
                // "unknown", "null", missing or made-up types: keep the raw JSON rather than guess.
                return TypeRef.Json;
        }
    }

    private TypeRef Component(string key, JsonElement target, bool allowEnums, int depth)
    {
        if (_componentTypes.TryGetValue(key, out var known))
        {
            return !allowEnums && known.Kind == TypeRefKind.Enum ? TypeRef.String : known;
        }

        var name = _componentTypeNames[key];
        if (!_building.Add(key))
        {
            // A cycle through a component being built: a model of this name when the component is an object with
            // properties (a recursive model); a cycle of bare references has no content to generate.
            if (IsObjectSchema(target) && HasProperties(target))
            {
                return new TypeRef(TypeRefKind.Model, name);
            }

            _warn($"The schema '{key}'", "its references form a cycle with no content; it is read as JSON");
            return TypeRef.Json;
        }

        try
        {
            TypeRef result;
            if (IsObjectSchema(target) && HasProperties(target))
            {
                result = new TypeRef(TypeRefKind.Model, name);
                _componentTypes[key] = result;
                _models.Add(BuildModel(name, target, depth));
            }
            else
            {
                result = Read(target, name, allowEnums: true, depth + 1);
                _componentTypes[key] = result;
            }

            return !allowEnums && result.Kind == TypeRefKind.Enum ? TypeRef.String : result;
        }
        finally
        {
            _building.Remove(key);
        }
    }

    private TypeRef Object(JsonElement schema, string contextName, bool allowEnums, int depth)
    {
        if (!HasProperties(schema))
        {
            return TypeRef.Json; // free-form object
        }

        var canonical = Canonical(schema);
        if (_componentByCanonical.TryGetValue(canonical, out var componentKey))
        {
            return Component(componentKey, _components.GetProperty(componentKey), allowEnums, depth);
        }

        // Inline objects that are not components get a type of their own, named for where they occur (a shared type
        // named after its first use would read wrongly elsewhere).
        var name = _names.Claim(contextName);
        var type = new TypeRef(TypeRefKind.Model, name);
        _models.Add(BuildModel(name, schema, depth));
        return type;
    }

    private ModelSpec BuildModel(string name, JsonElement schema, int depth)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("required", out var requiredList) && requiredList.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in requiredList.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    required.Add(item.GetString()!);
                }
            }
        }

        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        var properties = new List<PropertySpec>();
        var seenJsonNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            if (!seenJsonNames.Add(property.Name))
            {
                _warn($"Property '{property.Name}' of '{name}'", "it is declared twice; the first declaration is used");
                continue;
            }

            var memberName = Identifier.Pascal(property.Name);
            if (memberName == name || RecordMembers.Contains(memberName))
            {
                memberName += "Value";
            }

            var unique = memberName;
            for (var i = 2; !memberNames.Add(unique); i++)
            {
                unique = memberName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var type = Read(property.Value, name + Identifier.Pascal(property.Name), allowEnums: true, depth + 1);
            properties.Add(new PropertySpec(property.Name, unique, type, required.Contains(property.Name), Description(property.Value), IsDeprecated(property.Value)));
        }

        return new ModelSpec(name, Description(schema), IsDeprecated(schema), properties.ToEquatableArray());
    }

    private TypeRef Enum(string contextName, string? description, List<string> values)
    {
        var members = new List<EnumMemberSpec>();
        var taken = new HashSet<string>(StringComparer.Ordinal) { "Unknown" };
        foreach (var value in values)
        {
            var member = Identifier.Pascal(value, "Empty");
            if (EnumMembers.Contains(member))
            {
                member += "Value";
            }

            var unique = member;
            for (var i = 2; !taken.Add(unique); i++)
            {
                unique = member + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            members.Add(new EnumMemberSpec(unique, value));
        }

        var memberArray = members.ToEquatableArray();
        if (_enumsByName.TryGetValue(contextName, out var same) && same.Members.Equals(memberArray))
        {
            return new TypeRef(TypeRefKind.Enum, same.Name);
        }

        var name = _names.Claim(contextName);
        var spec = new EnumSpec(name, description, memberArray);
        _enumsByName[contextName] = spec;
        _enums.Add(spec);
        return new TypeRef(TypeRefKind.Enum, name);
    }

    /// <summary>Members every record has: a property of one of these names gets a <c>Value</c> suffix.</summary>
    private static readonly HashSet<string> RecordMembers = new(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "ToString", "EqualityContract", "Clone", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Members every enum has (from <c>System.Enum</c> and <c>object</c>): a value of one of these names gets a <c>Value</c> suffix.</summary>
    private static readonly HashSet<string> EnumMembers = new(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", "CompareTo", "HasFlag", "GetTypeCode", "TryFormat",
    };

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

    private static bool IsObjectSchema(JsonElement schema) => schema.ValueKind == JsonValueKind.Object && ( (TypeOf(schema) is "object" or null && schema.TryGetProperty("properties", out _) || TypeOf(schema) == "object"));

    private static bool HasProperties(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object && properties.EnumerateObject().Any();

    private static string? ComponentKey(string? reference)
    {
        const string Prefix = "#/components/schemas/";
        return reference is not null && reference.StartsWith(Prefix, StringComparison.Ordinal) && reference.Length > Prefix.Length
            ? Uri.UnescapeDataString(reference.Substring(Prefix.Length).Replace("~1", "/").Replace("~0", "~"))
            : null;
    }

    private static string StripNamespace(string key, IReadOnlyCollection<string> apiNamespaces)
    {
        var best = apiNamespaces.Where(ns => key.Length > ns.Length + 1 && key.StartsWith(ns + "_", StringComparison.Ordinal)).OrderByDescending(ns => ns.Length).FirstOrDefault();
        return best is null ? key : key.Substring(best.Length + 1);
    }

    private static string Canonical(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
