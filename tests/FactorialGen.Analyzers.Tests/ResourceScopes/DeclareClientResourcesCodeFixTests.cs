using FactorialGen.CodeFixes;
using FactorialGen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static FactorialGen.Analyzers.Tests.ResourceScopes.ResourceClients;

namespace FactorialGen.Analyzers.Tests.ResourceScopes;

/// <summary>
/// The fix for FG0003 on a member the client's <c>Resources</c> left out: add the resource scope to the client's
/// declaration (in another file), keeping how it names the enum; fix all joins every member's needs per client.
/// </summary>
public sealed class DeclareClientResourcesCodeFixTests
{
    private const string Body = /* lang=c#-test */ """
        class Job
        {
            object Leaves(HrPeople hr) => hr.{|#0:TimeOff|};
            object Places(HrPeople hr) => hr.{|#1:Locations|};
        }
        """;

    private static DiagnosticResult CS1061(int location) =>
        DiagnosticResult.CompilerError("CS1061").WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null);

    private static DiagnosticResult FG0003(int location) =>
        new DiagnosticResult("FG0003", DiagnosticSeverity.Error).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null);

    private static string Declared(string resources) => Declarations.Replace(
        "Resources = FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking)]\n    public partial class HrPeople",
        $"Resources = {resources})]\n    public partial class HrPeople");

    [Fact]
    public async Task OneMember_AddsItsResourceScope_ToTheDeclaration()
    {
        const string body = /* lang=c#-test */ """
            class Job
            {
                object Leaves(HrPeople hr) => hr.{|#0:TimeOff|};
            }
            """;
        var fixedDeclarations = Declared("FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking | FactorialResourceScopes.TimeOff");
        Assert.NotEqual(Declarations, fixedDeclarations);
        var test = ResourceVerify.CodeFix<ScopeAnalyzer, DeclareClientResourcesCodeFixProvider>(
            Usings + body, Usings + body, DeclareClientResourcesCodeFixProvider.EquivalenceKey, fixedDeclarations);
        test.TestState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0) });

        // The stand-in generated code does not change, so both diagnostics stay; the real generator would now emit TimeOff.
        test.FixedState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0) });
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Add FactorialResourceScopes.TimeOff to the Resources of 'HrPeople'", action.Title);
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_TwoMembers_AddsBoth()
    {
        // One by one, the harness stops after the first fix: the stand-in generated code does not change, so the
        // diagnostics stay where they were (SecondMember_AfterTheFirstWasAdded_AddsItsResourceScope covers the next
        // step). Fix all joins both members' needs and adds them in one change.
        var oneByOne = Declared("FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking | FactorialResourceScopes.TimeOff");
        var fixAll = Declared("FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking | FactorialResourceScopes.CompanyLocations | FactorialResourceScopes.TimeOff");
        var test = ResourceVerify.CodeFix<ScopeAnalyzer, DeclareClientResourcesCodeFixProvider>(
            Usings + Body, Usings + Body, DeclareClientResourcesCodeFixProvider.EquivalenceKey, oneByOne);
        test.TestState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0), CS1061(1), FG0003(1) });
        test.FixedState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0), CS1061(1), FG0003(1) });
        test.BatchFixedState.Sources.Add(Usings + Body);
        test.BatchFixedState.Sources.Add((TestClients.DeclarationsPath, TestClients.Declarations));
        test.BatchFixedState.Sources.Add((TestClients.GeneratedPath, TestClients.Generated));
        ResourceClients.AddTo(test.BatchFixedState, fixAll);
        test.BatchFixedState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0), CS1061(1), FG0003(1) });
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task SecondMember_AfterTheFirstWasAdded_AddsItsResourceScope()
    {
        var start = Declared("FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking | FactorialResourceScopes.TimeOff");
        var end = Declared("FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking | FactorialResourceScopes.TimeOff | FactorialResourceScopes.CompanyLocations");
        var test = ResourceVerify.CodeFix<ScopeAnalyzer, DeclareClientResourcesCodeFixProvider>(
            Usings + Body, Usings + Body, DeclareClientResourcesCodeFixProvider.EquivalenceKey, end, start);
        test.TestState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0), CS1061(1), FG0003(1) });
        test.FixedState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0), CS1061(1), FG0003(1) });
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task AliasedEnum_KeepsTheAlias()
    {
        const string body = /* lang=c#-test */ """
            class Job
            {
                object Leaves(HrPeople hr) => hr.{|#0:TimeOff|};
            }
            """;
        var declarations = "using R = FactorialGen.FactorialResourceScopes;\n" + Declared("R.Employees | R.TimeTracking");
        var test = ResourceVerify.CodeFix<ScopeAnalyzer, DeclareClientResourcesCodeFixProvider>(
            Usings + body, Usings + body, DeclareClientResourcesCodeFixProvider.EquivalenceKey,
            "using R = FactorialGen.FactorialResourceScopes;\n" + Declared("R.Employees | R.TimeTracking | R.TimeOff"), declarations);
        test.TestState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0) });
        test.FixedState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0) });
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }
}
