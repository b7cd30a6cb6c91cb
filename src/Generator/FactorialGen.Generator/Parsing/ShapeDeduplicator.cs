using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// One type per distinct shape within a document's namespace: enums with the same values in the same order, and
/// records made for inline objects with the same fields (JSON name, C# name, type, required, deprecated), become one
/// type. A merged enum is named for the field all its uses share (<c>HalfDay</c> for <c>LeaveHalfDay</c> and
/// <c>LeavesCreateRequestHalfDay</c>) when that name is free and wanted by no other merged shape; otherwise, like a
/// merged record, it keeps the shortest of the merged names (then the first in ordinal order). Neither depends on the
/// order the document is read in; the docs are those of the first merged type. Records of component schemas, and an
/// operation's own request body or answer (named for the operation), keep their names.
/// Merging repeats until nothing changes, since merged enums and records can make records identical.
/// </summary>
internal static class ShapeDeduplicator
{
    public static ApiDocumentSpec Deduplicate(ApiDocumentSpec document, IReadOnlyCollection<string> inlineModels)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var enums = document.Enums.ToList();
        var groups = enums.GroupBy(e => e.Members).Where(g => g.Count() > 1).Select(g => g.ToList()).ToList();
        var wanted = groups.Select(g => CommonSuffix(g.Select(e => e.Name).ToList())).ToList();
        var taken = new HashSet<string>(document.Models.Select(m => m.Name).Concat(enums.Select(e => e.Name)).Concat(document.Operations.Select(o => o.OptionsName).OfType<string>()).Concat(TypeNames.Reserved), StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            // The field name all uses share ("HalfDay" for LeaveHalfDay, LeavesCreateRequestHalfDay, …) when no other
            // type has it and no other merged shape wants it; else the shortest of the merged names.
            var common = wanted[i];
            var kept = common is not null && !taken.Contains(common) && wanted.Count(w => w == common) == 1 ? common : Kept(groups[i].Select(e => e.Name));
            var first = groups[i][0];
            enums[enums.IndexOf(first)] = first with { Name = kept };
            foreach (var e in groups[i].Where(e => e.Name != kept))
            {
                renames[e.Name] = kept;
            }
        }

        enums = enums.Where(e => !renames.ContainsKey(e.Name) || renames[e.Name] == e.Name).GroupBy(e => e.Name).Select(g => g.First()).ToList();
        foreach (var key in renames.Where(r => r.Key == r.Value).Select(r => r.Key).ToList())
        {
            renames.Remove(key);
        }
        var models = document.Models.ToList();
        // An operation's own request body or answer is named for the operation (UnterminateRequest): it stays its own type.
        var inline = new HashSet<string>(inlineModels, StringComparer.Ordinal);
        inline.ExceptWith(document.Operations.SelectMany(o => new[] { o.Body, o.Response }).Where(t => t?.Kind == TypeRefKind.Model).Select(t => t!.Name!));
        for (var changed = true; changed;)
        {
            changed = false;
            models = models.ConvertAll(m => Rename(m, renames));
            foreach (var group in models.Where(m => inline.Contains(m.Name)).GroupBy(Shape, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var kept = Kept(group.Select(m => m.Name));
                foreach (var model in group.Where(m => m.Name != kept))
                {
                    renames[model.Name] = kept;
                    changed = true;
                }
            }

            models = models.Where(m => !renames.ContainsKey(m.Name)).ToList();
        }

        if (renames.Count == 0)
        {
            return document;
        }

        // A chain a → b → c (b merged in a later round) ends at c.
        foreach (var key in renames.Keys.ToList())
        {
            var target = renames[key];
            while (renames.TryGetValue(target, out var next))
            {
                target = next;
            }

            renames[key] = target;
        }

        var operations = new List<OperationSpec>(document.Operations.Count);
        foreach (var operation in document.Operations)
        {
            operations.Add(Rename(operation, renames));
        }

        var webhooks = new List<WebhookSpec>(document.Webhooks.Count);
        foreach (var webhook in document.Webhooks)
        {
            var payload = Rename(webhook.Payload, renames);
            webhooks.Add(ReferenceEquals(payload, webhook.Payload) ? webhook : webhook with { Payload = payload });
        }

        return document with
        {
            Operations = operations.ToEquatableArray(),
            Models = models.ToEquatableArray(),
            Enums = enums.ToEquatableArray(),
            Webhooks = webhooks.ToEquatableArray(),
        };
    }

    /// <summary>The model with renamed property types; the same instance when none of them changes.</summary>
    private static ModelSpec Rename(ModelSpec model, Dictionary<string, string> renames)
    {
        var properties = model.Properties;
        PropertySpec[]? changed = null;
        for (var i = 0; i < properties.Count; i++)
        {
            var type = Rename(properties[i].Type, renames);
            if (!ReferenceEquals(type, properties[i].Type))
            {
                changed ??= properties.AsImmutableArray().ToArray();
                changed[i] = properties[i] with { Type = type };
            }
        }

        return changed is null ? model : model with { Properties = changed.ToEquatableArray() };
    }

    /// <summary>The operation with renamed parameter, body and answer types; the same instance when none of them changes.</summary>
    private static OperationSpec Rename(OperationSpec operation, Dictionary<string, string> renames)
    {
        var parameters = operation.Parameters;
        ParameterSpec[]? changed = null;
        for (var i = 0; i < parameters.Count; i++)
        {
            var type = Rename(parameters[i].Type, renames);
            if (!ReferenceEquals(type, parameters[i].Type))
            {
                changed ??= parameters.AsImmutableArray().ToArray();
                changed[i] = parameters[i] with { Type = type };
            }
        }

        var body = operation.Body is null ? null : Rename(operation.Body, renames);
        var response = operation.Response is null ? null : Rename(operation.Response, renames);
        return changed is null && ReferenceEquals(body, operation.Body) && ReferenceEquals(response, operation.Response)
            ? operation
            : operation with { Parameters = changed is null ? parameters : changed.ToEquatableArray(), Body = body, Response = response };
    }

    /// <summary>The longest run of whole PascalCase words every name ends with, or null when there is none.</summary>
    private static string? CommonSuffix(List<string> names)
    {
        var shortest = names.OrderBy(n => n.Length).First();
        for (var start = 1; start < shortest.Length; start++)
        {
            if (char.IsUpper(shortest[start]))
            {
                var suffix = shortest.Substring(start);
                if (names.All(n => n.EndsWith(suffix, StringComparison.Ordinal) && n.Length > suffix.Length && !char.IsUpper(n[n.Length - suffix.Length - 1]) || n == suffix))
                {
                    return suffix;
                }
            }
        }

        return null;
    }

    private static string Kept(IEnumerable<string> names) =>
        names.OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).First();

    private static string Shape(ModelSpec model) =>
        string.Join("\u0001", model.Properties.Select(p => $"{p.JsonName}\u0002{p.Name}\u0002{Describe(p.Type)}\u0002{p.Required}\u0002{p.Deprecated}"));

    private static string Describe(TypeRef type) => type.Kind == TypeRefKind.Array ? "[" + Describe(type.Element!) + "]" : type.Kind + ":" + type.Name;

    /// <summary>The type with merged names replaced; the same instance when nothing in it is renamed.</summary>
    private static TypeRef Rename(TypeRef type, Dictionary<string, string> renames)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Array:
                var element = Rename(type.Element!, renames);
                return ReferenceEquals(element, type.Element) ? type : TypeRef.ArrayOf(element);
            case TypeRefKind.Model or TypeRefKind.Enum when type.Name is not null && renames.TryGetValue(type.Name, out var kept):
                return type with { Name = kept };
            default:
                return type;
        }
    }
}
