using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1007: a part of the document the generator does not support is skipped (or kept in a simpler form) and the rest is
/// generated. A warning naming the construct, the document and the reason, located at the construct's path when it can
/// be found; the output compiles. Fuzz-found shapes (non-object schemas, bad references, bare reference cycles) are in
/// <see cref="GeneratorKnownIssueTests"/>.
/// </summary>
public sealed class FG1007_UnsupportedConstructTests
{
    private const string Client = "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-names.json\")] public partial class Hr;";

    [Fact]
    public void BrokenReference_Triggers_LocatedAndTheRestStillCompiles()
    {
        var document = Reported.Document().Replace("#/components/schemas/things_thing", "#/components/schemas/missing", StringComparison.Ordinal);
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-refs.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/factorial-refs.json", document));

        var diagnostic = Reported.Single(result, "FG1007");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("#/components/schemas/missing", diagnostic.GetMessage());
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void EmptyPath_Triggers_AndTheOtherPathIsGenerated()
    {
        var result = Run("{" + Get(string.Empty) + ", " + Get("/api/2026-07-01/resources/a/b") + "}");

        Assert.Equal("FG1007", Assert.Single(result.GeneratorDiagnostics).Id);
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void HeaderParameter_Triggers_AtItsPathAndTheOperationIsGeneratedWithoutIt()
    {
        var paths = """
            {
              "/api/2026-07-01/resources/a/b": { "get": {
                "parameters": [{ "name": "X-Request-Id", "in": "header", "schema": { "type": "string" } }, { "name": "page", "in": "query", "schema": { "type": "integer" } }],
                "responses": { "200": { "content": { "application/json": { "schema": { "type": "string" } } } } } } }
            }
            """;
        var result = Run(paths);

        var diagnostic = Reported.Single(result, "FG1007");
        Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("The header parameter 'X-Request-Id' of GET /api/2026-07-01/resources/a/b in 'factorial-names.json' was skipped, and the rest of the document was generated: only path and query parameters are generated", diagnostic.GetMessage());
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/factorial-names.json", span.Path);
        Assert.Equal(1, span.StartLinePosition.Line); // the document's "/api/2026-07-01/resources/a/b" key
        Assert.Empty(result.CompileProblems);
        var get = Assert.Single(result.Type("Acme.Hr+AApi+BResource").GetMembers("ListAsync").OfType<IMethodSymbol>());
        Assert.Contains(get.Parameters, p => p.Name == "page");
        Assert.DoesNotContain(get.Parameters, p => p.Name.Contains("request", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/api/2026-07-01/resources/a/b/{id", "its path has an unbalanced '{' or '}'")]
    [InlineData("/api/2026-07-01/resources/a/b/{}", "its path has an unbalanced '{' or '}'")]
    public void PathWithUnbalancedBraces_Triggers_AndOnlyThatOperationIsSkipped(string path, string reason)
    {
        var result = Run("{" + Get(path) + ", " + Get("/api/2026-07-01/resources/a/c") + "}");

        var diagnostic = Reported.Single(result, "FG1007");
        Assert.Equal($"GET {path} in 'factorial-names.json' was skipped, and the rest of the document was generated: {reason}", diagnostic.GetMessage());
        Assert.Empty(result.CompileProblems);
        Assert.NotEmpty(result.Type("Acme.Hr+AApi+CResource").GetMembers("ListAsync"));
        Assert.Null(result.Output.GetTypeByMetadataName("Acme.Hr+AApi+BResource"));
    }

    [Fact]
    public void PathItemThatIsNotAnObject_Triggers()
    {
        var result = Run("""{ "/api/2026-07-01/resources/a/b": [], "/api/2026-07-01/resources/a/c": { "get": { "responses": { "200": { "description": "ok" } } } } }""");

        var diagnostic = Reported.Single(result, "FG1007");
        Assert.StartsWith("Path '/api/2026-07-01/resources/a/b' in 'factorial-names.json' was skipped", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("its value is not an object", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void PathAndQueryParametersDeclaredDirectlyOrByReference_DoNotTrigger()
    {
        var document = """
            {
              "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
              "paths": {
                "/api/2026-07-01/resources/a/b/{id}": {
                  "parameters": [{ "$ref": "#/components/parameters/id" }],
                  "get": { "parameters": [{ "name": "only_active", "in": "query", "schema": { "type": "boolean" } }],
                    "responses": { "200": { "content": { "application/json": { "schema": { "type": "string" } } } } } }
                }
              },
              "components": { "parameters": { "id": { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } } }
            }
            """;
        var result = GeneratorHarness.Run(Client, GeneratorHarness.Document("/specs/factorial-names.json", document));

        Reported.Clean(result);
        var get = Assert.Single(result.Type("Acme.Hr+AApi+BResource").GetMembers("GetAsync").OfType<IMethodSymbol>());
        Assert.Contains(get.Parameters, p => p.Name == "id");
        Assert.Contains(get.Parameters, p => p.Name == "onlyActive");
    }

    [Fact]
    public void ResolvedReferencesEnumsAndNestedModels_DoNotTrigger()
    {
        var result = GeneratorHarness.Run(Reported.ClientOf("factorial-refs.json"), GeneratorHarness.Document("/specs/factorial-refs.json", Reported.Document()));

        Reported.Clean(result);
        Reported.None(result, "FG1007");
    }

    private static GeneratorHarness.Result Run(string paths) =>
        GeneratorHarness.Run(Client, GeneratorHarness.Document("/specs/factorial-names.json", $$"""
            { "openapi": "3.1.0", "info": { "title": "t", "version": "1" }, "paths": {{paths}}, "components": { "schemas": {} } }
            """));

    private static string Get(string path) =>
        $$"""{{System.Text.Json.JsonSerializer.Serialize(path)}}: { "get": { "responses": { "200": { "content": { "application/json": { "schema": { "type": "string" } } } } } } }""";
}
