using System;
using System.Linq;
using FactorialGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// A generated client knows its API version (from its document, the built-in one included), and FG1012 warns when that
/// version was released a year or more before the newest version the package knows, naming the newer version; the rule
/// reads no clock, so it gives the same answer on every day.
/// </summary>
public sealed class ApiVersionLifecycleTests
{
    private static string DocumentOf(string version) => $$"""
        {
          "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
          "paths": {
            "/api/{{version}}/resources/things/things": {
              "get": { "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "type": "string" } } } } } } }
            }
          }
        }
        """;

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

    [Theory]
    [InlineData("2024-10-01", true)]
    [InlineData("2025-07-01", true)]   // exactly a year before 2026-07-01
    [InlineData("2025-07-02", false)]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-07-01", false)]
    [InlineData("v1", false)]          // not a dated version: never judged
    public void Version_a_year_older_than_the_newest_known_is_FG1012_naming_the_newer_version(string version, bool reported)
    {
        var result = GeneratorHarness.Run(
            "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-old.json\")] public partial class OldHr;",
            GeneratorHarness.Document("/specs/factorial-old.json", DocumentOf(version)));

        var fg1012 = result.GeneratorDiagnostics.Where(d => d.Id == "FG1012").ToList();
        Assert.Equal(reported ? 1 : 0, fg1012.Count);
        var constant = result.Type("Acme.OldHr").GetMembers("ApiVersion").OfType<IFieldSymbol>().ToList();
        if (version.StartsWith("20", StringComparison.Ordinal))
        {
            Assert.Equal(version, Assert.Single(constant).ConstantValue);
        }
        else
        {
            Assert.Empty(constant); // paths without a dated version: the client has no version to know
        }
        if (reported)
        {
            var diagnostic = fg1012[0];
            var message = diagnostic.GetMessage();
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
            Assert.Contains("'OldHr'", message, StringComparison.Ordinal);
            Assert.Contains($"version {version}", message, StringComparison.Ordinal);
            Assert.Contains("factorial-old.json", message, StringComparison.Ordinal);
            Assert.Contains("2026-07-01, the newest version this package knows", message, StringComparison.Ordinal);
            Assert.EndsWith("docs/diagnostics/FG1012.md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.StartsWith("FactorialGen.FactorialClient(", result.Output.SyntaxTrees.First().GetText().ToString(diagnostic.Location.SourceSpan), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_rule_compares_release_dates_not_the_clock()
    {
        Assert.True(ApiVersionLifecycle.IsPastSupport("2026-07-01", "2027-07-01"));
        Assert.False(ApiVersionLifecycle.IsPastSupport("2026-07-01", "2027-06-30"));
        Assert.False(ApiVersionLifecycle.IsPastSupport("2026-02-30", "2028-01-01")); // no such day: not a version date
    }

    [Fact]
    public void A_member_named_ApiVersion_is_FG1010()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr { public int ApiVersion => 1; }");

        Assert.Contains("API version constant", Assert.Single(result.GeneratorDiagnostics, d => d.Id == "FG1010").GetMessage(), StringComparison.Ordinal);
    }
}
