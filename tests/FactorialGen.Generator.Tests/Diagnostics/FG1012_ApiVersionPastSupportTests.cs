using System;
using System.Linq;
using FactorialGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1012: the client's document calls a dated API version released a year or more before the newest version the
/// package knows (its built-in document's). A warning at the attribute naming the client, the version, the document
/// and the newer version; the client is still generated. The rule reads no clock, so it gives the same answer every
/// day; versions that are not dates are never judged; the project can suppress it.
/// </summary>
public sealed class FG1012_ApiVersionPastSupportTests
{
    [Theory]
    [InlineData("2024-10-01")]
    [InlineData("2025-07-01")] // exactly a year before 2026-07-01
    public void VersionAYearOrMoreOlderThanTheNewestKnown_Triggers_NamingTheNewerVersion(string version) => AssertVersion(version, reported: true);

    [Theory]
    [InlineData("2025-07-02")]
    [InlineData("2026-01-01")]
    [InlineData("2026-07-01")]
    [InlineData("v1")] // not a dated version: never judged
    public void VersionLessThanAYearOlderOrNotADate_DoesNotTrigger(string version) => AssertVersion(version, reported: false);

    [Fact]
    public void ReleasedAYearBeforeTheNewestKnown_Triggers_JudgedByReleaseDatesNotTheClock()
    {
        Assert.True(ApiVersionLifecycle.IsPastSupport("2026-07-01", "2027-07-01"));
    }

    [Fact]
    public void ADayLessThanAYearOrADayThatDoesNotExist_DoesNotTrigger()
    {
        Assert.False(ApiVersionLifecycle.IsPastSupport("2026-07-01", "2027-06-30"));
        Assert.False(ApiVersionLifecycle.IsPastSupport("2026-02-30", "2028-01-01")); // no such day: not a version date
    }

    [Fact]
    public void DocumentWhoseMostPathsCallAnOldVersion_Triggers_ForEachClientAtItsOwnAttribute()
    {
        var document = Reported.Document("2024-10-01").Replace(
            "\"paths\": {",
            """
            "paths": {
                "/api/2024-10-01/resources/things/others": { "get": { "responses": { "200": { "description": "ok" } } } },
                "/api/2026-07-01/resources/things/newest": { "get": { "responses": { "200": { "description": "ok" } } } },
            """,
            StringComparison.Ordinal);
        var result = GeneratorHarness.Run(
            ["namespace Acme;\n" + Reported.ClientOf("factorial-mixed.json", "Hr") + "\n" + Reported.ClientOf("factorial-mixed.json", "Payroll")],
            [GeneratorHarness.Document("/specs/factorial-mixed.json", document)]);

        ClientDeclarationTests.AssertNoCrash(result);
        var fg1012 = result.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, fg1012.Count);
        Assert.All(fg1012, d => Assert.Equal("FG1012", d.Id));
        Assert.Equal([1, 2], fg1012.Select(d => d.Location.GetLineSpan().StartLinePosition.Line));
        Assert.StartsWith("'Hr' calls Factorial API version 2024-10-01 (from factorial-mixed.json)", fg1012[0].GetMessage(), StringComparison.Ordinal);
        Assert.StartsWith("'Payroll' calls Factorial API version 2024-10-01 (from factorial-mixed.json)", fg1012[1].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("suppress FG1012 if you must stay on 2024-10-01", fg1012[0].GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.CompileProblems); // a warning: both clients are generated
        Assert.Equal("2024-10-01", result.Type("Acme.Payroll").GetMembers("ApiVersion").OfType<IFieldSymbol>().Single().ConstantValue);
    }

    [Fact]
    public void BuiltInDocument_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite)] public partial class Hr;");

        Reported.Clean(result);
        Assert.Equal(ApiVersionLifecycle.NewestKnown, result.Type("Hr").GetMembers("ApiVersion").OfType<IFieldSymbol>().Single().ConstantValue);
    }

    [Fact]
    public void OldVersionSuppressedByTheProject_DoesNotTrigger()
    {
        var compilation = GeneratorHarness.Compilation("namespace Acme; " + Reported.ClientOf("factorial-old.json", "OldHr"));
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("FG1012", ReportDiagnostic.Suppress)]));

        GeneratorHarness.Driver([GeneratorHarness.Document("/specs/factorial-old.json", Reported.Document("2024-10-01"))])
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.DoesNotContain(diagnostics, d => d.Id == "FG1012");
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.GetTypeByMetadataName("Acme.OldHr"));
    }

    private static void AssertVersion(string version, bool reported)
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
}
