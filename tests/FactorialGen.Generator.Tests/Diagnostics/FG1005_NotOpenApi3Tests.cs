using System;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1005: a document was read but is not OpenAPI 3.0/3.1 (Swagger 2, another or no <c>openapi</c> version, a root that
/// is not an object). An error in the document, at its <c>"openapi"</c> field when it has one, saying what was found;
/// nothing is generated from it, and the client naming it gets no FG1004 on top.
/// </summary>
public sealed class FG1005_NotOpenApi3Tests
{
    [Fact]
    public void Swagger2Document_Triggers()
    {
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-old.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/factorial-old.json", """{ "swagger": "2.0", "paths": {} }"""));

        Assert.Contains("Swagger", Reported.Single(result, "FG1005").GetMessage());
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "FG1004");
    }

    [Theory]
    [InlineData("2.0", "its version is '2.0'")]
    [InlineData("4.0.0", "its version is '4.0.0'")]
    [InlineData("30.0", "its version is '30.0'")]
    public void OpenApiVersionOtherThan3_Triggers_AtTheOpenapiField(string version, string reason)
    {
        var document = Reported.Document(openapi: version);
        var result = Run(document);

        var diagnostic = Reported.Single(result, "FG1005");
        Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal($"'factorial-api.json' is not an OpenAPI 3.0 or 3.1 document ({reason}), so nothing is generated from it; convert it to OpenAPI 3 (Swagger 2 documents convert with common tools), or remove it from the FactorialSpec items", diagnostic.GetMessage());
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/factorial-api.json", span.Path);
        Assert.Equal(1, span.StartLinePosition.Line);
        Assert.Equal("\"openapi\"", document.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Reported.NothingGenerated(result);
    }

    [Theory]
    [InlineData("""{ "info": { "title": "t" }, "paths": {} }""", "it has no 'openapi' version field")]
    [InlineData("""{ "openapi": 3.1, "paths": {} }""", "it has no 'openapi' version field")]
    [InlineData("""[{ "openapi": "3.1.0" }]""", "its root is a JSON Array, not an object")]
    [InlineData("\"3.1.0\"", "its root is a JSON String, not an object")]
    public void DocumentWithoutAnOpenapiVersionOrObjectRoot_Triggers_SayingWhatWasFound(string document, string reason)
    {
        var result = Run(document);

        var diagnostic = Reported.Single(result, "FG1005");
        Assert.Contains($"({reason})", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("/specs/factorial-api.json", diagnostic.Location.GetLineSpan().Path);
        Reported.None(result, "FG1004");
        Reported.NothingGenerated(result);
    }

    [Theory]
    [InlineData("3.0.0")]
    [InlineData("3.0.3")]
    public void OpenApi30Document_DoesNotTrigger(string version)
    {
        var result = Run(Reported.Document(openapi: version));

        Reported.Clean(result);
        Assert.NotEmpty(result.Type("Acme.Hr").GetMembers("Things"));
    }

    [Theory]
    [InlineData("3.1.0")]
    [InlineData("3.1.1")]
    public void OpenApi31Document_DoesNotTrigger(string version)
    {
        var result = Run(Reported.Document(openapi: version));

        Reported.Clean(result);
        Assert.NotEmpty(result.Type("Acme.Hr").GetMembers("Things"));
    }

    [Fact]
    public void OpenApi3DocumentThatAlsoMentionsSwagger_DoesNotTrigger()
    {
        var result = Run(Reported.Document().Replace("\"info\": {", "\"x-converted-from\": { \"swagger\": \"2.0\" }, \"info\": {", StringComparison.Ordinal));

        Reported.Clean(result);
    }

    private static GeneratorHarness.Result Run(string document) =>
        GeneratorHarness.Run(
            "namespace Acme; " + Reported.ClientOf("factorial-api.json"),
            GeneratorHarness.Document("/specs/factorial-api.json", document));
}
