using System;
using System.Collections.Generic;
using System.Text.Json;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>The records and enums a <see cref="SchemaReader"/> collects, and how their members are named.</summary>
internal sealed partial class SchemaReader
{
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

    private readonly List<ModelSpec> _models = [];
    private readonly List<EnumSpec> _enums = [];
    private readonly Dictionary<string, EnumSpec> _enumsByName = new(StringComparer.Ordinal);

    public IReadOnlyList<ModelSpec> Models => _models;

    public IReadOnlyList<EnumSpec> Enums => _enums;

    private ModelSpec BuildModel(string name, JsonElement schema, int depth)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("required"u8, out var requiredList) && requiredList.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in requiredList.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    required.Add(item.GetString()!);
                }
            }
        }

        var memberNames = new UniqueNames().Reserve([name]);
        var properties = new List<PropertySpec>();
        var seenJsonNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in schema.GetProperty("properties"u8).EnumerateObject())
        {
            var jsonName = property.Name; // each read of Name makes a new string
            if (!seenJsonNames.Add(jsonName))
            {
                _warn($"Property '{jsonName}' of '{name}'", "it is declared twice; the first declaration is used");
                continue;
            }

            var pascal = Identifier.Pascal(jsonName);
            var memberName = pascal;
            if (memberName == name || RecordMembers.Contains(memberName))
            {
                memberName += "Value";
            }

            var type = Read(property.Value, name + pascal, allowEnums: true, depth + 1, fieldName: jsonName);
            properties.Add(new PropertySpec(jsonName, memberNames.Claim(memberName), type, required.Contains(jsonName), SchemaShapes.Description(property.Value), SchemaShapes.IsDeprecated(property.Value)));
        }

        return new ModelSpec(name, SchemaShapes.Description(schema), SchemaShapes.IsDeprecated(schema), properties.ToEquatableArray());
    }

    private TypeRef Enum(string contextName, string? description, List<string> values)
    {
        var members = new List<EnumMemberSpec>();
        var taken = new UniqueNames().Reserve(["Unknown"]);
        foreach (var value in values)
        {
            var member = Identifier.Pascal(value, "Empty");
            if (EnumMembers.Contains(member))
            {
                member += "Value";
            }

            members.Add(new EnumMemberSpec(taken.Claim(member), value));
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
}
