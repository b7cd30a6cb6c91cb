using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Invalid <c>[FactorialClient]</c> declarations give a clear error at the declaration (the compiler's or an FG1xxx
/// one), never a generator crash and never errors inside generated code. Each FG1xxx declaration error has its own
/// class in Diagnostics/ (e.g. <see cref="Diagnostics.FG1008_InvalidScopeTests"/>); the gaps this found (D1–D5) are
/// regression tests in <see cref="Diagnostics.FG1009_UnsupportedClientKindTests"/> and <see cref="Diagnostics.FG1010_MemberNameTakenTests"/>.
/// </summary>
public sealed class ClientDeclarationTests
{
    [Theory]
    [InlineData("public partial struct Hr;")]
    [InlineData("public partial record struct Hr;")]
    [InlineData("public partial interface Hr;")]
    [InlineData("public enum Hr { A }")]
    public void Attribute_on_a_struct_interface_or_enum_is_a_compiler_error_at_the_declaration_and_nothing_is_generated(string declaration)
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] " + declaration);

        AssertNoCrash(result);
        var error = Assert.Single(Errors(result));
        Assert.Equal("CS0592", error.Id); // attribute valid on 'class' declarations only
        Assert.Equal("Source0.cs", error.Location.GetLineSpan().Path);
        Assert.Empty(result.RunResult.Results.SelectMany(r => r.GeneratedSources));
    }

    [Fact]
    public void Spec_from_a_non_constant_is_a_compiler_error_at_the_declaration()
    {
        var result = GeneratorHarness.Run("""
            public static class Settings { public static string Spec => "factorial-mine.json"; }
            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = Settings.Spec)] public partial class Hr;
            """);

        AssertNoCrash(result);
        var error = Assert.Single(Errors(result));
        Assert.Equal("CS0182", error.Id);
        Assert.Equal("Source0.cs", error.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Attribute_given_twice_is_a_compiler_error_and_one_client_is_generated()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Write)] public partial class Hr;");

        AssertNoCrash(result);
        var error = Assert.Single(Errors(result));
        Assert.Equal("CS0579", error.Id);
        Assert.Equal("Source0.cs", error.Location.GetLineSpan().Path);
    }

    [Theory]
    [InlineData("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public sealed partial class Hr;")]
    [InlineData("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] internal partial class Hr;")]
    [InlineData("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr : System.IComparable { public int CompareTo(object? other) => 0; }")]
    [InlineData("public static partial class Outer { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr; }")]
    [InlineData("public partial class Generic<T> { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr; }")]
    [InlineData("public partial struct Outer { [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr; }")]
    public void Unusual_but_valid_declarations_generate_code_that_compiles(string source)
    {
        var result = GeneratorHarness.Run(source);

        AssertNoCrash(result);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(Errors(result));
        Assert.NotEmpty(result.RunResult.Results.SelectMany(r => r.GeneratedSources));
    }

    internal static void AssertNoCrash(GeneratorHarness.Result result)
    {
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.All(result.RunResult.Results, r => Assert.Null(r.Exception));
    }

    internal static System.Collections.Generic.List<Diagnostic> Errors(GeneratorHarness.Result result) =>
        result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
}
