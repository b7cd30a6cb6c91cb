using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1004: <c>Spec = "…"</c> names no OpenAPI document of the project (a <c>FactorialSpec</c> item, or a file named
/// <c>factorial*.json/yaml/yml</c>). An error at the attribute listing the documents found, with advice that works
/// for what was written: <c>Spec</c> takes a file name, so a path in it is answered with the file name to write (and
/// the FactorialSpec item to add), never with <c>path/specs/…</c>. Nothing is generated for the client.
/// </summary>
public sealed class FG1004_SpecNotFoundTests
{
    private const string Document = """
        { "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
          "paths": { "/api/2026-07-01/resources/things/things": { "get": { "responses": { "200": { "description": "ok" } } } } } }
        """;

    [Fact]
    public void MissingDocument_Triggers_NamingTheDocumentsFound()
    {
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-other.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/factorial-mine.json", Reported.Document()));

        var diagnostic = Reported.Single(result, "FG1004");
        Assert.Contains("factorial-other.json", diagnostic.GetMessage());
        Assert.Contains("factorial-mine.json", diagnostic.GetMessage());
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.StartsWith("FactorialGen.FactorialClient(", result.Output.SyntaxTrees.First().GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void PathInSpecForADocumentInTheProject_Triggers_SayingToWriteTheFileName()
    {
        var message = Message("specs/factorial-mine.json", GeneratorHarness.Document("/repo/specs/factorial-mine.json", Document));

        Assert.Contains("Spec = \"factorial-mine.json\"", message, StringComparison.Ordinal);
        Assert.Contains("without its folder", message, StringComparison.Ordinal);
        Assert.DoesNotContain("path/", message, StringComparison.Ordinal);
        Assert.DoesNotContain("<FactorialSpec", message, StringComparison.Ordinal); // it is in the project already
    }

    [Fact]
    public void PathInSpecForAMissingDocument_Triggers_NamingTheItemToAddAndTheFileName()
    {
        var message = Message("specs\\factorial-other.yaml", GeneratorHarness.Document("/repo/specs/factorial-mine.json", Document));

        Assert.Contains("Spec = \"factorial-other.yaml\"", message, StringComparison.Ordinal);
        Assert.Contains("<FactorialSpec Include=\"specs/factorial-other.yaml\" />", message, StringComparison.Ordinal);
        Assert.Contains("factorial-mine.json", message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileNameInSpec_Triggers_SayingToAddTheFile()
    {
        var message = Message("factorial-other.json");

        Assert.Contains("<FactorialSpec Include=\"<its folder>/factorial-other.json\" />", message, StringComparison.Ordinal);
        Assert.Contains("documents found: none", message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileThatIsNeitherMarkedNorNamedAsADocument_Triggers_AndNothingIsGenerated()
    {
        var result = GeneratorHarness.Run(
            "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"hr-api.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/hr-api.json", Reported.Document()));

        var diagnostic = Reported.Single(result, "FG1004");
        Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("No OpenAPI document with the file name 'hr-api.json' is in the project (documents found: none)", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"hr-api.json\")", Reported.SourceAt(result, diagnostic));
        Reported.NothingGenerated(result); // not the client, and no models of a document nobody found
    }

    [Fact]
    public void DocumentFlaggedThroughMsbuildMetadata_DoesNotTrigger_WhateverItsName()
    {
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"api.flagged.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/api.flagged.json", Reported.Document()));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Assert.NotNull(result.Type("Hr+ThingsApi+ThingsResource").GetMembers("ListAsync").SingleOrDefault());
    }

    [Fact]
    public void SpecDifferingFromTheFileNameOnlyInCase_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run(
            Reported.ClientOf("FACTORIAL-Mine.JSON"),
            GeneratorHarness.Document("/specs/factorial-mine.json", Reported.Document()));

        Reported.Clean(result);
        Assert.NotEmpty(result.Type("Hr").GetMembers("Things"));
    }

    [Fact]
    public void SpecNamingADocumentThatCannotBeRead_DoesNotTrigger_TheDocumentsOwnErrorSaysWhy()
    {
        var result = GeneratorHarness.Run(
            Reported.ClientOf("factorial-broken.json"),
            GeneratorHarness.Document("/specs/factorial-broken.json", "{ \"openapi\": \"3.1.0\", \"paths\": { oops } }"));

        Reported.None(result, "FG1004");
        Assert.Equal("FG1006", Assert.Single(result.GeneratorDiagnostics).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void EmptySpec_DoesNotTrigger_TheBuiltInDocumentIsUsed(string spec)
    {
        var result = GeneratorHarness.Run(Reported.ClientOf(spec), GeneratorHarness.Document("/specs/factorial-mine.json", Reported.Document()));

        Reported.Clean(result);
        Assert.NotEmpty(result.Type("Hr").GetMembers("Employees")); // a built-in group, not the document's Things
        Assert.Empty(result.Type("Hr").GetMembers("Things"));
    }

    private static string Message(string spec, params AdditionalText[] documents)
    {
        var result = GeneratorHarness.Run($"[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = @\"{spec}\")] public partial class Hr;", documents);
        return Assert.Single(result.GeneratorDiagnostics, d => d.Id == "FG1004").GetMessage();
    }
}
