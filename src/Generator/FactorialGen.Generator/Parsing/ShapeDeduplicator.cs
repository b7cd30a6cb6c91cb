using System;
using System.Collections.Generic;
using System.Text;
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
internal static partial class ShapeDeduplicator
{
    public static ApiDocumentSpec Deduplicate(ApiDocumentSpec document, IReadOnlyCollection<string> inlineModels)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var enums = new List<EnumSpec>(document.Enums);
        var groups = Duplicates(enums, static e => MembersKey(e.Members));
        var wanted = new List<string?>(groups.Count);
        foreach (var group in groups)
        {
            wanted.Add(CommonSuffix(Names(group)));
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in document.Models)
        {
            taken.Add(model.Name);
        }

        foreach (var e in enums)
        {
            taken.Add(e.Name);
        }

        foreach (var operation in document.Operations)
        {
            if (operation.OptionsName is { } optionsName)
            {
                taken.Add(optionsName);
            }
        }

        taken.UnionWith(TypeNames.Reserved);
        for (var i = 0; i < groups.Count; i++)
        {
            // The field name all uses share ("HalfDay" for LeaveHalfDay, LeavesCreateRequestHalfDay, …) when no other
            // type has it and no other merged shape wants it; else the shortest of the merged names.
            var common = wanted[i];
            var kept = common is not null && !taken.Contains(common) && Count(wanted, common) == 1 ? common : Kept(Names(groups[i]));
            var first = groups[i][0];
            enums[enums.IndexOf(first)] = first with { Name = kept };
            foreach (var e in groups[i])
            {
                if (e.Name != kept)
                {
                    renames[e.Name] = kept;
                }
            }
        }

        // Each kept enum once (the first of its name), the merged ones left out.
        var keptEnums = new List<EnumSpec>(enums.Count);
        var keptNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in enums)
        {
            if ((!renames.TryGetValue(e.Name, out var target) || target == e.Name) && keptNames.Add(e.Name))
            {
                keptEnums.Add(e);
            }
        }

        enums = keptEnums;
        var identity = new List<string>();
        foreach (var rename in renames)
        {
            if (rename.Key == rename.Value)
            {
                identity.Add(rename.Key);
            }
        }

        foreach (var key in identity)
        {
            renames.Remove(key);
        }

        var models = new List<ModelSpec>(document.Models);
        // An operation's own request body or answer is named for the operation (UnterminateRequest): it stays its own type.
        var inline = new HashSet<string>(inlineModels, StringComparer.Ordinal);
        foreach (var operation in document.Operations)
        {
            foreach (var type in new[] { operation.Body, operation.Response })
            {
                if (type?.Kind == TypeRefKind.Model)
                {
                    inline.Remove(type.Name!);
                }
            }
        }

        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < models.Count; i++)
            {
                models[i] = Rename(models[i], renames);
            }

            var candidates = new List<ModelSpec>();
            foreach (var model in models)
            {
                if (inline.Contains(model.Name))
                {
                    candidates.Add(model);
                }
            }

            foreach (var group in Duplicates(candidates, Shape))
            {
                var kept = Kept(Names(group));
                foreach (var model in group)
                {
                    if (model.Name != kept)
                    {
                        renames[model.Name] = kept;
                        changed = true;
                    }
                }
            }

            models.RemoveAll(m => renames.ContainsKey(m.Name));
        }

        if (renames.Count == 0)
        {
            return document;
        }

        // A chain a → b → c (b merged in a later round) ends at c.
        foreach (var key in new List<string>(renames.Keys))
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
                changed ??= Copy(properties);
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
                changed ??= Copy(parameters);
                changed[i] = parameters[i] with { Type = type };
            }
        }

        var body = operation.Body is null ? null : Rename(operation.Body, renames);
        var response = operation.Response is null ? null : Rename(operation.Response, renames);
        return changed is null && ReferenceEquals(body, operation.Body) && ReferenceEquals(response, operation.Response)
            ? operation
            : operation with { Parameters = changed is null ? parameters : changed.ToEquatableArray(), Body = body, Response = response };
    }

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
