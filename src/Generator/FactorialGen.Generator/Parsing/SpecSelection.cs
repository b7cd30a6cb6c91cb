using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using FactorialGen.Generator.Diagnostics;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// The project's selection of a document, from its item: <c>&lt;FactorialSpec Include="x.json" Resources="Employees;TimeTracking"
/// OmitUnknownOperations="true" /&gt;</c> (names of <c>FactorialResourceScopes</c> members, any case, separated by
/// <c>;</c> or <c>,</c>). The package's targets pass the metadata on as <c>FactorialResources</c> and
/// <c>FactorialOmitUnknownOperations</c> of the AdditionalFiles item. A client of the document without its own
/// <c>Resources</c> gets the item's; one with its own keeps them, limited to the item's (a resource outside it is FG1016).
/// </summary>
internal static class SpecSelection
{
    /// <summary>The AdditionalFiles metadata holding the item's <c>Resources</c>.</summary>
    public const string ResourcesMetadata = "build_metadata.AdditionalFiles.FactorialResources";

    /// <summary>The AdditionalFiles metadata holding the item's <c>OmitUnknownOperations</c>.</summary>
    public const string OmitUnknownMetadata = "build_metadata.AdditionalFiles.FactorialOmitUnknownOperations";

    private static readonly char[] Separators = [';', ','];

    /// <summary>
    /// How the package's targets pass a <c>#</c> of the item's metadata: an .editorconfig value ends at <c>#</c>, so
    /// <c>Resources="Employees#x"</c> would otherwise reach the generator as <c>Employees</c> and select without a word.
    /// </summary>
    private const char PassedNumberSign = '\uFF03';

    public static DocumentSelection Read(string path, AnalyzerConfigOptions options)
    {
        var fileName = Path.GetFileName(path);
        var resources = ResourceScope.None;
        var diagnostics = new List<DiagnosticInfo>();
        if (Metadata(options, ResourcesMetadata) is { } text)
        {
            foreach (var part in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                var name = part.Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                var scope = Parse(name);
                if (scope == ResourceScope.None)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.FG1017_UnknownSpecResource, path, default, default, MessageText.Quote(fileName), MessageText.Quote(name)));
                }

                resources |= scope;
            }
        }

        // true or false in any case, or nothing (false); anything else is no answer (FG1018), never read as false.
        var omitUnknown = false;
        var flag = Metadata(options, OmitUnknownMetadata);
        var omitInvalid = flag is not null && !TryParseFlag(flag, out omitUnknown);
        if (omitInvalid)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.FG1018_InvalidSpecOmitUnknown, path, default, default, MessageText.Quote(fileName), MessageText.Quote(flag!.Trim())));
        }

        return new DocumentSelection(fileName, resources, omitUnknown && resources != ResourceScope.None, diagnostics.ToEquatableArray(), omitInvalid);
    }

    /// <summary>The item's metadata as the project wrote it (a passed <c>#</c> read back), or <c>null</c> when absent.</summary>
    private static string? Metadata(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && value is not null ? value.Replace(PassedNumberSign, '#') : null;

    /// <summary><c>true</c> or <c>false</c> in any case, with surrounding whitespace; empty is <c>false</c>.</summary>
    private static bool TryParseFlag(string text, out bool value)
    {
        var trimmed = text.Trim();
        value = string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase);
        return value || trimmed.Length == 0 || string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a client declared with <paramref name="declaredOmitUnknown"/> would leave out the unknown operations only
    /// by an item's <c>OmitUnknownOperations</c> that is neither true nor false (FG1018): it is not generated (nor are
    /// models for it), and the scope analyzer reports nothing that rests on that value.
    /// </summary>
    public static bool IsUndecided(bool declaredOmitUnknown, DocumentSelection? selection) =>
        !declaredOmitUnknown && selection is { IsUndecided: true };

    /// <summary>The single resource scope named <paramref name="name"/> (any case), or <see cref="ResourceScope.None"/>.</summary>
    public static ResourceScope Parse(string name)
    {
        for (var bit = 0; bit < ResourceScopeNames.Count; bit++)
        {
            var one = (ResourceScope)(1L << bit);
            if (string.Equals(one.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return one;
            }
        }

        return ResourceScope.None;
    }

    /// <summary>The selection of the document named <paramref name="fileName"/>, or <c>null</c> (the built-in document, or no item metadata).</summary>
    public static DocumentSelection? Find(string? fileName, ImmutableArray<DocumentSelection> selections)
    {
        if (fileName is null || selections.IsDefault)
        {
            return null;
        }

        foreach (var selection in selections)
        {
            if (selection.IsLimited && string.Equals(selection.FileName, fileName, StringComparison.OrdinalIgnoreCase))
            {
                return selection;
            }
        }

        return null;
    }

    /// <summary>
    /// The declaration a client of the document behaves as: without its own <c>Resources</c> it gets the item's; with
    /// them it keeps those within the item's (all of the item's when none is). Unknown operations are left out when
    /// either the client or the item says so.
    /// </summary>
    public static ClientDeclaration Apply(ClientDeclaration declaration, DocumentSelection? selection)
    {
        if (selection is null || !selection.IsLimited)
        {
            return declaration;
        }

        return declaration with
        {
            Resources = EffectiveResources(declaration.Resources, selection),
            OmitUnknownOperations = EffectiveOmitUnknown(declaration.OmitUnknownOperations, selection),
        };
    }

    /// <summary>
    /// The resource scopes a client of the document declared with <paramref name="declared"/> has: its own within the
    /// item's, the item's when it has none (or none inside), its own when the item does not limit the document.
    /// The generator (<see cref="Apply"/>) and the scope analyzer both compute them here.
    /// </summary>
    public static ResourceScope EffectiveResources(ResourceScope declared, DocumentSelection? selection)
    {
        if (selection is null || !selection.IsLimited)
        {
            return declared;
        }

        var within = declared & selection.Resources;
        return within == ResourceScope.None ? selection.Resources : within;
    }

    /// <summary>Whether a client of the document leaves out the unknown operations: when it says so or the item does.</summary>
    public static bool EffectiveOmitUnknown(bool declared, DocumentSelection? selection) =>
        declared || (selection is { IsLimited: true } && selection.OmitUnknownOperations);

    /// <summary>
    /// The selections of the project's documents that limit them, read from the AdditionalFiles the generator reads
    /// (<see cref="DocumentSelector"/>) as it reads them (<see cref="Read"/>); FG1017 and FG1018 are left to the generator. For the
    /// scope analyzer, once per compilation.
    /// </summary>
    public static ImmutableArray<DocumentSelection> ReadLimited(ImmutableArray<AdditionalText> files, AnalyzerConfigOptionsProvider options)
    {
        var limited = ImmutableArray.CreateBuilder<DocumentSelection>();
        foreach (var file in files)
        {
            if (DocumentSelector.IsFactorialDocument(file, options) && Read(file.Path, options.GetOptions(file)) is { IsLimited: true } selection)
            {
                limited.Add(selection);
            }
        }

        return limited.ToImmutable();
    }

    /// <summary>The client's own resource scopes the item's selection leaves out (FG1016 when not none).</summary>
    public static ResourceScope Outside(ClientDeclaration declaration, DocumentSelection? selection) =>
        selection is null || !selection.IsLimited ? ResourceScope.None : declaration.Resources & ~selection.Resources;

    /// <summary>FG1016 at the client's attribute, when its own <c>Resources</c> go beyond the item's.</summary>
    public static DiagnosticInfo? OutsideDiagnostic(ClientTarget target, DocumentSelection? selection)
    {
        var outside = Outside(target.Declaration, selection);
        if (outside == ResourceScope.None || selection is null)
        {
            return null;
        }

        return target.AttributeLocation with
        {
            Id = Descriptors.FG1016_ResourceOutsideSpecSelection.Id,
            Arguments = new[] { target.Declaration.Name, Names(outside), selection.FileName, Names(selection.Resources) }.ToEquatableArray(),
        };
    }

    /// <summary>The declaration the models compilation selects with: every operation of the item's resource scopes, read and write.</summary>
    public static ClientDeclaration ModelsDeclaration(DocumentSelection selection) =>
        new(string.Empty, "FactorialModels", EquatableArray<string>.Empty, AccessScope.ReadWrite, selection.Resources, selection.OmitUnknownOperations);

    /// <summary>Member names of <paramref name="scope"/> in bit order, joined by <c>;</c> as in the item's metadata.</summary>
    public static string Names(ResourceScope scope) => ResourceScopeNames.Describe(scope, ";");
}
