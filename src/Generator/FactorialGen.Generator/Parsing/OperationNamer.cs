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
                action.Length == 0 ? null : Identifier.Cap(string.Concat(action)),
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
    /// then a number. <c>ListAll</c> is kept free for the paging companion of <c>List</c>, and any <c>List…</c> name
    /// only goes to an operation when its <c>…All</c> companion is free too.
    /// </summary>
    public static IReadOnlyList<string> Deduplicate(IReadOnlyList<(string Group, string Resource, string Name, string Method)> operations)
    {
        var perResource = new Dictionary<(string, string), UniqueNames>();
        var result = new List<string>(operations.Count);
        foreach (var (group, resource, name, method) in operations)
        {
            if (!perResource.TryGetValue((group, resource), out var names))
            {
                perResource[(group, resource)] = names = new UniqueNames(companion: n => n.StartsWith("List", StringComparison.Ordinal) ? n + "All" : null);
            }

            var candidate = name == "ListAll" ? "ListAllItems" : name;
            if (!names.TryClaim(candidate))
            {
                var withVerb = Identifier.Cap(name + Identifier.Pascal(method.ToLowerInvariant()));
                candidate = names.Claim(withVerb, i => Identifier.Cap(name + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            result.Add(candidate);
        }

        return result;
    }

    /// <summary>Names a client class gets from object, IDisposable and its own members: an API namespace of one of these names gets a suffix.</summary>
    private static readonly HashSet<string> ClientMembers = new(StringComparer.Ordinal)
    {
        "Connection", "Dispose", "GetDaysOffAsync", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Names every class has from object: a resource of one of these names gets a suffix.</summary>
    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>
    /// Group and resource names that become members without clashing: a group <c>G</c> is a property <c>G</c> and a
    /// class <c>GApi</c> of the client, a resource <c>R</c> a property <c>R</c> and a class <c>RResource</c> of its
    /// group's class. A name that would repeat another member, hide an inherited one (<c>Equals</c>, <c>Dispose</c>, …)
    /// or equal its enclosing class gets a <c>Group</c> or <c>Resource</c> suffix, in sorted order, the same way every time.
    /// </summary>
    public static Dictionary<(string Group, string Resource), (string Group, string Resource)> MemberNames(IEnumerable<(string Group, string Resource)> pairs)
    {
        var distinct = pairs.Distinct().ToList();
        var groupNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var groupMembers = new UniqueNames(companion: g => g + "Api");
        foreach (var group in distinct.Select(p => p.Group).Distinct().OrderBy(g => g, StringComparer.Ordinal))
        {
            var wanted = ClientMembers.Contains(group) ? group + "Group" : group;
            groupNames[group] = groupMembers.Claim(wanted, i => Suffixed(wanted, "Group", i - 1));
        }

        var result = new Dictionary<(string Group, string Resource), (string Group, string Resource)>();
        foreach (var byGroup in distinct.GroupBy(p => p.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var group = groupNames[byGroup.Key];
            var members = new UniqueNames(companion: r => r + "Resource").Reserve([group + "Api"]);
            foreach (var resource in byGroup.Select(p => p.Resource).Distinct().OrderBy(r => r, StringComparer.Ordinal))
            {
                var wanted = ObjectMembers.Contains(resource) ? resource + "Resource" : resource;
                result[(byGroup.Key, resource)] = (group, members.Claim(wanted, i => Suffixed(wanted, "Resource", i - 1)));
            }
        }

        return result;
    }

    /// <summary><paramref name="name"/> with <paramref name="suffix"/> added <paramref name="times"/> times, capped at each step.</summary>
    private static string Suffixed(string name, string suffix, int times)
    {
        for (var i = 0; i < times; i++)
        {
            name = Identifier.Cap(name + suffix);
        }

        return name;
    }

    private static bool IsPlaceholder(string segment) => segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal);
}
