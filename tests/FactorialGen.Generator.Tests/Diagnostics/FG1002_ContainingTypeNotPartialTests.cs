using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1002: the client is nested in a type that is not <c>partial</c> (the generator must repeat every containing
/// declaration). One error per non-partial containing type, at the client's name, naming that type; nothing generated.
/// </summary>
public sealed class FG1002_ContainingTypeNotPartialTests
{
    [Fact]
    public void ClientNestedInANonPartialClass_Triggers()
    {
        var result = GeneratorHarness.Run("public class Outer { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr; }");

        Assert.Contains("'Outer'", Reported.Single(result, "FG1002").GetMessage());
    }

    [Fact]
    public void EveryNonPartialContainingType_Triggers_OncePerType()
    {
        var result = GeneratorHarness.Run("""
            namespace N;
            public class Outer
            {
                public partial class Middle
                {
                    public struct Inner
                    {
                        [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)]
                        public partial class Hr;
                    }
                }
            }
            """);

        ClientDeclarationTests.AssertNoCrash(result);
        var fg1002 = result.GeneratorDiagnostics.Where(d => d.Id == "FG1002").ToList();
        Assert.Equal(2, fg1002.Count);
        Assert.Equal(result.GeneratorDiagnostics.Length, fg1002.Count);
        Assert.All(fg1002, d =>
        {
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Equal("Hr", Reported.SourceAt(result, d));
            Assert.Equal(8, d.Location.GetLineSpan().StartLinePosition.Line);
        });
        Assert.Equal(
            ["'Hr' is nested in 'Inner', which is not partial; make every containing type partial", "'Hr' is nested in 'Outer', which is not partial; make every containing type partial"],
            fg1002.Select(d => d.GetMessage()).OrderBy(m => m, System.StringComparer.Ordinal));
        Reported.NothingGenerated(result);
    }

    [Fact]
    public void ClientNestedInANonPartialRecord_Triggers_AndNothingIsGenerated()
    {
        var result = GeneratorHarness.Run("public record Settings { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr; }");

        Assert.Contains("nested in 'Settings', which is not partial", Reported.Single(result, "FG1002").GetMessage(), System.StringComparison.Ordinal);
        Reported.NothingGenerated(result);
        Assert.Empty(ClientDeclarationTests.Errors(result)); // no half-generated nested declaration
    }

    [Fact]
    public void ClientNestedInPartialTypes_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run("namespace N; public partial class Outer { public partial class Middle { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr; } }");

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Assert.NotNull(result.Type("N.Outer+Middle+Hr").GetMembers("Employees").SingleOrDefault());
    }

    [Theory]
    [InlineData("public partial record Outer")]
    [InlineData("public partial record struct Outer")]
    [InlineData("public partial interface Outer")]
    public void ClientNestedInAPartialRecordRecordStructOrInterface_DoesNotTrigger(string container)
    {
        var result = GeneratorHarness.Run(container + " { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr; }");

        Reported.None(result, "FG1002");
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Assert.NotEmpty(result.Type("Outer+Hr").GetMembers("Employees"));
    }
}
