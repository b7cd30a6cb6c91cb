using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// The models of a document compiled into an assembly of their own (<c>&lt;FactorialGenModelsAssembly&gt;true&lt;/FactorialGenModelsAssembly&gt;</c>):
/// the package's targets compile the FactorialSpec documents' models, JSON converters and metadata once, with
/// <c>build_property.FactorialGenModelsOnly = true</c>, into <c>$(AssemblyName).FactorialModels.dll</c>, and the app's
/// compilation references it. A document whose FactorialSpec item has <c>Resources</c> (<see cref="SpecSelection"/>)
/// contributes only the models that selection reaches, chosen by <see cref="ClientSelection"/> as for a client declared
/// with it. That assembly says which models it holds with
/// <c>[assembly: AssemblyMetadata("FactorialGen.Models", "{namespace}|{fingerprint}|{selection}")]</c> (selection:
/// <see cref="DocumentSelection.Text"/>); the app's generator then emits its clients only, over those types — unless the
/// fingerprint of the document's text or the selection differs (a stale assembly, e.g. in the editor before the next
/// build), when it emits the models itself as without the option.
/// </summary>
internal static class ModelsAssembly
{
    /// <summary>The <c>AssemblyMetadata</c> key of a models assembly.</summary>
    public const string MetadataKey = "FactorialGen.Models";

    /// <summary>The global option the package's targets set for the models compilation.</summary>
    public const string ModelsOnlyOption = "build_property.FactorialGenModelsOnly";

    public static bool IsModelsOnly(AnalyzerConfigOptions globalOptions) =>
        globalOptions.TryGetValue(ModelsOnlyOption, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A 64-bit FNV-1a hash of the document's text, in hex: cheap (a few milliseconds for 2 MB), not a security measure.</summary>
    public static string Fingerprint(SourceText text)
    {
        var hash = 14695981039346656037UL;
        var buffer = new char[4096];
        for (var start = 0; start < text.Length; start += buffer.Length)
        {
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            for (var i = 0; i < count; i++)
            {
                hash = (hash ^ buffer[i]) * 1099511628211UL;
            }
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>The <c>{namespace}|{fingerprint}|{selection}</c> values of the models assemblies the compilation references.</summary>
    public static EquatableArray<string> Provided(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!assembly.Name.EndsWith(".FactorialModels", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "AssemblyMetadataAttribute" } type
                    && type.ContainingNamespace.ToDisplayString() == "System.Reflection"
                    && attribute.ConstructorArguments is [{ Value: MetadataKey }, { Value: string value }])
                {
                    found.Add(value);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return new EquatableArray<string>(found.ToImmutableArray());
    }

    /// <summary>
    /// In the models compilation: every document's models (only those the project's selection of it reaches), public,
    /// in the namespace the app's clients use, each with the entry that records it.
    /// </summary>
    public static ImmutableArray<(ModelSet Set, string Entry)> DocumentModelSets(
        ImmutableArray<Result<ApiDocumentSpec>> documents, ImmutableArray<DocumentFingerprint> fingerprints, ImmutableArray<DocumentSelection> selections, string? rootNamespace)
    {
        var sets = ImmutableArray.CreateBuilder<(ModelSet, string)>();
        foreach (var document in documents.Select(d => d.Value).OfType<ApiDocumentSpec>().OrderBy(d => d.FileName, StringComparer.OrdinalIgnoreCase))
        {
            var fingerprint = fingerprints.FirstOrDefault(f => string.Equals(f.FileName, document.FileName, StringComparison.OrdinalIgnoreCase));
            var selection = SpecSelection.Find(document.FileName, selections);
            if (fingerprint is not null && selection is not { IsUndecided: true }) // FG1018 (the app reports it): no models from a guessed value
            {
                var selected = selection is null ? document : ClientSelection.For(document, new[] { SpecSelection.ModelsDeclaration(selection) });
                var @namespace = ClientSpecBuilder.ModelNamespace(document, rootNamespace, documents);
                sets.Add((new ModelSet(selected, @namespace, IsPublic: true), Entry(@namespace, fingerprint.Value, selection)));
            }
        }

        return sets.ToImmutable();
    }

    /// <summary>The value a models assembly records for a document's models: <c>{namespace}|{fingerprint}|{selection}</c>.</summary>
    public static string Entry(string @namespace, string fingerprint, DocumentSelection? selection) =>
        @namespace + "|" + fingerprint + "|" + (selection?.Text ?? "*");

    /// <summary>
    /// Whether a referenced models assembly holds <paramref name="set"/>'s models, made from the same text with the same
    /// selection (an assembly made with another selection may lack models the app needs, or hold others: never used).
    /// </summary>
    public static bool IsProvided(ModelSet set, ImmutableArray<DocumentFingerprint> fingerprints, ImmutableArray<DocumentSelection> selections, EquatableArray<string> provided)
    {
        if (provided.Count == 0)
        {
            return false;
        }

        var fingerprint = fingerprints.FirstOrDefault(f => string.Equals(f.FileName, set.Document.FileName, StringComparison.OrdinalIgnoreCase));
        return fingerprint is not null && provided.Contains(Entry(set.Namespace, fingerprint.Value, SpecSelection.Find(set.Document.FileName, selections)));
    }
}

/// <summary>An OpenAPI document's file name and the fingerprint of its text.</summary>
internal sealed record DocumentFingerprint(string FileName, string Value);
