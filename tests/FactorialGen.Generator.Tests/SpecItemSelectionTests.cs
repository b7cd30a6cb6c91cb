using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// The project's selection of a document — <c>&lt;FactorialSpec Include="x.json" Resources="Employees" /&gt;</c>, which
/// reaches the generator as the AdditionalFiles metadata <c>FactorialResources</c> / <c>FactorialOmitUnknownOperations</c>:
/// every client of the document behaves as if declared with it (one without its own <c>Resources</c> gets the item's, one
/// with its own keeps them), in-project models are narrowed the same way, and the models compilation emits only the
/// models the selection reaches and records the selection, so an app with another selection never uses that assembly.
/// </summary>
public sealed class SpecItemSelectionTests
{
    internal const string SpecPath = "/specs/factorial-tagged.flagged.json";
    internal const string Spec = "factorial-tagged.flagged.json";
    private const string Namespace = "Acme.FactorialApi.V2026_07_01";

    private static readonly Dictionary<string, string> ModelsOnly = new() { ["build_property.FactorialGenModelsOnly"] = "true" };

    /// <summary>The per-file options of the document when its item has <c>Resources="{resources}"</c> (and <c>OmitUnknownOperations</c>).</summary>
    internal static Dictionary<string, Dictionary<string, string>> Item(string? resources, string? omitUnknown = null, string path = SpecPath)
    {
        var metadata = new Dictionary<string, string>();
        if (resources is not null)
        {
            metadata["build_metadata.AdditionalFiles.FactorialResources"] = resources;
        }

        if (omitUnknown is not null)
        {
            metadata["build_metadata.AdditionalFiles.FactorialOmitUnknownOperations"] = omitUnknown;
        }

        return new() { [path] = metadata };
    }

    internal static string Client(string name = "Hr", string? resources = null, string scope = "ReadWrite") =>
        $"[FactorialClient(FactorialScope.{scope}, Spec = \"{Spec}\"{(resources is null ? "" : ", Resources = " + resources)})] public partial class {name};";

    /// <summary>An app compilation of <paramref name="declarations"/> over the tagged document with the item's metadata.</summary>
    internal static GeneratorHarness.Result RunApp(Dictionary<string, Dictionary<string, string>>? item, MetadataReference? models = null, params string[] declarations)
    {
        var compilation = GeneratorHarness.Compilation("using FactorialGen; namespace Acme; " + string.Join(" ", declarations));
        if (models is not null)
        {
            compilation = compilation.AddReferences(models);
        }

        var driver = GeneratorHarness.Driver([GeneratorHarness.Document(SpecPath, ResourceSelectionTests.Document)], fileOptions: item)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorHarness.Result(driver, driver.GetRunResult(), output, diagnostics);
    }

    [Fact]
    public void A_client_without_Resources_gets_the_items_selection_operations_and_models_as_if_declared_with_it()
    {
        var narrowed = RunApp(Item("Employees"), null, Client());
        var declared = RunApp(null, null, Client(resources: "FactorialResourceScopes.Employees"));
        var whole = RunApp(null, null, Client());

        Assert.Empty(narrowed.GeneratorDiagnostics);
        Assert.Empty(narrowed.CompileProblems);
        Assert.Equal(
            ["GET api_public/credentials None", "GET employees/employees Employees", "POST employees/employees Employees"],
            Operations(narrowed));
        Assert.Equal(Operations(declared), Operations(narrowed));
        Assert.Equal(Hints(declared), Hints(narrowed));
        Assert.Equal(ModelNames(declared), ModelNames(narrowed));
        Assert.DoesNotContain(ModelNames(narrowed), m => m.Contains("Account", StringComparison.Ordinal) || m.Contains("Shift", StringComparison.Ordinal));
        Assert.Contains(ModelNames(whole), m => m.Contains("Account", StringComparison.Ordinal));
        Assert.Contains(("Finance", FactorialScope.ReadWrite, FactorialResourceScopes.Finance), GeneratedOperations.Omitted(narrowed.Type("Acme.Hr")));
    }

    [Fact]
    public void Names_are_case_insensitive_and_separated_by_semicolons_or_commas()
    {
        var result = RunApp(Item(" employees ;TIMETRACKING,, "), null, Client());

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal(
            ["GET api_public/credentials None", "GET attendance/shifts TimeTracking", "GET employees/employees Employees", "POST employees/employees Employees"],
            Operations(result));
    }

    [Fact]
    public void A_client_with_its_own_Resources_within_the_items_keeps_its_own()
    {
        var result = RunApp(Item("Employees;Finance;TimeTracking"), null, Client("Books", "FactorialResourceScopes.Finance"), Client("Hr"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Assert.Equal(["GET api_public/credentials None", "GET finance/accounts Finance", "POST finance/accounts Finance"], Operations(result, "Acme.Books"));
        Assert.Contains("GET attendance/shifts TimeTracking", Operations(result, "Acme.Hr"));
        Assert.DoesNotContain(Operations(result, "Acme.Hr"), o => o.Contains("shift_management", StringComparison.Ordinal));
    }

    [Fact]
    public void The_items_OmitUnknownOperations_leaves_the_unknown_operations_and_their_models_out()
    {
        var result = RunApp(Item("Employees", "true"), null, Client(), Client("Own", "FactorialResourceScopes.Employees"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Assert.Equal(["GET employees/employees Employees", "POST employees/employees Employees"], Operations(result));
        Assert.Equal(Operations(result), Operations(result, "Acme.Own"));
        Assert.DoesNotContain(ModelNames(result), m => m.Contains("Credential", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_Resources_metadata_OmitUnknownOperations_alone_selects_nothing_and_the_whole_document_is_kept()
    {
        var result = RunApp(Item(resources: null, omitUnknown: "true"), null, Client());
        var whole = RunApp(null, null, Client());

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal(Operations(whole), Operations(result));
        Assert.Equal(ModelNames(whole), ModelNames(result));
    }

    [Fact]
    public void The_models_compilation_emits_only_the_selections_models_and_records_the_selection()
    {
        var models = RunModels(Item("Employees"));
        var whole = RunModels(null);

        Assert.Empty(models.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.EndsWith("|Employees", models.Entry, StringComparison.Ordinal);
        Assert.EndsWith("|*", whole.Entry, StringComparison.Ordinal);
        Assert.Equal(models.Entry[..models.Entry.LastIndexOf('|')], whole.Entry[..whole.Entry.LastIndexOf('|')]);
        var selected = ModelNames(models.Output);
        Assert.Contains("Employee", selected);
        Assert.Contains(selected, m => m.Contains("Credential", StringComparison.Ordinal)); // the unknown operation's model stays
        Assert.DoesNotContain(selected, m => m.Contains("Account", StringComparison.Ordinal) || m.Contains("Currency", StringComparison.Ordinal) || m.Contains("Shift", StringComparison.Ordinal));
        Assert.True(selected.Length < ModelNames(whole.Output).Length);
        Assert.EndsWith("|Employees+OmitUnknownOperations", RunModels(Item("employees", "True")).Entry, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_with_the_same_selection_uses_the_models_assembly_and_compiles_against_it()
    {
        var models = RunModels(Item("Employees"));

        var app = RunApp(Item("Employees"), models.Reference, Client(), Client("Own", "FactorialResourceScopes.Employees"));

        Assert.Empty(app.GeneratorDiagnostics);
        Assert.Empty(app.CompileProblems);
        Assert.All(app.RunResult.Results.SelectMany(r => r.GeneratedSources), s => Assert.True(s.HintName.StartsWith("Acme.Hr", StringComparison.Ordinal) || s.HintName.StartsWith("Acme.Own", StringComparison.Ordinal), s.HintName));
        Assert.Equal("Acme.FactorialModels", app.Type(Namespace + ".Employee").ContainingAssembly.Name);
    }

    [Fact]
    public void A_models_assembly_made_with_another_selection_is_never_used()
    {
        var employeesOnly = RunModels(Item("Employees"));
        var whole = RunModels(null);

        // The app selects more than the assembly holds: it emits the models itself (its types win, CS0436 says so).
        var wider = RunApp(Item("Employees;Finance"), employeesOnly.Reference, Client());
        Assert.Contains(wider.RunResult.Results.SelectMany(r => r.GeneratedSources), s => s.HintName.EndsWith(".FactorialJson.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(wider.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.All(wider.CompileProblems, d => Assert.Equal("CS0436", d.Id));

        // An assembly of the whole document is not the app's selection either, nor one without the unknown operations.
        foreach (var (assembly, item) in new[] { (whole, Item("Employees")), (employeesOnly, null), (employeesOnly, Item("Employees", "true")) })
        {
            var app = RunApp(item, assembly.Reference, Client());
            Assert.Contains(app.RunResult.Results.SelectMany(r => r.GeneratedSources), s => s.HintName.EndsWith(".FactorialJson.g.cs", StringComparison.Ordinal));
            Assert.DoesNotContain(app.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        }
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_selection_and_every_step_cached()
    {
        var compilation = GeneratorHarness.Compilation("using FactorialGen; namespace Acme; " + Client());
        var driver = GeneratorHarness.Driver([GeneratorHarness.Document(SpecPath, ResourceSelectionTests.Document)], fileOptions: Item("Employees")).RunGenerators(compilation);

        var result = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int x; }", GeneratorHarness.ParseOptions))).GetRunResult().Results.Single();

        string[] cached = [nameof(IncrementalStepRunReason.Cached), nameof(IncrementalStepRunReason.Unchanged)];
        foreach (var step in new[] { StepNames.ReadSelection, StepNames.ReadDocument, StepNames.BuildClient, StepNames.SelectModels })
        {
            Assert.NotEmpty(result.TrackedSteps[step]);
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), output => Assert.Contains(output.Reason.ToString(), cached));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Contains(output.Reason.ToString(), cached));
    }

    [RealSpecFact("factorial-openapi-2026-07-01.json")]
    public void On_the_real_2026_document_the_models_compilation_holds_what_a_client_declared_with_the_selection_needs()
    {
        const string V2026 = "factorial-openapi-2026-07-01.json";
        var item = Item("Employees;TimeTracking", path: V2026);
        var document = GeneratorHarness.SharedSpec(V2026);
        var selected = GeneratorHarness.Driver([document], globalOptions: ModelsOnly, fileOptions: item)
            .RunGenerators(GeneratorHarness.Compilation("// models").WithAssemblyName("Acme.FactorialModels")).GetRunResult();
        var all = GeneratorHarness.Driver([document], globalOptions: ModelsOnly)
            .RunGenerators(GeneratorHarness.Compilation("// models").WithAssemblyName("Acme.FactorialModels")).GetRunResult();
        var declared = GeneratorHarness.Run(
            [$"using FactorialGen; namespace Acme; [FactorialClient(FactorialScope.ReadWrite, Spec = \"{V2026}\", Resources = FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking)] public partial class Hr;"],
            [document]);

        static string[] ModelHints(GeneratorDriverRunResult run) =>
            run.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName)
                .Where(h => h.StartsWith("Acme.FactorialApi.", StringComparison.Ordinal) && !h.EndsWith(".FactorialModels.g.cs", StringComparison.Ordinal))
                .OrderBy(h => h, StringComparer.Ordinal).ToArray();

        Assert.Equal(ModelHints(declared.RunResult), ModelHints(selected));
        long Bytes(GeneratorDriverRunResult run) => run.Results.SelectMany(r => r.GeneratedSources).Sum(s => (long)s.SourceText.Length);
        Assert.True(Bytes(selected) * 2 < Bytes(all), $"selected {Bytes(selected)} chars of {Bytes(all)}");
    }

    private static Models RunModels(Dictionary<string, Dictionary<string, string>>? item)
    {
        var compilation = GeneratorHarness.Compilation("// the models compilation's one source").WithAssemblyName("Acme.FactorialModels");
        var driver = GeneratorHarness.Driver([GeneratorHarness.Document(SpecPath, ResourceSelectionTests.Document)], globalOptions: ModelsOnly, fileOptions: item)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        var record = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName.EndsWith(".FactorialModels.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        var entry = System.Text.RegularExpressions.Regex.Match(record, "AssemblyMetadata\\(\"FactorialGen.Models\", \"([^\"]*)\"\\)").Groups[1].Value;
        return new Models(output, diagnostics.AddRange(output.GetDiagnostics()), MetadataReference.CreateFromImage(stream.ToArray()), entry);
    }

    private static string[] Operations(GeneratorHarness.Result result, string client = "Acme.Hr") =>
        GeneratedOperations.Of(result.Type(client)).Select(o => $"{o.Method} {o.ResourcePath} {o.RequiredResource}").OrderBy(s => s, StringComparer.Ordinal).ToArray();

    private static string[] Hints(GeneratorHarness.Result result) =>
        result.RunResult.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal).ToArray();

    private static string[] ModelNames(GeneratorHarness.Result result) => ModelNames(result.Output);

    private static string[] ModelNames(Compilation output) =>
        output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == Namespace && t.Name is not ("FactorialJson" or "FactorialWebhooks"))
            .Select(t => t.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

    private sealed record Models(Compilation Output, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics, MetadataReference Reference, string Entry);
}
