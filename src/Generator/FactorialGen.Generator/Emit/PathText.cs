using System;
using System.Collections.Generic;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// How a resource's operations write their paths: the part every path of the resource starts with is a constant of
/// the resource class (<c>private const string __Path = "/api/2026-07-01/resources/timeoff/leaves";</c>), and each
/// attribute and request writes <c>__Path + "/approve"</c>. The compiler folds the two constants into the same string
/// the literal was; the text is shorter (a path is written up to six times in a list operation: four attributes and
/// two request builders). The docs keep the whole path.
/// </summary>
internal static class PathText
{
    /// <summary>The constant's name (two underscores: no operation or document name can take it).</summary>
    public const string ConstantName = "__Path";

    /// <summary>A shorter common part is written as it is: the constant would not pay for itself.</summary>
    private const int MinimumLength = 16;

    /// <summary>
    /// The longest start every path of <paramref name="operations"/> shares that ends at a segment boundary (each path
    /// goes on with <c>/</c> or ends there) and holds no placeholder; null when it is shorter than
    /// <see cref="MinimumLength"/>, or when the resource has one operation and it is not a list (its path is written twice
    /// only, the attribute and the request: the constant's declaration would cost more than it saves).
    /// </summary>
    public static string? CommonPrefix(IReadOnlyList<OperationSpec> operations)
    {
        if (operations.Count == 0 || (operations.Count == 1 && operations[0].ResponseShape != ResponseShape.Paged))
        {
            return null;
        }

        var prefix = operations[0].Path;
        var placeholder = prefix.IndexOf('{');
        if (placeholder >= 0)
        {
            prefix = prefix.Substring(0, placeholder);
        }

        foreach (var operation in operations)
        {
            var path = operation.Path;
            var length = 0;
            var max = Math.Min(prefix.Length, path.Length);
            while (length < max && prefix[length] == path[length])
            {
                length++;
            }

            prefix = prefix.Substring(0, length);
        }

        // Back to a segment boundary that holds for every path.
        while (prefix.Length > 0 && !IsBoundary(prefix, operations))
        {
            var slash = prefix.LastIndexOf('/', prefix.Length - 1);
            prefix = slash <= 0 ? string.Empty : prefix.Substring(0, slash);
        }

        return prefix.Length >= MinimumLength ? prefix : null;
    }

    /// <summary>The C# expression of <paramref name="path"/>: <c>__Path + "/rest"</c>, <c>__Path</c>, or its literal.</summary>
    public static string Expression(string path, string? prefix)
    {
        if (prefix is null || !path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return CodeText.Literal(path);
        }

        return path.Length == prefix.Length ? ConstantName : $"{ConstantName} + {CodeText.Literal(path.Substring(prefix.Length))}";
    }

    private static bool IsBoundary(string prefix, IReadOnlyList<OperationSpec> operations)
    {
        foreach (var operation in operations)
        {
            if (operation.Path.Length > prefix.Length && operation.Path[prefix.Length] != '/')
            {
                return false;
            }
        }

        return true;
    }
}
