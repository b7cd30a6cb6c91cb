using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// What the per-ID generator diagnostic tests (one class per FG1xxx, <c>…_Triggers</c> / <c>…_DoesNotTrigger</c>)
/// assert again and again: one diagnostic of an ID (and no generator crash), none of it, the source text it points at,
/// and whether anything was generated.
/// </summary>
internal static class Reported
{
    /// <summary>A document with one GET operation of the given API version, generating one client group <c>Things</c>.</summary>
    public static string Document(string version = "2026-07-01", string openapi = "3.1.0") => $$"""
        {
          "openapi": "{{openapi}}",
          "info": { "title": "t", "version": "1" },
          "paths": {
            "/api/{{version}}/resources/things/things": {
              "get": { "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/things_thing" } } } } } } }
            }
          },
          "components": { "schemas": { "things_thing": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "kind": { "type": "string", "enum": ["a", "b"] } } } } }
        }
        """;

    /// <summary>A Read client <c>Hr</c> of the document <paramref name="spec"/>.</summary>
    public static string ClientOf(string spec, string name = "Hr") =>
        $"[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"{spec}\")] public partial class {name};";

    /// <summary>The run did not crash, and reported exactly one diagnostic <paramref name="id"/>.</summary>
    public static Diagnostic Single(GeneratorHarness.Result result, string id)
    {
        ClientDeclarationTests.AssertNoCrash(result);
        return Assert.Single(result.GeneratorDiagnostics, d => d.Id == id);
    }

    /// <summary>The run did not crash and reported no diagnostic <paramref name="id"/>.</summary>
    public static void None(GeneratorHarness.Result result, string id)
    {
        ClientDeclarationTests.AssertNoCrash(result);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == id);
    }

    /// <summary>The C# source text a diagnostic in the consumer's code points at.</summary>
    public static string SourceAt(GeneratorHarness.Result result, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        var tree = result.Output.SyntaxTrees.Single(t => t.FilePath == path);
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }

    /// <summary>The generator added no source at all (no client, no models).</summary>
    public static void NothingGenerated(GeneratorHarness.Result result) =>
        Assert.Empty(result.RunResult.Results.SelectMany(r => r.GeneratedSources));

    /// <summary>No source of the client class <paramref name="client"/> was generated (models of the document may still be).</summary>
    public static void NoClient(GeneratorHarness.Result result, string client = "Hr") =>
        Assert.DoesNotContain(result.RunResult.Results.SelectMany(r => r.GeneratedSources), s => IsClientSource(s.HintName, client));

    /// <summary>The whole run is clean: no generator diagnostic, no compiler warning or error, and <paramref name="client"/> was generated.</summary>
    public static void Clean(GeneratorHarness.Result result, string client = "Hr")
    {
        ClientDeclarationTests.AssertNoCrash(result);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Assert.Contains(result.RunResult.Results.SelectMany(r => r.GeneratedSources), s => IsClientSource(s.HintName, client));
    }

    private static bool IsClientSource(string hintName, string client) =>
        hintName == client + ".g.cs" || hintName.EndsWith("." + client + ".g.cs", StringComparison.Ordinal);
}
