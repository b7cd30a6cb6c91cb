using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Operations with many optional query parameters (the real documents have up to 16) take them as one options object,
/// <c>ListAsync(new EmployeesListOptions { OnlyActive = true })</c>, and keep a short overload with the common ones:
/// the ranges (<c>from</c>/<c>to</c>, <c>start_on</c>/<c>end_on</c>, …) first, then the id filters (<c>ids[]</c>,
/// <c>employee_ids[]</c>, <c>location_id</c>, …), at most <see cref="MaxOptional"/>, in the operation's order.
/// </summary>
internal static class QueryOptions
{
    /// <summary>More optional query parameters than this make an options type.</summary>
    public const int MaxOptional = 4;

    /// <summary>Members every class has: an options property of one of these names gets a number.</summary>
    private static readonly string[] ObjectMembers = ["Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals"];

    public static bool Needs(OperationSpec operation)
    {
        var optional = 0;
        foreach (var p in operation.Parameters)
        {
            optional += p.Location == ParameterLocation.Query && !p.Required ? 1 : 0;
        }

        return optional > MaxOptional;
    }

    /// <summary>The optional query parameters, in the operation's order.</summary>
    public static IEnumerable<ParameterSpec> Optional(OperationSpec operation) =>
        operation.Parameters.Where(p => p.Location == ParameterLocation.Query && !p.Required);

    /// <summary>The optional query parameters the short overload keeps.</summary>
    public static List<ParameterSpec> Common(OperationSpec operation)
    {
        var optional = Optional(operation).ToList();
        var names = new HashSet<string>(optional.Select(p => Plain(p.JsonName)), StringComparer.Ordinal);
        var ranges = optional.Where(p => ParameterReader.StartOf(Plain(p.JsonName)) is { } start && names.Contains(start)).ToList();
        ranges = optional.Where(p => ranges.Contains(p) || ranges.Any(end => ParameterReader.StartOf(Plain(end.JsonName)) == Plain(p.JsonName))).ToList();
        var kept = ranges.Take(MaxOptional - (MaxOptional % 2)).ToList();
        kept.AddRange(optional.Where(p => !ranges.Contains(p) && IsIdFilter(Plain(p.JsonName))).Take(MaxOptional - kept.Count));
        return optional.Where(kept.Contains).ToList();
    }

    /// <summary>The C# property name of each optional query parameter in the options type (by JSON name).</summary>
    public static Dictionary<string, string> PropertyNames(OperationSpec operation)
    {
        var names = new UniqueNames().Reserve(ObjectMembers).Reserve([operation.OptionsName ?? string.Empty]);
        return Optional(operation).ToDictionary(p => p.JsonName, p => names.Claim(Identifier.Pascal(Plain(p.JsonName))), StringComparer.Ordinal);
    }

    private static bool IsIdFilter(string name) =>
        name is "id" or "ids" || name.EndsWith("_id", StringComparison.Ordinal) || name.EndsWith("_ids", StringComparison.Ordinal);

    private static string Plain(string jsonName) => jsonName.Replace("[]", string.Empty);
}
