using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1001: a class with <c>[FactorialClient]</c> has no part declared <c>partial</c>. An error at the class name, and
/// nothing is generated for the class. A kind the generator refuses anyway (static, record, …) is FG1009 instead
/// (<see cref="FG1009_UnsupportedClientKindTests.UnsupportedKindWithoutPartial_Triggers_InsteadOfFG1001"/>).
/// </summary>
public sealed class FG1001_ClientNotPartialTests
{
    [Fact]
    public void ClassWithoutPartial_Triggers()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public class Hr { }");

        var diagnostic = Reported.Single(result, "FG1001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'Hr'", diagnostic.GetMessage());
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal("Hr", result.Output.SyntaxTrees.First().GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void SealedInternalClassWithoutPartial_Triggers_AndNothingIsGenerated()
    {
        var result = GeneratorHarness.Run("""
            namespace Acme;

            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite)]
            internal sealed class Payroll
            {
                public int Count { get; set; }
            }
            """);

        var diagnostic = Reported.Single(result, "FG1001");
        Assert.Single(result.GeneratorDiagnostics);
        Assert.Contains("'Payroll' has [FactorialClient] but is not partial; add the partial modifier", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("Payroll", Reported.SourceAt(result, diagnostic));
        Reported.NothingGenerated(result);
        Assert.Empty(result.CompileProblems); // no generated half that could clash with the class
    }

    [Fact]
    public void ClientWithoutPartialInAPartialContainingType_Triggers_NotFG1002()
    {
        var result = GeneratorHarness.Run("public partial class Outer { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public class Hr { } }");

        var diagnostic = Reported.Single(result, "FG1001");
        Assert.Equal("Hr", Reported.SourceAt(result, diagnostic));
        Reported.None(result, "FG1002");
        Reported.NothingGenerated(result);
    }

    [Fact]
    public void PartialClass_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr { public int Count; }");

        Reported.Clean(result);
        Assert.NotEmpty(result.Type("Hr").GetMembers("Employees"));
    }

    [Fact]
    public void PartialClassWithTheAttributeOnOnePartOfTwo_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run(
            ["[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr;", "public partial class Hr { public int Count; }"],
            []);

        Reported.Clean(result);
        Assert.NotEmpty(result.Type("Hr").GetMembers("Count"));
    }
}
