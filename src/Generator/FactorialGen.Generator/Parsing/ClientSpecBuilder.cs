using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FactorialGen.Generator.Diagnostics;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Joins a client with its document and keeps the operations its declared scope and resource scopes allow, within the
/// project's selection of the document (its FactorialSpec item's <c>Resources</c>, <see cref="SpecSelection"/>).
/// </summary>
internal static class ClientSpecBuilder
{
    public const string DefaultRootNamespace = "FactorialGen.Generated";

    public static Result<ClientSpec> Build(ClientTarget target, ImmutableArray<Result<ApiDocumentSpec>> documents, ImmutableArray<DocumentSelection> selections, string? rootNamespace, CancellationToken cancellationToken)
    {
        if (!target.IsValid)
        {
            return new Result<ClientSpec>(null, target.Diagnostics);
        }

        var document = Find(target.SpecFileName, documents, out var found);
        if (!found)
        {
            var available = documents.Select(d => d.Value?.FileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var at = target.AttributeLocation;
            var missing = at with { Arguments = SpecNotFoundAdvice.Arguments(target.SpecFileName!, available) };
            return new Result<ClientSpec>(null, target.Diagnostics.Concat(new[] { missing }).ToEquatableArray());
        }

        if (document is null)
        {
            return new Result<ClientSpec>(null, target.Diagnostics); // the document's own diagnostics say why
        }

        var selection = SpecSelection.Find(target.SpecFileName, selections);
        var declaration = SpecSelection.Apply(target.Declaration, selection);
        var diagnostics = target.Diagnostics;
        if (SpecSelection.OutsideDiagnostic(target, selection) is { } outside)
        {
            diagnostics = diagnostics.Concat(new[] { outside }).ToEquatableArray();
        }

        if (SpecSelection.IsUndecided(target.Declaration.OmitUnknownOperations, selection))
        {
            return new Result<ClientSpec>(null, diagnostics); // FG1018 at the document says why: nothing from a guessed value
        }

        var kept = new List<OperationSpec>();
        var omitted = new List<OperationSpec>();
        foreach (var operation in document.Operations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (ClientSelection.Allows(declaration, operation) ? kept : omitted).Add(operation);
        }

        // A client limited by resource scopes sees the webhook events its operations reach (the model set holds them).
        var hasWebhooks = declaration.Resources == ResourceScope.None
            ? document.Webhooks.Count > 0
            : ClientSelection.Reached(document, kept).Webhooks.Count > 0;

        var taken = TakenNames(target, kept, hasWebhooks);
        taken.AddRange(ClassNameTaken(target, kept));
        if (taken.Count > 0)
        {
            return new Result<ClientSpec>(null, diagnostics.Concat(taken).ToEquatableArray());
        }

        var spec = new ClientSpec(declaration, ModelNamespace(document, rootNamespace, documents), document.ApiVersion, kept.ToEquatableArray(), omitted.ToEquatableArray(), hasWebhooks);
        return new Result<ClientSpec>(spec, ApiVersionLifecycle.Check(target, document, diagnostics));
    }

    /// <summary>FG1010 for each member the user declared with a name the generated client needs.</summary>
    private static List<DiagnosticInfo> TakenNames(ClientTarget target, List<OperationSpec> operations, bool hasWebhooks)
    {
        var needed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ApiVersion"] = "its API version constant",
            ["Connection"] = "its connection property",
            ["Dispose"] = "IDisposable",
            ["GetDaysOffAsync"] = "the days-off query",
            ["__connection"] = "a private field",
            ["__ownsConnection"] = "a private field",
        };
        if (hasWebhooks)
        {
            needed["WebhookEvents"] = "the webhook registry (IFactorialWebhookSource)";
            needed["Webhooks"] = "the webhook subscriptions (SubscribeAsync)";
            needed["__webhooks"] = "a private field";
        }

        foreach (var group in operations.Select(o => o.Group).Distinct())
        {
            needed[group] = $"the '{group}' API namespace";
            needed[group + "Api"] = $"the class of the '{group}' API namespace";
        }

        return target.UserMembers
            .Where(member => needed.ContainsKey(member.Name))
            .Select(member => member.Location with { Arguments = new[] { target.Declaration.Name, member.Name, needed[member.Name] }.ToEquatableArray() })
            .ToList();
    }

    /// <summary>FG1011 when the class itself has the name of a member the generated client declares in it (CS0542 otherwise).</summary>
    private static IEnumerable<DiagnosticInfo> ClassNameTaken(ClientTarget target, List<OperationSpec> operations)
    {
        var name = target.Declaration.Name;
        string? member = name switch
        {
            "ApiVersion" => "its API version constant",
            "Connection" => "its connection property",
            "Dispose" => "its Dispose method",
            "GetDaysOffAsync" => "its days-off query",
            _ => operations.Select(o => o.Group).Distinct().OrderBy(g => g, StringComparer.Ordinal)
                .Select(g => g == name ? $"the property of the '{g}' API namespace" : g + "Api" == name ? $"the class of the '{g}' API namespace" : null)
                .FirstOrDefault(m => m is not null),
        };
        if (member is not null)
        {
            yield return target.AttributeLocation with
            {
                Id = Descriptors.FG1011_ClientNameTaken.Id,
                Arguments = new[] { name, member }.ToEquatableArray(),
            };
        }
    }

    /// <summary>
    /// The models of each document that at least one valid client uses (only those its clients' operations reach when
    /// every one is limited by resource scopes, their own or the project's selection of the document).
    /// </summary>
    public static ImmutableArray<ModelSet> ModelSets(ImmutableArray<ClientTarget> targets, ImmutableArray<Result<ApiDocumentSpec>> documents, ImmutableArray<DocumentSelection> selections, string? rootNamespace)
    {
        var sets = new List<ModelSet>();
        foreach (var group in targets.Where(t => t.IsValid).GroupBy(t => t.SpecFileName?.ToUpperInvariant()).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var document = Find(group.First().SpecFileName, documents, out _);
            if (document is not null && !sets.Any(s => s.Document.FileName == document.FileName))
            {
                var selection = SpecSelection.Find(group.First().SpecFileName, selections);
                var generated = group.Where(t => !SpecSelection.IsUndecided(t.Declaration.OmitUnknownOperations, selection)).ToList();
                if (generated.Count == 0)
                {
                    continue; // FG1018: no client of the document is generated, so none needs its models
                }

                var needed = ClientSelection.For(document, generated.Select(t => SpecSelection.Apply(t.Declaration, selection)));
                sets.Add(new ModelSet(needed, ModelNamespace(document, rootNamespace, documents), generated.Any(t => t.IsPublic)));
            }
        }

        return sets.ToImmutableArray();
    }

    /// <summary>
    /// <c>{root}.FactorialApi</c> for the built-in document, <c>{root}.FactorialApi.{SpecId}</c> (from the document's
    /// version) for another. When several documents of the compilation have the same version, the first by file name
    /// keeps that namespace and the others get their file name appended, so their types never collide.
    /// </summary>
    public static string ModelNamespace(ApiDocumentSpec document, string? rootNamespace, ImmutableArray<Result<ApiDocumentSpec>> documents)
    {
        var root = string.IsNullOrWhiteSpace(rootNamespace) ? DefaultRootNamespace : rootNamespace!.Trim();
        if (document.SpecId.Length == 0)
        {
            return root + ".FactorialApi";
        }

        var first = documents.Select(d => d.Value).Where(d => d is not null && d.SpecId == document.SpecId).Select(d => d!.FileName).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        var suffix = first is null || string.Equals(first, document.FileName, StringComparison.OrdinalIgnoreCase) ? string.Empty : "_" + Identifier.Pascal(document.FileName, "Spec");
        return root + ".FactorialApi." + document.SpecId + suffix;
    }

    private static ApiDocumentSpec? Find(string? fileName, ImmutableArray<Result<ApiDocumentSpec>> documents, out bool found)
    {
        if (fileName is null)
        {
            found = true;
            return BuiltInDocument.Document.Value;
        }

        foreach (var document in documents)
        {
            if (document.Value is { } value && string.Equals(value.FileName, fileName, StringComparison.OrdinalIgnoreCase))
            {
                found = true;
                return value;
            }
        }

        // A document that failed to parse still counts as found: its own diagnostics explain the problem.
        found = documents.Any(d => d.Value is null && d.Diagnostics.Any(x => x.FilePath is { } p && string.Equals(System.IO.Path.GetFileName(p), fileName, StringComparison.OrdinalIgnoreCase)));
        return null;
    }
}
