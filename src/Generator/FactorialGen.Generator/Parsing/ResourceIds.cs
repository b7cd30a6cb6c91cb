using System;
using System.Collections.Generic;
using System.Linq;
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
        var byName = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var idTypes = operations
            .GroupBy(o => (o.Group, o.Resource))
            .Select(g => (g.Key, Type: IdTypeOf(g.ToList(), byName)))
            .Where(x => x.Type is not null)
            .ToDictionary(x => x.Key, x => x.Type!);

        return operations.Select(operation =>
        {
            if (!idTypes.TryGetValue((operation.Group, operation.Resource), out var idType) || ResourceIdPlaceholder(operation.Path) is not { } placeholder)
            {
                return operation;
            }

            var parameters = operation.Parameters.Select(p => p.Location == ParameterLocation.Path && p.JsonName == placeholder && p.Type.Kind == TypeRefKind.String ? p with { Type = idType } : p).ToList();
            return parameters.SequenceEqual(operation.Parameters) ? operation : operation with { Parameters = parameters.ToEquatableArray() };
        }).ToList();
    }

    /// <summary>The integer type of the resource's records' <c>id</c> (from reading one by id, else listing them), or null.</summary>
    private static TypeRef? IdTypeOf(List<OperationSpec> operations, Dictionary<string, ModelSpec> models)
    {
        var candidates = operations
            .OrderBy(o => o.Method == "GET" && o.ResponseShape == ResponseShape.Single && ResourceIdPlaceholder(o.Path) is not null ? 0 : o.ResponseShape is ResponseShape.Paged or ResponseShape.Array ? 1 : 2)
            .ThenBy(o => o.Path, StringComparer.Ordinal)
            .Where(o => o.Method == "GET" && o.Response?.Kind == TypeRefKind.Model);
        foreach (var operation in candidates)
        {
            var model = Unwrap(operation.Response!, models);
            var id = model?.Properties.FirstOrDefault(p => p.JsonName == "id");
            if (id is not null)
            {
                return id.Type.Kind is TypeRefKind.Int64 or TypeRefKind.Int32 ? id.Type : null;
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

        if (model.Properties.Any(p => p.JsonName == "id"))
        {
            return model;
        }

        var data = model.Properties.FirstOrDefault(p => p.JsonName == "data" && p.Type.Kind == TypeRefKind.Model);
        return data?.Type.Name is { } name && models.TryGetValue(name, out var inner) ? inner : null;
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
