using System;
using System.Collections.Generic;

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
            var restAt = resourcesAt + 3;
            var byId = segments.Length > restAt && IsPlaceholder(segments[restAt]);
            string? action = null;
            for (var i = restAt; i < segments.Length; i++)
            {
                if (!IsPlaceholder(segments[i]))
                {
                    action += Identifier.Pascal(segments[i]);
                }
            }

            return new PathParts(
                Identifier.Pascal(group, "Api"),
                Identifier.Pascal(resource, "Resource"),
                action is null ? null : Identifier.Cap(action),
                byId,
                version,
                segments.Length == restAt);
        }

        string? last = null;
        for (var i = segments.Length - 1; i >= 0 && last is null; i--)
        {
            var s = segments[i];
            if (!IsPlaceholder(s) && !(s.Length > 0 && char.IsDigit(s[0])) && s != "api")
            {
                last = Identifier.Pascal(s);
            }
        }

        return new PathParts("Other", last ?? "Root", null, segments.Length > 0 && IsPlaceholder(segments[segments.Length - 1]), version, false);
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
        var groups = new List<string>(operations.Count);
        var resources = new List<string>(operations.Count);
        var names = new List<string>(operations.Count);
        var methods = new List<string>(operations.Count);
        foreach (var (group, resource, name, method) in operations)
        {
            groups.Add(group);
            resources.Add(resource);
            names.Add(name);
            methods.Add(method);
        }

        return Deduplicate(groups, resources, names, methods);
    }

    /// <summary><see cref="Deduplicate(IReadOnlyList{ValueTuple{string, string, string, string}})"/> over parallel lists (the i-th operation's group, resource, name and method).</summary>
    public static List<string> Deduplicate(List<string> groups, List<string> resources, List<string> names, List<string> methods)
    {
        var perResource = new Dictionary<string, Dictionary<string, UniqueNames>>(StringComparer.Ordinal);
        var result = new List<string>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (!perResource.TryGetValue(groups[i], out var byResource))
            {
                perResource[groups[i]] = byResource = new Dictionary<string, UniqueNames>(StringComparer.Ordinal);
            }

            if (!byResource.TryGetValue(resources[i], out var taken))
            {
                byResource[resources[i]] = taken = new UniqueNames(companion: ListCompanion);
            }

            var candidate = name == "ListAll" ? "ListAllItems" : name;
            if (!taken.TryClaim(candidate))
            {
                var withVerb = Identifier.Cap(name + Identifier.Pascal(methods[i].ToLowerInvariant()));
                candidate = taken.Claim(withVerb, n => Identifier.Cap(name + n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            result.Add(candidate);
        }

        return result;
    }

    private static string? ListCompanion(string name) => name.StartsWith("List", StringComparison.Ordinal) ? name + "All" : null;

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
        var groups = new List<string>();
        var resources = new List<string>();
        foreach (var (group, resource) in pairs)
        {
            groups.Add(group);
            resources.Add(resource);
        }

        var names = MemberNames(groups, resources);
        var result = new Dictionary<(string Group, string Resource), (string Group, string Resource)>();
        for (var i = 0; i < groups.Count; i++)
        {
            result[(groups[i], resources[i])] = (names.Groups[groups[i]], names.Resources[groups[i]][resources[i]]);
        }

        return result;
    }

    /// <summary>
    /// <see cref="MemberNames(IEnumerable{ValueTuple{string, string}})"/> over parallel lists (the i-th operation's group
    /// and resource): each group's member name, and each resource's within its group.
    /// </summary>
    public static (Dictionary<string, string> Groups, Dictionary<string, Dictionary<string, string>> Resources) MemberNames(List<string> groups, List<string> resources)
    {
        // The distinct resources of each group, both in ordinal order.
        var resourcesByGroup = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var sortedGroups = new List<string>();
        for (var i = 0; i < groups.Count; i++)
        {
            if (!resourcesByGroup.TryGetValue(groups[i], out var list))
            {
                resourcesByGroup[groups[i]] = list = [];
                sortedGroups.Add(groups[i]);
            }

            if (!list.Contains(resources[i]))
            {
                list.Add(resources[i]);
            }
        }

        sortedGroups.Sort(StringComparer.Ordinal);
        var groupNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var groupMembers = new UniqueNames(companion: g => g + "Api");
        foreach (var group in sortedGroups)
        {
            var wanted = ClientMembers.Contains(group) ? group + "Group" : group;
            groupNames[group] = groupMembers.Claim(wanted, i => Suffixed(wanted, "Group", i - 1));
        }

        var resourceNames = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var key in sortedGroups)
        {
            var group = groupNames[key];
            var members = new UniqueNames(companion: r => r + "Resource").Reserve([group + "Api"]);
            var names = resourceNames[key] = new Dictionary<string, string>(StringComparer.Ordinal);
            var sortedResources = resourcesByGroup[key];
            sortedResources.Sort(StringComparer.Ordinal);
            foreach (var resource in sortedResources)
            {
                var wanted = ObjectMembers.Contains(resource) ? resource + "Resource" : resource;
                names[resource] = members.Claim(wanted, i => Suffixed(wanted, "Resource", i - 1));
            }
        }

        return (groupNames, resourceNames);
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
