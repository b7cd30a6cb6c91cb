using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1008: the scope of <c>[FactorialClient(...)]</c> is not Read, Write or ReadWrite (a cast number, no scope, or a
/// value the compiler cannot take as a constant). An error at the class name; nothing is generated, not half a client.
/// </summary>
public sealed class FG1008_InvalidScopeTests
{
    [Fact]
    public void InvalidScopeValueZero_Triggers()
    {
        Reported.Single(GeneratorHarness.Run("[FactorialGen.FactorialClient((FactorialGen.FactorialScope)0)] public partial class Hr;"), "FG1008");
    }

    [Fact]
    public void ScopeThatIsNotReadWriteOrReadWrite_Triggers_AndNothingIsGenerated()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient((FactorialGen.FactorialScope)4)] public partial class Hr;");

        ClientDeclarationTests.AssertNoCrash(result);
        Assert.Contains("4", Assert.Single(result.GeneratorDiagnostics, d => d.Id == "FG1008").GetMessage());
        Assert.Empty(ClientDeclarationTests.Errors(result));
        Assert.Empty(result.RunResult.Results.SelectMany(r => r.GeneratedSources));
    }

    [Fact]
    public void NegativeScope_Triggers_NamingTheValueAndTheValidOnes()
    {
        var result = GeneratorHarness.Run("""
            namespace Acme;
            [FactorialGen.FactorialClient((FactorialGen.FactorialScope)(-1))]
            public partial class Payroll;
            """);

        var diagnostic = Reported.Single(result, "FG1008");
        Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("'Payroll' is declared with scope value -1, which is not a FactorialScope, so no client is generated; use FactorialScope.Read, Write or ReadWrite", diagnostic.GetMessage());
        Assert.Equal("Payroll", Reported.SourceAt(result, diagnostic));
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Reported.NothingGenerated(result);
    }

    [Fact]
    public void ScopeFromANonConstant_Triggers_BesideTheCompilerError()
    {
        var result = GeneratorHarness.Run("""
            public static class Settings { public static readonly FactorialGen.FactorialScope Scope = FactorialGen.FactorialScope.Read; }
            [FactorialGen.FactorialClient(Settings.Scope)] public partial class Hr;
            """);

        ClientDeclarationTests.AssertNoCrash(result);
        Assert.Contains(ClientDeclarationTests.Errors(result), d => d.Id == "CS0182" && d.Location.GetLineSpan().Path == "Source0.cs");
        var fg1008 = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "FG1008");
        Assert.Equal(DiagnosticSeverity.Error, fg1008.Severity);
        Assert.Equal("Hr", result.Output.SyntaxTrees.First().GetText().ToString(fg1008.Location.SourceSpan));
        Assert.Empty(result.RunResult.Results.SelectMany(r => r.GeneratedSources)); // nothing half-generated
    }

    [Fact]
    public void AttributeWithoutAScope_Triggers_BesideTheCompilerError()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient] public partial class Hr;");

        ClientDeclarationTests.AssertNoCrash(result);
        Assert.Contains(ClientDeclarationTests.Errors(result), d => d.Id == "CS7036");
        Assert.Single(result.GeneratorDiagnostics, d => d.Id == "FG1008");
    }

    [Theory]
    [InlineData("FactorialGen.FactorialScope.Read")]
    [InlineData("FactorialGen.FactorialScope.Write")]
    [InlineData("FactorialGen.FactorialScope.ReadWrite")]
    public void NamedScope_DoesNotTrigger(string scope)
    {
        Reported.Clean(GeneratorHarness.Run($"[FactorialGen.FactorialClient({scope})] public partial class Hr;"));
    }

    [Theory]
    [InlineData("FactorialGen.FactorialScope.Read | FactorialGen.FactorialScope.Write")]
    [InlineData("(FactorialGen.FactorialScope)3")]
    [InlineData("Settings.Scope")]
    public void ScopeWrittenAsAnExpressionWhoseConstantIsValid_DoesNotTrigger(string scope)
    {
        var result = GeneratorHarness.Run($$"""
            public static class Settings { public const FactorialGen.FactorialScope Scope = FactorialGen.FactorialScope.ReadWrite; }
            [FactorialGen.FactorialClient({{scope}})] public partial class Hr;
            """);

        Reported.Clean(result);
        Assert.Contains(GeneratedOperations.Of(result.Type("Hr")), o => o.RequiredScope == FactorialScope.Write); // a ReadWrite client
    }
}
