using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1015: <c>OmitUnknownOperations = true</c> on a <c>[FactorialClient]</c> without <c>Resources</c> (or with
/// <c>Resources = None</c>) has no effect — the client keeps the whole document. A warning at the
/// <c>OmitUnknownOperations = true</c> argument; the client is generated as without it. Together with <c>Resources</c>,
/// or set to <c>false</c>, it does not trigger.
/// </summary>
public sealed class FG1015_OmitUnknownWithoutResourcesTests
{
    [Fact]
    public void FlagWithoutResources_Triggers_AtTheArgumentAndTheWholeDocumentIsGenerated()
    {
        var result = GeneratorHarness.Run("""
            namespace Acme;
            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read,
                OmitUnknownOperations = true)]
            public partial class Hr;
            """);

        var diagnostic = Reported.Single(result, "FG1015");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("'Hr' is declared with OmitUnknownOperations = true but without Resources, so it keeps the whole document, unknown operations included; limit the client with Resources = ... or remove OmitUnknownOperations", diagnostic.GetMessage());
        Assert.Equal("OmitUnknownOperations = true", Reported.SourceAt(result, diagnostic));
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        var unlimited = GeneratorHarness.Run("namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr;");
        Assert.Equal(GeneratedOperations.Of(unlimited.Type("Acme.Hr")), GeneratedOperations.Of(result.Type("Acme.Hr")));
        Assert.Contains(GeneratedOperations.Of(result.Type("Acme.Hr")), o => o.RequiredResource == FactorialResourceScopes.None);
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void FlagWithResourcesNone_Triggers()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Resources = FactorialGen.FactorialResourceScopes.None, OmitUnknownOperations = true)] public partial class Hr;");

        var diagnostic = Reported.Single(result, "FG1015");
        Assert.Single(result.GeneratorDiagnostics);
        Assert.Contains("'Hr' is declared with OmitUnknownOperations = true but without Resources", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void FlagWithResources_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Resources = FactorialGen.FactorialResourceScopes.Employees, OmitUnknownOperations = true)] public partial class Hr;");

        Reported.Clean(result);
        Assert.All(GeneratedOperations.Of(result.Type("Hr")), o => Assert.Equal(FactorialResourceScopes.Employees, o.RequiredResource));
    }

    [Theory]
    [InlineData("OmitUnknownOperations = false")]
    [InlineData("Spec = null, OmitUnknownOperations = false")]
    public void FlagFalseWithoutResources_DoesNotTrigger(string arguments)
    {
        var result = GeneratorHarness.Run($"[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, {arguments})] public partial class Hr;");

        Reported.None(result, "FG1015");
        Reported.Clean(result);
    }
}
