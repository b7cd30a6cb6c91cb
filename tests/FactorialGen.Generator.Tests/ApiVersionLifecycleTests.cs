using System;
using System.Linq;
using FactorialGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// A generated client knows its API version (from its document, the built-in one included). FG1012, the warning for a
/// version past Factorial's support window, is tested in <see cref="Diagnostics.FG1012_ApiVersionPastSupportTests"/>.
/// </summary>
public sealed class ApiVersionLifecycleTests
{
    [Fact]
    public void Built_in_client_knows_the_version_of_the_built_in_document()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr;");

        Assert.Empty(result.CompileProblems);
        Assert.Empty(result.GeneratorDiagnostics);
        var constant = Assert.Single(result.Type("Hr").GetMembers("ApiVersion").OfType<IFieldSymbol>());
        Assert.True(constant.IsConst);
        Assert.Equal(ApiVersionLifecycle.NewestKnown, constant.ConstantValue);
        Assert.Equal("2026-07-01", constant.ConstantValue);
        Assert.Contains("GetAsync(__connection, ApiVersion,", result.Source("Hr.g.cs"), StringComparison.Ordinal); // days off calls the same version
    }
}
