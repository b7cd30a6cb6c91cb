using System;
using System.Collections.Generic;
using System.Linq;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Names operations from path and verb (the document has no operationIds):
/// <c>/api/{version}/resources/{namespace}/{resource}[/{id}|/{action}]</c> gives the group, the resource and
/// <c>List</c>/<c>Create</c> (collection), <c>Get</c>/<c>Update</c>/<c>Delete</c> (by id) or the action's name.
/// Other paths go to the group <c>Other</c>, named from their segments.
/// </summary>
internal static class OperationNamer
{
    public readonly record struct PathParts(string Group, string Resource, string? Action, bool ById, string? Version, bool IsCollection);

    public static PathParts Split(string path)
    {
        var segments = path.Split(['/'], StringSplitOptions.RemoveEmptyEntries);
        string? version = null;
        var resourcesAt = Array.IndexOf(segments, "resources");
        if (segments.Length > 1 && segments[0] == "api" && segments[1].Length > 0 && char.IsDigit(segments[1][0]))
        {
            version = segments[1];
        }

        if (resourcesAt >= 0 && segments.Length >= resourcesAt + 3)
        {
            var group = segments[resourcesAt + 1];
            var resource = segments[resourcesAt + 2];
            var rest = segments.Skip(resourcesAt + 3).ToArray();
            var byId = rest.Length >= 1 && IsPlaceholder(rest[0]);
            var action = rest.Where(s => !IsPlaceholder(s)).Select(s => Identifier.Pascal(s)).ToArray();
            return new PathParts(
                Identifier.Pascal(group, "Api"),
                Identifier.Pascal(resource, "Resource"),
                action.Length == 0 ? null : string.Concat(action),
                byId,
                version,
                rest.Length == 0);
        }

        var names = segments.Where(s => !IsPlaceholder(s) && !(s.Length > 0 && char.IsDigit(s[0])) && s != "api").Select(s => Identifier.Pascal(s)).ToArray();
        return new PathParts("Other", names.Length == 0 ? "Root" : names[names.Length - 1], null, segments.Length > 0 && IsPlaceholder(segments[segments.Length - 1]), version, false);
    }

    /// <summary>The method name (without <c>Async</c>) before collisions are resolved.</summary>
    public static string BaseName(string method, PathParts parts)
    {
        var verb = method.ToUpperInvariant();
        if (parts.Action is { } action)
        {
            return verb switch
            {
                "POST" => action,
                "GET" => action.StartsWith("Get", StringComparison.Ordinal) ? action : "Get" + action,
                "PUT" or "PATCH" => "Update" + action,
                "DELETE" => "Delete" + action,
                _ => Identifier.Pascal(verb.ToLowerInvariant()) + action,
            };
        }

        return (verb, parts.ById) switch
        {
            ("GET", false) => "List",
            ("GET", true) => "Get",
            ("POST", false) => "Create",
            ("POST", true) => "Post",
            ("PUT" or "PATCH", _) => "Update",
            ("DELETE", _) => "Delete",
            _ => Identifier.Pascal(verb.ToLowerInvariant()),
        };
    }

    /// <summary>
    /// Makes names unique within each resource, in the operations' sorted order: a later duplicate gets the HTTP verb,
    /// then a number. <c>ListAll</c> is kept free for the paging companion of <c>List</c>.
    /// </summary>
    public static IReadOnlyList<string> Deduplicate(IReadOnlyList<(string Group, string Resource, string Name, string Method)> operations)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(operations.Count);
        foreach (var (group, resource, name, method) in operations)
        {
            var candidate = name == "ListAll" ? "ListAllItems" : name;
            if (!taken.Add(Key(group, resource, candidate)))
            {
                candidate = name + Identifier.Pascal(method.ToLowerInvariant());
                for (var i = 2; !taken.Add(Key(group, resource, candidate)); i++)
                {
                    candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            if (candidate == "List")
            {
                taken.Add(Key(group, resource, "ListAll"));
            }

            result.Add(candidate);
        }

        return result;
    }

    private static string Key(string group, string resource, string name) => group + "\u0001" + resource + "\u0001" + name;

    private static bool IsPlaceholder(string segment) => segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal);
}
