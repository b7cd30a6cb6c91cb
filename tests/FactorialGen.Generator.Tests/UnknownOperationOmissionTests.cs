using System.Linq;
using System.Threading.Tasks;
using FactorialGen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// <c>[FactorialClient(..., Resources = ..., OmitUnknownOperations = true)]</c> leaves out the unknown operations (no
/// resource scope covers them) and the models only they reach, records them as
/// <c>[FactorialOmittedOperation(..., RequiresUnknownOperations = true)]</c>, and the analyzer's FG0003 on a call to one
/// says to keep the unknown operations. Without the flag, or without <c>Resources</c>, nothing changes.
/// </summary>
public sealed class UnknownOperationOmissionTests
{
    private const string Spec = "factorial-tagged.json";
    private const string Namespace = "Acme.FactorialApi.V2026_07_01";

    private static GeneratorHarness.Result Run(params string[] declarations) =>
        GeneratorHarness.Run(
            ["using FactorialGen; namespace Acme; " + string.Join(" ", declarations)],
            [GeneratorHarness.Document("/specs/" + Spec, ResourceSelectionTests.Document)]);

    private static string Limited(string name, string scope, string resources, bool omitUnknown) =>
        $"[FactorialClient(FactorialScope.{scope}, Spec = \"{Spec}\", Resources = {resources}{(omitUnknown ? ", OmitUnknownOperations = true" : string.Empty)})] public partial class {name};";

    [Fact]
    public void With_the_flag_the_limited_client_has_only_its_resource_scopes_operations_and_the_models_they_reach()
    {
        var kept = Run(Limited("Hr", "ReadWrite", "FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking", omitUnknown: false));
        var lean = Run(Limited("Hr", "ReadWrite", "FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking", omitUnknown: true));

        Assert.Empty(lean.GeneratorDiagnostics);
        Assert.Empty(lean.CompileProblems);
        Assert.Equal(
            ["GET attendance/shifts TimeTracking", "GET employees/employees Employees", "POST employees/employees Employees"],
            GeneratedOperations.Of(lean.Type("Acme.Hr")).Select(o => $"{o.Method} {o.ResourcePath} {o.RequiredResource}").OrderBy(s => s, System.StringComparer.Ordinal));
        Assert.Contains(GeneratedOperations.Of(kept.Type("Acme.Hr")), o => o.ResourcePath == "api_public/credentials");
        Assert.Contains(ModelNames(kept), m => m.Contains("Credential", System.StringComparison.Ordinal));
        Assert.DoesNotContain(ModelNames(lean), m => m.Contains("Credential", System.StringComparison.Ordinal));
        Assert.Equal(ModelNames(kept).Where(m => !m.Contains("Credential", System.StringComparison.Ordinal)), ModelNames(lean));
        Assert.Contains("(those no resource scope covers are left out)", lean.Source("Acme.Hr.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Left_out_unknown_members_are_recorded_as_needing_the_unknown_operations()
    {
        var result = Run(
            Limited("Hr", "Read", "FactorialResourceScopes.Employees", omitUnknown: true),
            Limited("Writer", "Write", "FactorialResourceScopes.Employees", omitUnknown: true));

        Assert.Empty(result.CompileProblems);
        // ApiPublic holds one unknown GET: a Read client gets it back only by keeping the unknown operations ...
        Assert.Contains(("ApiPublic", FactorialScope.Read, true), Recorded(result.Type("Acme.Hr")));
        // ... a Write client needs Read too (and the unknown operations); a mapped group still names its resource scope.
        Assert.Contains(("ApiPublic", FactorialScope.ReadWrite, true), Recorded(result.Type("Acme.Writer")));
        Assert.Contains(("Finance", FactorialScope.Read, false), Recorded(result.Type("Acme.Hr")));
        Assert.Contains(("Finance", FactorialScope.Read, FactorialResourceScopes.Finance), GeneratedOperations.Omitted(result.Type("Acme.Hr")));
    }

    [Fact]
    public void Without_the_flag_or_without_Resources_nothing_changes()
    {
        var limited = Run(Limited("Hr", "Read", "FactorialResourceScopes.Employees", omitUnknown: false));
        var unlimited = Run($"[FactorialClient(FactorialScope.Read, Spec = \"{Spec}\")] public partial class Hr;");
        var flagOnly = Run($"[FactorialClient(FactorialScope.Read, Spec = \"{Spec}\", OmitUnknownOperations = true)] public partial class Hr;");

        Assert.Contains(GeneratedOperations.Of(limited.Type("Acme.Hr")), o => o.ResourcePath == "api_public/credentials" && o.RequiredResource == FactorialResourceScopes.None);
        Assert.DoesNotContain(Recorded(limited.Type("Acme.Hr")), r => r.RequiresUnknown);
        Assert.Equal(GeneratedOperations.Of(unlimited.Type("Acme.Hr")), GeneratedOperations.Of(flagOnly.Type("Acme.Hr")));
        Assert.Equal(ModelNames(unlimited), ModelNames(flagOnly));
        Assert.Equal("FG1015", Assert.Single(flagOnly.GeneratorDiagnostics).Id);
    }

    [Fact]
    public async Task A_call_to_a_left_out_unknown_member_gets_FG0003_saying_to_keep_the_unknown_operations()
    {
        var result = GeneratorHarness.Run(
            [
                "using FactorialGen; namespace Acme; " + Limited("Hr", "Read", "FactorialResourceScopes.Employees", omitUnknown: true),
                "namespace Acme; class Job { object Run(Hr hr) => hr.ApiPublic; }",
            ],
            [GeneratorHarness.Document("/specs/" + Spec, ResourceSelectionTests.Document)]);

        var diagnostics = await result.Output.WithAnalyzers([new ScopeAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var fg0003 = Assert.Single(diagnostics, d => d.Id == "FG0003");
        Assert.Equal(
            "'Hr.ApiPublic' needs the operations no resource scope covers, which OmitUnknownOperations = true leaves out: set OmitUnknownOperations = false on 'Hr', or declare a client without Resources for it",
            fg0003.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(result.Output.GetDiagnostics(), d => d.Id == "CS1061");
    }

    private static (string Member, FactorialScope Scope, bool RequiresUnknown)[] Recorded(INamedTypeSymbol type) =>
        type.GetAttributes().Where(a => a.AttributeClass?.Name == "FactorialOmittedOperationAttribute")
            .Select(a => ((string)a.ConstructorArguments[0].Value!, (FactorialScope)(int)a.ConstructorArguments[1].Value!,
                a.NamedArguments.Any(n => n.Key == "RequiresUnknownOperations" && n.Value.Value is true)))
            .ToArray();

    private static string[] ModelNames(GeneratorHarness.Result result) =>
        result.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == Namespace && t.Name is not ("FactorialJson" or "FactorialWebhooks"))
            .Select(t => t.Name)
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();
}
