using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// A compiler server builds each compilation with a new pipeline while the generator stays loaded: a document whose path
/// and text did not change is read once per process, and any change of its text is read again.
/// </summary>
[Collection(ProcessDocumentCacheCollection.Name)]
public sealed class DocumentCacheTests
{
    private const string Client = "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-cache.json\")] public partial class HrCache;";

    private static string Document(string title, string property) => $$"""
        {
          "openapi": "3.1.0", "info": { "title": "{{title}}", "version": "1" },
          "paths": { "/api/2026-07-01/resources/things/things": { "get": { "responses": { "200": { "content": { "application/json": {
            "schema": { "type": "array", "items": { "$ref": "#/components/schemas/things_thing" } } } } } } } } },
          "components": { "schemas": { "things_thing": { "type": "object", "properties": { "{{property}}": { "type": "string" } } } } }
        }
        """;

    private static object? ReadInFreshPipeline(string path, string text)
    {
        var result = GeneratorHarness.Driver([GeneratorHarness.Document(path, text)])
            .RunGenerators(GeneratorHarness.Compilation(Client)).GetRunResult().Results.Single();
        return result.TrackedSteps[StepNames.ReadDocument].Single().Outputs.Single().Value;
    }

    [Fact]
    public void Fresh_pipelines_on_the_same_text_share_one_read()
    {
        var path = $"/specs/{Guid.NewGuid():N}/factorial-cache.json";
        var text = Document(Guid.NewGuid().ToString("N"), "name");

        var first = ReadInFreshPipeline(path, text);
        var second = ReadInFreshPipeline(path, new string(text.ToCharArray()));

        Assert.NotNull(first);
        Assert.Same(first, second);
    }

    [Fact]
    public void A_changed_text_or_another_path_is_read_again()
    {
        var path = $"/specs/{Guid.NewGuid():N}/factorial-cache.json";
        var title = Guid.NewGuid().ToString("N");

        var first = ReadInFreshPipeline(path, Document(title, "name"));
        var sameLength = ReadInFreshPipeline(path, Document(title, "nome"));
        var elsewhere = ReadInFreshPipeline(path.Replace("/specs/", "/other/"), Document(title, "nome"));

        Assert.NotSame(first, sameLength);
        Assert.NotEqual(first, sameLength);
        Assert.NotSame(sameLength, elsewhere);
    }

    [Fact]
    public void A_document_that_cannot_be_read_is_not_kept()
    {
        var path = $"/specs/{Guid.NewGuid():N}/factorial-cache.json";
        const string Broken = "{ \"openapi\": \"3.1.0\", ";

        var first = ReadInFreshPipeline(path, Broken);
        var second = ReadInFreshPipeline(path, Broken);

        Assert.Equal(first, second);
        Assert.NotSame(first, second);
    }
}

/// <summary>
/// Tests that check what the process-wide document cache keeps: run alone, never beside other tests, whose generator
/// runs read documents into the same cache (it keeps at most four) and could push a document out between two reads.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessDocumentCacheCollection
{
    public const string Name = "Process-wide document cache";
}
