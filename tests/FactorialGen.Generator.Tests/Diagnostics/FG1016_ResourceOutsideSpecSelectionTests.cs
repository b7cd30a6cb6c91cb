using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using static FactorialGen.Generator.Tests.SpecItemSelectionTests;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1016: a client's own <c>Resources</c> name a resource scope that its document's FactorialSpec item does not select
/// (<c>Resources="..."</c> metadata). An error at the attribute saying which resource, which document, and what to do;
/// the client is generated within the item's selection (so the models it uses exist). A client within the selection, one
/// without <c>Resources</c>, or a document without the metadata does not trigger it.
/// </summary>
public sealed class FG1016_ResourceOutsideSpecSelectionTests
{
    [Fact]
    public void OwnResourcesBeyondTheItems_Triggers_AtTheAttributeAndTheClientStaysWithinTheSelection()
    {
        var result = RunApp(Item("Employees"), null, Client(resources: "FactorialResourceScopes.Employees | FactorialResourceScopes.Finance | FactorialResourceScopes.TimeTracking"));

        var diagnostic = Reported.Single(result, "FG1016");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            $"'Hr' is declared with the resource scope Finance;TimeTracking, which the FactorialSpec item of '{Spec}' does not select (its Resources are Employees), so the client gets none of its operations; add Finance;TimeTracking to the item's Resources in the project file, or remove it from the client's Resources",
            diagnostic.GetMessage());
        Assert.StartsWith("FactorialClient(", Reported.SourceAt(result, diagnostic), StringComparison.Ordinal);
        Assert.Single(result.GeneratorDiagnostics);
        Assert.DoesNotContain(GeneratedOperations.Of(result.Type("Acme.Hr")), o => o.RequiredResource is FactorialResourceScopes.Finance or FactorialResourceScopes.TimeTracking);
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void OwnResourcesAllOutside_Triggers_AndTheClientGetsTheItemsSelection()
    {
        var result = RunApp(Item("Employees"), null, Client(resources: "FactorialResourceScopes.Finance"));

        var diagnostic = Reported.Single(result, "FG1016");
        Assert.Contains("'Hr' is declared with the resource scope Finance, which the FactorialSpec item of", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(GeneratedOperations.Of(result.Type("Acme.Hr")), o => o.RequiredResource == FactorialResourceScopes.Employees);
        Assert.DoesNotContain(GeneratedOperations.Of(result.Type("Acme.Hr")), o => o.RequiredResource == FactorialResourceScopes.Finance);
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void OwnResourcesWithinTheItems_DoesNotTrigger()
    {
        var result = RunApp(Item("Employees;Finance"), null, Client(resources: "FactorialResourceScopes.Finance"), Client("All", "FactorialResourceScopes.Employees | FactorialResourceScopes.Finance"));

        Reported.None(result, "FG1016");
        Reported.Clean(result);
    }

    [Fact]
    public void NoItemSelectionOrNoOwnResources_DoNotTrigger()
    {
        Reported.Clean(RunApp(null, null, Client(resources: "FactorialResourceScopes.Finance")));
        Reported.Clean(RunApp(Item(""), null, Client(resources: "FactorialResourceScopes.Finance")));
        Reported.Clean(RunApp(Item("Employees"), null, Client()));
    }

    [Fact]
    public void AClientOfAnotherDocument_DoesNotTrigger()
    {
        // The built-in document has no item: the selection of the tagged document does not reach its clients.
        var result = RunApp(Item("Employees"), null, "[FactorialClient(FactorialScope.Read, Resources = FactorialResourceScopes.TimeOff)] public partial class Hr;");

        Reported.None(result, "FG1016");
        Reported.Clean(result);
    }
}
