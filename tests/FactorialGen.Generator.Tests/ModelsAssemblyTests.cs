using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// <c>&lt;FactorialGenModelsAssembly&gt;true&lt;/FactorialGenModelsAssembly&gt;</c>, the generator's half: with
/// <c>build_property.FactorialGenModelsOnly = true</c> (the package's targets set it for the models compilation) every
/// FactorialSpec document's models are emitted public and recorded in an <c>AssemblyMetadata</c>; an app compilation
/// that references that assembly emits only its clients, over the referenced models — unless the assembly was made
/// from another text of the document, when the app emits the models itself. The MSBuild half is tested by building a
/// consumer of the packed package (Package.Tests, <c>ModelsAssemblyBuildTests</c>).
/// </summary>
public sealed class ModelsAssemblyTests
{
    private const string SpecPath = "/specs/factorial-tagged.flagged.json";
    private const string Spec = "factorial-tagged.flagged.json";
    private const string Client = $$"""using FactorialGen; namespace Acme; [FactorialClient(FactorialScope.ReadWrite, Spec = "{{Spec}}")] public partial class Hr;""";

    private static readonly Dictionary<string, string> ModelsOnly = new() { ["build_property.FactorialGenModelsOnly"] = "true" };

    [Fact]
    public void The_models_compilation_emits_every_model_public_and_records_the_document_it_was_made_from()
    {
        var models = RunModels(ResourceSelectionTests.Document);

        Assert.Empty(models.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var hints = models.Hints;
        Assert.Contains(hints, h => h.EndsWith(".FactorialJson.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(hints, h => h.StartsWith("Acme.Hr", StringComparison.Ordinal));
        var record = Assert.Single(hints, h => h.EndsWith(".FactorialModels.g.cs", StringComparison.Ordinal));
        Assert.Contains("[assembly: __S::Reflection.AssemblyMetadata(\"FactorialGen.Models\", \"Acme.FactorialApi.", models.Source(record), StringComparison.Ordinal);
        var json = models.Output.GetTypeByMetadataName("Acme.FactorialApi.V2026_07_01.FactorialJson")!;
        Assert.Equal(Accessibility.Public, json.DeclaredAccessibility);
        Assert.All(
            json.ContainingNamespace.GetTypeMembers().Where(t => t.TypeKind == TypeKind.Class && t.IsRecord),
            t => Assert.Equal(Accessibility.Public, t.DeclaredAccessibility));
    }

    [Fact]
    public void An_app_referencing_the_models_assembly_emits_only_its_client_and_compiles_against_the_referenced_models()
    {
        var models = RunModels(ResourceSelectionTests.Document);
        var app = RunApp(ResourceSelectionTests.Document, models.Reference);

        Assert.Empty(app.GeneratorDiagnostics);
        Assert.Empty(app.CompileProblems);
        var hints = app.RunResult.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToList();
        Assert.All(hints, h => Assert.StartsWith("Acme.Hr", h, StringComparison.Ordinal));
        var employee = app.Output.GetTypeByMetadataName("Acme.FactorialApi.V2026_07_01.FactorialJson")!;
        Assert.Equal("Acme.FactorialModels", employee.ContainingAssembly.Name);
        Assert.NotEmpty(GeneratedOperations.Of(app.Type("Acme.Hr")));
    }

    [Fact]
    public void Without_the_models_assembly_the_app_emits_the_models_itself()
    {
        var app = RunApp(ResourceSelectionTests.Document, reference: null);

        Assert.Empty(app.CompileProblems);
        Assert.Contains(app.RunResult.Results.SelectMany(r => r.GeneratedSources), s => s.HintName.EndsWith(".FactorialJson.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_models_assembly_made_from_another_text_of_the_document_is_not_used()
    {
        var models = RunModels(ResourceSelectionTests.Document);
        var changed = ResourceSelectionTests.Document.Replace("\"openapi\"", " \"openapi\"", StringComparison.Ordinal);
        Assert.NotEqual(ResourceSelectionTests.Document, changed);

        var app = RunApp(changed, models.Reference);

        // The app emits the models itself; its own types win over the stale assembly's (the compiler says so with CS0436).
        Assert.Contains(app.RunResult.Results.SelectMany(r => r.GeneratedSources), s => s.HintName.EndsWith(".FactorialJson.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.All(app.CompileProblems, d => Assert.Equal("CS0436", d.Id));
    }

    [Fact]
    public void The_option_is_off_unless_set_to_true()
    {
        foreach (var value in new[] { "false", "", "yes" })
        {
            var driver = GeneratorHarness.Driver([GeneratorHarness.Document(SpecPath, ResourceSelectionTests.Document)], globalOptions: new Dictionary<string, string> { ["build_property.FactorialGenModelsOnly"] = value });
            var result = driver.RunGenerators(GeneratorHarness.Compilation("namespace Acme; public class Nothing;")).GetRunResult();
            Assert.Empty(result.Results.SelectMany(r => r.GeneratedSources));
        }
    }

    private static Models RunModels(string document)
    {
        var compilation = GeneratorHarness.Compilation("// the models compilation's one source").WithAssemblyName("Acme.FactorialModels");
        var driver = GeneratorHarness.Driver([GeneratorHarness.Document(SpecPath, document)], globalOptions: ModelsOnly)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return new Models(driver.GetRunResult(), output, diagnostics.AddRange(output.GetDiagnostics()), MetadataReference.CreateFromImage(stream.ToArray()));
    }

    private static GeneratorHarness.Result RunApp(string document, MetadataReference? reference)
    {
        var compilation = GeneratorHarness.Compilation(Client);
        if (reference is not null)
        {
            compilation = compilation.AddReferences(reference);
        }

        var driver = GeneratorHarness.Driver([GeneratorHarness.Document(SpecPath, document)]).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorHarness.Result(driver, driver.GetRunResult(), output, diagnostics);
    }

    private sealed record Models(GeneratorDriverRunResult RunResult, Compilation Output, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics, MetadataReference Reference)
    {
        public IReadOnlyList<string> Hints => RunResult.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToList();

        public string Source(string hint) => RunResult.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == hint).SourceText.ToString();
    }
}
