using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// One type per distinct shape within a document's namespace: enums with the same values in the same order, and
/// records made for inline objects with the same fields (JSON name, C# name, type, required, deprecated), become one
/// type. The kept name is the shortest of the merged ones (then the first in ordinal order), so it does not depend on
/// the order the document is read in; its docs are the kept type's. Records of component schemas keep their names.
/// Merging repeats until nothing changes, since merged enums and records can make records identical.
/// </summary>
internal static class ShapeDeduplicator
{
    public static ApiDocumentSpec Deduplicate(ApiDocumentSpec document, IReadOnlyCollection<string> inlineModels)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var enums = document.Enums.ToList();
        foreach (var group in enums.GroupBy(e => e.Members).Where(g => g.Count() > 1))
        {
            var kept = Kept(group.Select(e => e.Name));
            foreach (var e in group.Where(e => e.Name != kept))
            {
                renames[e.Name] = kept;
            }
        }

        enums = enums.Where(e => !renames.ContainsKey(e.Name)).ToList();
        var models = document.Models.ToList();
        var inline = new HashSet<string>(inlineModels, StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            models = models.Select(m => m with { Properties = m.Properties.Select(p => p with { Type = Rename(p.Type, renames) }).ToEquatableArray() }).ToList();
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

        var operations = document.Operations.Select(o => o with
        {
            Parameters = o.Parameters.Select(p => p with { Type = Rename(p.Type, renames) }).ToEquatableArray(),
            Body = o.Body is null ? null : Rename(o.Body, renames),
            Response = o.Response is null ? null : Rename(o.Response, renames),
        });
        return document with
        {
            Operations = operations.ToEquatableArray(),
            Models = models.ToEquatableArray(),
            Enums = enums.ToEquatableArray(),
            Webhooks = document.Webhooks.Select(w => w with { Payload = Rename(w.Payload, renames) }).ToEquatableArray(),
        };
    }

    private static string Kept(IEnumerable<string> names) =>
        names.OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).First();

    private static string Shape(ModelSpec model) =>
        string.Join("\u0001", model.Properties.Select(p => $"{p.JsonName}\u0002{p.Name}\u0002{Describe(p.Type)}\u0002{p.Required}\u0002{p.Deprecated}"));

    private static string Describe(TypeRef type) => type.Kind == TypeRefKind.Array ? "[" + Describe(type.Element!) + "]" : type.Kind + ":" + type.Name;

    private static TypeRef Rename(TypeRef type, Dictionary<string, string> renames) => type.Kind switch
    {
        TypeRefKind.Array => TypeRef.ArrayOf(Rename(type.Element!, renames)),
        TypeRefKind.Model or TypeRefKind.Enum when type.Name is not null && renames.TryGetValue(type.Name, out var kept) => type with { Name = kept },
        _ => type,
    };
}
