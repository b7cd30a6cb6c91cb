using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1003: the client class has type parameters of its own. An error at the class name; nothing is generated. Type
/// parameters elsewhere (a generic containing type, generic members, generic interfaces) are fine.
/// </summary>
public sealed class FG1003_ClientIsGenericTests
{
    [Fact]
    public void GenericClient_Triggers()
    {
        Reported.Single(GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr<T>;"), "FG1003");
    }

    [Fact]
    public void ClientWithTwoConstrainedTypeParameters_Triggers_AtTheNameAndNothingIsGenerated()
    {
        var result = GeneratorHarness.Run("""
            namespace Acme;
            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)]
            public partial class Hr<TKey, TValue> where TKey : notnull;
            """);

        var diagnostic = Reported.Single(result, "FG1003");
        Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("'Hr' has type parameters; a Factorial client must be a non-generic class", diagnostic.GetMessage());
        Assert.Equal("Hr", Reported.SourceAt(result, diagnostic));
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Reported.NothingGenerated(result);
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void GenericClientThatIsNotPartial_Triggers_BesideFG1001()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public class Hr<T> { }");

        Reported.Single(result, "FG1003");
        Reported.Single(result, "FG1001");
        Assert.Equal(2, result.GeneratorDiagnostics.Length);
        Reported.NothingGenerated(result);
    }

    [Fact]
    public void ClientWithGenericMembersAndAGenericInterface_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run("""
            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)]
            public partial class Hr : System.IEquatable<Hr>
            {
                public bool Equals(Hr? other) => ReferenceEquals(this, other);
                public T Echo<T>(T value) => value;
                public sealed class Box<T> { public T? Value { get; set; } }
            }
            """);

        Reported.Clean(result);
        Assert.False(result.Type("Hr").IsGenericType);
    }

    [Fact]
    public void NonGenericClientInAGenericPartialType_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run("public partial class Registry<TKey, TValue> where TKey : notnull { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr; }");

        Reported.None(result, "FG1003");
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Assert.NotEmpty(result.Type("Registry`2+Hr").GetMembers("Employees"));
    }
}
