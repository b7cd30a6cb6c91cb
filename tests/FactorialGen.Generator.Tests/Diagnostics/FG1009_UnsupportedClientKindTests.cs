using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1009: the <c>[FactorialClient]</c> type is a record, static, abstract or file-local (none can take generated
/// constructors and instance members, or be created by other code). An error at the name naming the kind, reported
/// instead of FG1001; nothing is generated. Only the client's own kind counts, not its base class or container.
/// </summary>
public sealed class FG1009_UnsupportedClientKindTests
{
    [Theory]
    [InlineData("public static partial class Hr;", "static")]
    [InlineData("public partial record Hr;", "a record")]
    [InlineData("public abstract partial class Hr;", "abstract")]
    [InlineData("file partial class Hr;", "file-local")]
    public void UnsupportedKindsOfClass_Triggers_AtTheDeclaration(string declaration, string kind)
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] " + declaration);

        ClientDeclarationTests.AssertNoCrash(result);
        var error = Assert.Single(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith("FG1", error.Id);
        Assert.Equal("Hr", result.Output.SyntaxTrees.First().GetText().ToString(error.Location.SourceSpan));
        Assert.DoesNotContain(ClientDeclarationTests.Errors(result), d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true);
        // Which error, and that it says what is wrong:
        Assert.Equal("FG1009", error.Id);
        Assert.StartsWith($"'Hr' is {kind}, so no client is generated for it; declare it as a non-static, non-abstract class (not a record)", error.GetMessage(), StringComparison.Ordinal);
        Reported.NothingGenerated(result);
    }

    [Theory]
    [InlineData("public sealed record Hr(int Id);", "a record")]
    [InlineData("public static class Hr { }", "static")]
    [InlineData("public abstract class Hr { }", "abstract")]
    public void UnsupportedKindWithoutPartial_Triggers_InsteadOfFG1001(string declaration, string kind)
    {
        var result = GeneratorHarness.Run("namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] " + declaration);

        var diagnostic = Reported.Single(result, "FG1009");
        Assert.Single(result.GeneratorDiagnostics); // one error per problem: not also "add partial"
        Assert.Contains($"'Hr' is {kind}", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("Hr", Reported.SourceAt(result, diagnostic));
        Reported.NothingGenerated(result);
    }

    [Fact]
    public void ClientDerivedFromAnAbstractBaseWithStaticMembers_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run("""
            public abstract class IntegrationBase { public abstract string Name { get; } }
            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)]
            public sealed partial class Hr : IntegrationBase
            {
                public static int Created;
                public override string Name => "hr";
            }
            """);

        Reported.Clean(result);
        Assert.NotEmpty(result.Type("Hr").GetMembers("Employees"));
    }

    [Theory]
    [InlineData("public abstract partial class Outer")]
    [InlineData("public abstract partial record Outer")]
    public void ClientNestedInAnAbstractClassOrRecord_DoesNotTrigger(string container)
    {
        var result = GeneratorHarness.Run(container + " { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr; }");

        Reported.None(result, "FG1009");
        Reported.Clean(result);
        Assert.NotEmpty(result.Type("Outer+Hr").GetMembers("Employees"));
    }
}
