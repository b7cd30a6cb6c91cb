using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Turns JSON schemas into <see cref="TypeRef"/>s, collecting the records and enums they need. Component schemas keep
/// their names (without the API namespace prefix when that stays unique); an inline object that equals a component
/// (the 2024-10-01 document inlines every component) reuses it; other inline objects are named from where they occur
/// (and merged with identical ones afterwards, by <see cref="ShapeDeduplicator"/>). Records and enums are built in
/// SchemaReader.Records.cs.
/// </summary>
internal sealed partial class SchemaReader
{
    private const int MaxDepth = 32;
    private const string Section = "schemas";

    private readonly JsonElement _components;
    private readonly Dictionary<string, string> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentByCanonical = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _componentTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inlineModels = new(StringComparer.Ordinal);
    private readonly TypeNames _names = new();
    private readonly Action<string, string> _warn;
    private readonly CancellationToken _cancellationToken;

    /// <param name="components">The document's <c>components</c> object (its <c>schemas</c> are the named types).</param>
    public SchemaReader(JsonElement components, IReadOnlyCollection<string> apiNamespaces, Action<string, string> warn, CancellationToken cancellationToken)
    {
        _components = components;
        _warn = warn;
        _cancellationToken = cancellationToken;
        var schemas = components.ValueKind == JsonValueKind.Object && components.TryGetProperty(Section, out var s) ? s : default;
        if (schemas.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        // A component is named without its API namespace prefix when no other component gets the same short name.
        var keys = new List<string>();
        var shortNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in schemas.EnumerateObject())
        {
            var key = property.Name;
            var shortName = Identifier.Pascal(SchemaShapes.StripNamespace(key, apiNamespaces), "Model");
            shortNames.Add(key, shortName);
            keys.Add(key);
            counts[shortName] = counts.TryGetValue(shortName, out var count) ? count + 1 : 1;
        }

        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var wanted = counts[shortNames[key]] == 1 ? shortNames[key] : Identifier.Pascal(key, "Model");
            _componentTypeNames[key] = _names.Claim(wanted);
        }

        foreach (var property in schemas.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && SchemaShapes.IsObjectSchema(property.Value))
            {
                var canonical = SchemaShapes.Canonical(property.Value);
                if (!_componentByCanonical.ContainsKey(canonical))
                {
                    _componentByCanonical[canonical] = property.Name;
                }
            }
        }
    }

    /// <summary>The names of the records made for inline objects (not components): the ones identical shapes may merge.</summary>
    public IReadOnlyCollection<string> InlineModels => _inlineModels;

    /// <summary>A type name of the models' namespace for a type that is not a schema (an operation's options).</summary>
    public string ClaimTypeName(string wanted) => _names.Claim(wanted);

    /// <summary>Reads <paramref name="schema"/>; inline types are named <paramref name="contextName"/>.</summary>
    /// <param name="allowEnums">When false, enums read as their underlying type (used for parameters).</param>
    public TypeRef Read(JsonElement schema, string contextName, bool allowEnums = true) => Read(schema, contextName, allowEnums, 0, fieldName: null);

    /// <summary>Resolves a <c>$ref</c> to a component schema element, if it is one.</summary>
    public bool TryResolve(JsonElement schema, out JsonElement resolved)
    {
        resolved = ComponentRefs.Resolve(schema, _components, Section);
        return resolved.ValueKind != JsonValueKind.Undefined;
    }

    private TypeRef Read(JsonElement schema, string contextName, bool allowEnums, int depth, string? fieldName)
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

        if (ComponentRefs.IsReference(schema, out var reference))
        {
            var key = ComponentRefs.Key(reference, Section);
            if (key is null || !ComponentRefs.TryGet(_components, Section, key, out var target))
            {
                _warn($"The reference '{reference}' of '{contextName}'", "it does not point to a schema under #/components/schemas; it is read as JSON");
                return TypeRef.Json;
            }

            return Component(key, target, allowEnums, depth);
        }

        var type = SchemaShapes.TypeOf(schema);
        if (schema.TryGetProperty("enum"u8, out var values) && values.ValueKind == JsonValueKind.Array && (type is null or "string"))
        {
            var strings = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in values.EnumerateArray())
            {
                if (value.ValueKind == JsonValueKind.String && value.GetString()! is var text && seen.Add(text))
                {
                    strings.Add(text);
                }
            }

            if (!allowEnums || strings.Count == 0)
            {
                return TypeRef.String;
            }

            return Enum(contextName, SchemaShapes.Description(schema), strings);
        }

        switch (type)
        {
            case "string":
                return ScalarTypes.String(schema, fieldName);
            case "integer":
                return ScalarTypes.Integer(schema);
            case "number":
                return TypeRef.Double;
            case "boolean":
                return TypeRef.Boolean;
            case "array":
                return schema.TryGetProperty("items"u8, out var items)
                    ? TypeRef.ArrayOf(Read(items, contextName + "Item", allowEnums, depth + 1, fieldName: null))
                    : TypeRef.ArrayOf(TypeRef.Json);
            case "object":
            case null when schema.TryGetProperty("properties"u8, out _):
                return Object(schema, contextName, allowEnums, depth);
            default:
                // "unknown", "null", missing or made-up types: the raw JSON (a JsonElement) rather than a guess.
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
            if (SchemaShapes.IsObjectSchema(target) && SchemaShapes.HasProperties(target))
            {
                return new TypeRef(TypeRefKind.Model, name);
            }

            _warn($"The schema '{key}'", "its references form a cycle with no content; it is read as JSON");
            return TypeRef.Json;
        }

        try
        {
            TypeRef result;
            if (SchemaShapes.IsObjectSchema(target) && SchemaShapes.HasProperties(target))
            {
                result = new TypeRef(TypeRefKind.Model, name);
                _componentTypes[key] = result;
                _models.Add(BuildModel(name, target, depth));
            }
            else
            {
                result = Read(target, name, allowEnums: true, depth + 1, fieldName: null);
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
        if (!SchemaShapes.HasProperties(schema))
        {
            return TypeRef.Json; // free-form object
        }

        var canonical = SchemaShapes.Canonical(schema);
        if (_componentByCanonical.TryGetValue(canonical, out var componentKey) && ComponentRefs.TryGet(_components, Section, componentKey, out var component))
        {
            return Component(componentKey, component, allowEnums, depth);
        }

        // Inline objects that are not components get a type of their own, named for where they occur (a shared type
        // named after its first use would read wrongly elsewhere); identical ones are merged once all are read.
        var name = _names.Claim(contextName);
        _inlineModels.Add(name);
        _models.Add(BuildModel(name, schema, depth));
        return new TypeRef(TypeRefKind.Model, name);
    }
}
