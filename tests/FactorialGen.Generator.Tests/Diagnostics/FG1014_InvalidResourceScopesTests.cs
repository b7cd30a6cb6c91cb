using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1014: <c>Resources = …</c> on <c>[FactorialClient]</c> holds a bit that is none of the 27
/// <c>FactorialResourceScopes</c> members (bits 0–26). An error at the <c>Resources = …</c> argument naming the value;
/// nothing is generated. Any combination of named members (or the same bits written as a number) is fine.
/// </summary>
public sealed class FG1014_InvalidResourceScopesTests
{
    [Fact]
    public void BitNoResourceScopeHas_Triggers_AtTheArgumentAndNothingIsGenerated()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Resources = (FactorialGen.FactorialResourceScopes)(1L << 40))] public partial class Hr;");

        var fg1014 = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "FG1014");
        Assert.Equal(DiagnosticSeverity.Error, fg1014.Severity);
        Assert.Equal("Resources = (FactorialGen.FactorialResourceScopes)(1L << 40)", result.Output.SyntaxTrees.First().GetText().ToString(fg1014.Location.SourceSpan));
        Assert.Contains("1099511627776", fg1014.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.RunResult.Results.SelectMany(r => r.GeneratedSources));
    }

    [Fact]
    public void MinusOne_Triggers_NamingTheValue()
    {
        var result = GeneratorHarness.Run("""
            namespace Acme;
            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read,
                Resources = (FactorialGen.FactorialResourceScopes)(-1))]
            public partial class Hr;
            """);

        var diagnostic = Reported.Single(result, "FG1014");
        Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("'Hr' is declared with Resources value -1, which holds bits that are not FactorialResourceScopes members; combine named FactorialResourceScopes values with |", diagnostic.GetMessage());
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Reported.NothingGenerated(result);
    }

    [Theory]
    [InlineData("FactorialGen.FactorialResourceScopes.Employees | (FactorialGen.FactorialResourceScopes)(1L << 27)", "134217856")]
    [InlineData("(FactorialGen.FactorialResourceScopes)long.MinValue", "-9223372036854775808")]
    public void NamedScopeWithAnUnknownBitBesideIt_Triggers(string resources, string value)
    {
        var result = GeneratorHarness.Run($"[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Resources = {resources})] public partial class Hr;");

        var diagnostic = Reported.Single(result, "FG1014");
        Assert.Contains($"Resources value {value},", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("Resources = " + resources, Reported.SourceAt(result, diagnostic));
        Reported.NothingGenerated(result);
    }

    [Fact]
    public void NamedResourceScopesCombined_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Resources = FactorialGen.FactorialResourceScopes.Employees | FactorialGen.FactorialResourceScopes.TimeTracking)] public partial class Hr;");

        Reported.Clean(result);
        Assert.NotEmpty(result.Type("Hr").GetMembers("Employees"));
        Assert.Empty(result.Type("Hr").GetMembers("Payroll"));
    }

    [Theory]
    [InlineData("FactorialGen.FactorialResourceScopes.None")]
    [InlineData("(FactorialGen.FactorialResourceScopes)0")]
    public void NoneMeansTheWholeDocument_DoesNotTrigger(string resources)
    {
        var result = GeneratorHarness.Run($"[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Resources = {resources})] public partial class Hr;");

        Reported.Clean(result);
        var unlimited = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr;");
        Assert.Equal(GeneratedOperations.Of(unlimited.Type("Hr")), GeneratedOperations.Of(result.Type("Hr")));
    }

    [Theory]
    [InlineData("(FactorialGen.FactorialResourceScopes)(1L << 26)")]        // Recruitment, the highest member
    [InlineData("(FactorialGen.FactorialResourceScopes)((1L << 27) - 1)")] // every member
    public void EveryBitOfANamedMemberWrittenAsANumber_DoesNotTrigger(string resources)
    {
        var result = GeneratorHarness.Run($"[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Resources = {resources})] public partial class Hr;");

        Reported.None(result, "FG1014");
        Reported.Clean(result);
    }
}
