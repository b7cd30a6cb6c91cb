using System;
using System.Collections.Generic;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Ids that round-trip: the id placeholder right after a resource in a path (<c>/resources/employees/employees/{id}</c>)
/// takes the type of the <c>id</c> field of the resource's record, so <c>GetAsync(employee.Id)</c> compiles without a
/// cast. The 2024-10-01 document declares every path id a string while its records carry integer ids; there the path
/// id becomes a <c>long</c> (sent in the path as its digits, exactly as the string was).
/// </summary>
internal static class ResourceIds
{
    public static List<OperationSpec> Apply(List<OperationSpec> operations, IReadOnlyList<ModelSpec> models)
    {
        var byName = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            byName.Add(model.Name, model);
        }

        // The operations of each resource (group, then resource), in their order.
        var byResource = new Dictionary<string, Dictionary<string, List<OperationSpec>>>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (!byResource.TryGetValue(operation.Group, out var resources))
            {
                byResource[operation.Group] = resources = new Dictionary<string, List<OperationSpec>>(StringComparer.Ordinal);
            }

            if (!resources.TryGetValue(operation.Resource, out var list))
            {
                resources[operation.Resource] = list = [];
            }

            list.Add(operation);
        }

        var result = new List<OperationSpec>(operations.Count);
        var idTypes = new Dictionary<List<OperationSpec>, TypeRef?>();
        foreach (var operation in operations)
        {
            var resource = byResource[operation.Group][operation.Resource];
            if (!idTypes.TryGetValue(resource, out var idType))
            {
                idTypes[resource] = idType = IdTypeOf(resource, byName);
            }

            result.Add(idType is not null && ResourceIdPlaceholder(operation.Path) is { } placeholder ? WithIdType(operation, placeholder, idType) : operation);
        }

        return result;
    }

    /// <summary>The operation with its path parameter <paramref name="placeholder"/> of type <paramref name="idType"/> when it is a string; else the operation itself.</summary>
    private static OperationSpec WithIdType(OperationSpec operation, string placeholder, TypeRef idType)
    {
        ParameterSpec[]? parameters = null;
        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            var p = operation.Parameters[i];
            if (p.Location == ParameterLocation.Path && p.JsonName == placeholder && p.Type.Kind == TypeRefKind.String)
            {
                if (parameters is null)
                {
                    parameters = new ParameterSpec[operation.Parameters.Count];
                    operation.Parameters.AsImmutableArray().CopyTo(parameters);
                }

                parameters[i] = p with { Type = idType };
            }
        }

        return parameters is null ? operation : operation with { Parameters = parameters.ToEquatableArray() };
    }

    /// <summary>The integer type of the resource's records' <c>id</c> (from reading one by id, else listing them), or null.</summary>
    private static TypeRef? IdTypeOf(List<OperationSpec> operations, Dictionary<string, ModelSpec> models)
    {
        // GETs answering a record: one by id first, then lists, then the rest; each by path.
        var candidates = new List<OperationSpec>();
        foreach (var o in operations)
        {
            if (o.Method == "GET" && o.Response?.Kind == TypeRefKind.Model)
            {
                candidates.Add(o);
            }
        }

        candidates.Sort((a, b) => Rank(a) - Rank(b) is var byRank && byRank != 0 ? byRank
            : string.CompareOrdinal(a.Path, b.Path) is var byPath && byPath != 0 ? byPath
            : operations.IndexOf(a) - operations.IndexOf(b));
        foreach (var operation in candidates)
        {
            var model = Unwrap(operation.Response!, models);
            var id = model is null ? null : Property(model, "id");
            if (id is not null)
            {
                return id.Type.Kind is TypeRefKind.Int64 or TypeRefKind.Int32 ? id.Type : null;
            }
        }

        return null;
    }

    private static int Rank(OperationSpec o) =>
        o.Method == "GET" && o.ResponseShape == ResponseShape.Single && ResourceIdPlaceholder(o.Path) is not null ? 0 : o.ResponseShape is ResponseShape.Paged or ResponseShape.Array ? 1 : 2;

    /// <summary>The first property of this JSON name, or null.</summary>
    private static PropertySpec? Property(ModelSpec model, string jsonName)
    {
        foreach (var p in model.Properties)
        {
            if (p.JsonName == jsonName)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>The record itself, or the record in its <c>data</c> field (<c>{ "data": { ... } }</c>).</summary>
    private static ModelSpec? Unwrap(TypeRef type, Dictionary<string, ModelSpec> models)
    {
        if (type.Name is null || !models.TryGetValue(type.Name, out var model))
        {
            return null;
        }

        if (Property(model, "id") is not null)
        {
            return model;
        }

        foreach (var p in model.Properties)
        {
            if (p.JsonName == "data" && p.Type.Kind == TypeRefKind.Model)
            {
                return p.Type.Name is { } name && models.TryGetValue(name, out var inner) ? inner : null;
            }
        }

        return null;
    }

    /// <summary>The placeholder right after <c>resources/{namespace}/{resource}/</c>, if the path has one.</summary>
    internal static string? ResourceIdPlaceholder(string path)
    {
        var segments = path.Split(['/'], StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "resources");
        if (at < 0 || segments.Length <= at + 3)
        {
            return null;
        }

        var segment = segments[at + 3];
        return segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}' ? segment.Substring(1, segment.Length - 2) : null;
    }
}
