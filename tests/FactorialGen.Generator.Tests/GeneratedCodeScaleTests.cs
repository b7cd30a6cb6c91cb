using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Xunit.Abstractions;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Generated code scales linearly: a schema of arrays nested many levels deep must cost the consumer's compiler time
/// proportional to the depth. Nested implicitly typed lambdas in the list read/write code once made the compiler's
/// type inference exponential (this document at 16 levels: 308 s before, about 1 s after, on 2 busy cores); the emitted
/// code now names one helper method per level and passes it with explicit type arguments.
/// </summary>
public sealed class GeneratedCodeScaleTests(ITestOutputHelper output)
{
    /// <summary>
    /// A hang guard only (the real figure is printed; the budget is checked by measurement, not by this test): the old
    /// nested-lambda code took 308 s at 16 levels and far longer at 32, so it still fails here, while a loaded 2-core
    /// machine that takes 10× the usual 1–7 s does not.
    /// </summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void Arrays_nested_deep_compile_in_linear_time(int depth)
    {
        // The first compilation in a process also loads and JITs Roslyn (seconds); it is not what the consumer pays per level.
        WarmUp.Value.ToString();
        var clock = Stopwatch.StartNew();
        var result = GeneratorHarness.Run(Client, GeneratorHarness.Document("/specs/factorial-deep.json", NestedDocument(depth)));
        var generated = clock.Elapsed;
        var problems = result.CompileProblems;
        using var stream = new MemoryStream();
        var emitted = result.Output.Emit(stream);
        clock.Stop();

        output.WriteLine($"{depth} levels: generated in {generated.TotalMilliseconds:0} ms, generated + compiled + emitted in {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Id != "FG1007"));
        Assert.Empty(problems);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        Assert.True(clock.Elapsed < Guard, $"{depth} nested levels took {clock.Elapsed.TotalSeconds:0.0} s to generate and compile");
    }

    private static readonly Lazy<bool> WarmUp = new(() =>
    {
        var result = GeneratorHarness.Run(Client, GeneratorHarness.Document("/specs/factorial-deep.json", NestedDocument(2)));
        using var stream = new MemoryStream();
        return result.Output.Emit(stream).Success;
    });

    [Fact]
    public void Nested_lists_round_trip_through_the_generated_converters()
    {
        const int Depth = 6;
        var result = GeneratorHarness.Run(Client, GeneratorHarness.Document("/specs/factorial-deep.json", NestedDocument(Depth)));
        Assert.Empty(result.CompileProblems);
        using var stream = new MemoryStream();
        var emitted = result.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("nested-lists", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            var typeInfo = (JsonTypeInfo)assembly.GetType("Acme.FactorialApi.V2026_07_01.FactorialJson")!.GetProperty("Item")!.GetValue(null)!;
            var json = $$"""{"numbers":{{Nest(Depth, "[1,2]")}},"names":{{Nest(Depth, "[\"a\",\"b c\"]")}},"leaves":{{Nest(Depth, "[{\"name\":\"x\",\"when\":\"2026-03-02\"}]")}}}""";

            var item = JsonSerializer.Deserialize(json, typeInfo)!;
            var written = JsonSerializer.Serialize(item, typeInfo);

            Assert.Equal(json, written);
            object? numbers = item.GetType().GetProperty("Numbers")!.GetValue(item);
            for (var level = 1; level < Depth; level++)
            {
                numbers = Assert.Single(Assert.IsAssignableFrom<IEnumerable>(numbers));
            }

            Assert.Equal(new long[] { 1, 2 }, Assert.IsAssignableFrom<IEnumerable>(numbers).Cast<long>().ToArray());

            // Null items inside a nested list are dropped on reading (as for any list), nested nulls stay readable.
            var sparse = JsonSerializer.Deserialize($$"""{"numbers":{{Nest(Depth - 1, "[null,[3,null]]")}}}""", typeInfo)!;
            Assert.Equal($$"""{"numbers":{{Nest(Depth - 1, "[[3]]")}}}""", JsonSerializer.Serialize(sparse, typeInfo));
        }
        finally
        {
            context.Unload();
        }
    }

    private const string Client = "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-deep.json\")] public partial class Hr;";

    private static string Nest(int levels, string inner)
    {
        var text = new StringBuilder(inner);
        for (var i = 1; i < levels; i++)
        {
            text.Insert(0, '[').Append(']');
        }

        return text.ToString();
    }

    /// <summary>A document whose one model has three properties of arrays nested <paramref name="depth"/> levels deep (of integers, strings and a model), read and written.</summary>
    internal static string NestedDocument(int depth)
    {
        static string Nested(int levels, string item)
        {
            var schema = item;
            for (var i = 0; i < levels; i++)
            {
                schema = $$"""{ "type": "array", "items": {{schema}} }""";
            }

            return schema;
        }

        return $$"""
            {
              "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
              "paths": {
                "/api/2026-07-01/resources/deep/items": {
                  "get": { "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/deep_item" } } } } } },
                  "post": {
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/deep_item" } } } },
                    "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": {{Nested(depth - 1, "{ \"$ref\": \"#/components/schemas/deep_item\" }")}} } } } } }
                  }
                }
              },
              "components": { "schemas": {
                "deep_item": { "type": "object", "properties": {
                  "numbers": {{Nested(depth, "{ \"type\": \"integer\" }")}},
                  "names": {{Nested(depth, "{ \"type\": \"string\" }")}},
                  "leaves": {{Nested(depth, "{ \"$ref\": \"#/components/schemas/deep_leaf\" }")}} } },
                "deep_leaf": { "type": "object", "properties": { "name": { "type": "string" }, "when": { "type": "string", "format": "date" } } } } }
            }
            """;
    }
}
