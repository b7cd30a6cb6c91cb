using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using FactorialGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Bad input from the developer: the built-in document, mutated with a seeded <see cref="Random"/> (members dropped,
/// duplicated, retyped and renamed; broken and external references; reference cycles; C# keywords and non-ASCII
/// names; colliding names; odd enums; empty and non-object documents), run through the real generator and compiled.
/// Every run must end without a generator crash (no CS8785/AD0001, no driver exception), with every FG1xxx diagnostic
/// located, and with generated code that compiles unless the generator reported an error explaining why.
/// Each case compiles, so CI runs <see cref="CiCount"/>; FACTORIALGEN_GENERATOR_FUZZ_COUNT=1000 (or more) runs the long
/// sequence, FACTORIALGEN_FUZZ_SEED another one.
/// </summary>
/// <remarks>
/// Every failure fails the test: the generator defects it once found (G1–G7) are fixed, each with a reproduction in
/// <see cref="GeneratorKnownIssueTests"/>.
/// </remarks>
public sealed class DocumentFuzzTests(ITestOutputHelper output)
{
    public const int CiCount = 100;

    private const string ClientSource = "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-fuzz.json\")] public partial class Hr;";
    private const string DocumentPath = "/specs/factorial-fuzz.json";

    private static readonly string[] HostileNames =
    [
        "class", "namespace", "event", "object", "string", "params", "operator", "this", "base", "void", "default", "@class",
        "Équipe", "empleado_ñ", "日本語", "emoji😀", "1st", "", " ", "two words", "a-b", "a.b", "a/b", "{id}", "__proto__", "ID", "Id",
        "value", "Value", "Equals", "GetHashCode", "ToString", "Hr", "EqualityContract", "Clone", "<Clone>$", "Item", "System", "global",
        new string('x', 600), "\u0000", "\"quoted\"", "back\\slash", "_", "__", "List", "ListAsync", "Connection", "Dispose",
    ];

    private static readonly string[] HostileRefs =
    [
        "#/components/schemas/missing", "#/components/schemas/", "#", "", "#/paths", "https://example.com/other.json#/components/schemas/x",
        "other.json", "#/components/schemas/employees_employee/properties/id", "#/components/parameters/nope", "#/components/schemas/employees_employee/",
        "#/components/schemas/%7B%7D", "#/components/schemas/../schemas/employees_employee", "#/components/schemas/employees_employee/properties",
    ];

    private static readonly Lazy<string> CoreDocument = new(() => File.ReadAllText(CoreDocumentPath()));

    [Fact]
    public void Mutated_documents_never_crash_the_generator_and_every_problem_is_a_located_diagnostic()
    {
        var count = FuzzSettings.Count(CiCount, "FACTORIALGEN_GENERATOR_FUZZ_COUNT");
        var failures = new List<string>();
        var diagnostics = new Dictionary<string, int>(StringComparer.Ordinal);
        var compiled = 0;
        var explained = 0;
        var clock = Stopwatch.StartNew();
        for (var number = 0; number < count && failures.Count < 15; number++)
        {
            var (text, steps) = Mutate(number);
            GeneratorHarness.Result result;
            try
            {
                result = GeneratorHarness.Run(ClientSource, GeneratorHarness.Document(DocumentPath, text));
            }
            catch (Exception ex)
            {
                failures.Add($"case {number}: the driver threw {ex.GetType().Name}: {ex.Message}\n    {steps}");
                continue;
            }

            var problem = Problems(result, out var errorsExplained, out _);
            foreach (var id in result.GeneratorDiagnostics.Select(d => d.Id))
            {
                diagnostics[id] = diagnostics.GetValueOrDefault(id) + 1;
            }

            if (problem is not null)
            {
                failures.Add($"case {number}: {problem}\n    mutations: {steps}");
                continue;
            }

            if (errorsExplained)
            {
                explained++;
            }
            else
            {
                compiled++;
            }
        }

        output.WriteLine($"{count} documents (seed {FuzzSettings.Seed}) in {clock.Elapsed.TotalSeconds:0.0} s: {compiled} compiled cleanly, {explained} refused with an FG error; diagnostics: " + string.Join(", ", diagnostics.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"openapi\"")]
    [InlineData("{\"openapi\": \"3.1.0\"}")]
    [InlineData("{\"openapi\": \"3.1.0\", \"paths\": []}")]
    [InlineData("{\"openapi\": \"3.1.0\", \"paths\": {\"/api/2026-07-01/resources/a/b\": null}}")]
    [InlineData("{\"openapi\": 3, \"paths\": {}}")]
    [InlineData("{\"openapi\": \"4.0.0\", \"paths\": {}}")]
    [InlineData("\uFEFF{\"openapi\": \"3.0.3\", \"paths\": {}}")]
    public void Empty_and_skeletal_documents_give_diagnostics_not_crashes(string text)
    {
        var result = GeneratorHarness.Run(ClientSource, GeneratorHarness.Document(DocumentPath, text));

        Assert.Null(Problems(result, out _, out _));
    }

    /// <summary>Everything wrong with one run (null when it is acceptable), and the signature that classifies it.</summary>
    internal static string? Problems(GeneratorHarness.Result result, out bool errorsExplained, out string? signature)
    {
        errorsExplained = false;
        signature = null;
        if (result.RunResult.Results.FirstOrDefault(r => r.Exception is not null) is { Exception: { } crash })
        {
            var frame = crash.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at FactorialGen.Generator.", StringComparison.Ordinal));
            var method = frame is null ? "?" : string.Join('.', frame["at ".Length..frame.IndexOf('(', StringComparison.Ordinal)].Split('.').TakeLast(2));
            signature = $"crash in {method}";
            return $"the generator threw {crash.GetType().Name} in {method}: {crash.Message}";
        }

        if (result.GeneratorDiagnostics.FirstOrDefault(d => d.Id is "CS8785" or "AD0001") is { } crashDiagnostic)
        {
            return $"{crashDiagnostic.Id}: {crashDiagnostic.GetMessage()}";
        }

        foreach (var diagnostic in result.GeneratorDiagnostics)
        {
            if (!diagnostic.Id.StartsWith("FG1", StringComparison.Ordinal))
            {
                return $"unexpected diagnostic {diagnostic.Id}: {diagnostic.GetMessage()}";
            }

            var span = diagnostic.Location.GetLineSpan();
            if (diagnostic.Location.Kind == LocationKind.None || !span.IsValid || string.IsNullOrEmpty(span.Path))
            {
                return $"{diagnostic.Id} has no location: {diagnostic.GetMessage()}";
            }

            if (string.IsNullOrWhiteSpace(diagnostic.GetMessage()))
            {
                return $"{diagnostic.Id} has no message";
            }
        }

        var errors = result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            return null;
        }

        if (result.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            errorsExplained = true;
            return null;
        }

        var first = errors[0];
        signature = first.Id;
        var line = first.Location.SourceTree?.GetText().Lines[first.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
        return $"the generated code does not compile and no FG error explains it: {errors.Count} errors, first {first.Id} {first.GetMessage()} in {Path.GetFileName(first.Location.SourceTree?.FilePath)}: {line}"
            + (result.GeneratorDiagnostics.IsEmpty ? string.Empty : $" (generator said: {string.Join("; ", result.GeneratorDiagnostics.Select(d => d.Id + " " + d.GetMessage()))})");
    }

    /// <summary>The document of case <paramref name="number"/> and a description of what was done to it.</summary>
    internal static (string Text, string Steps) Mutate(int number)
    {
        var random = FuzzSettings.For(number);
        if (random.Next(100) == 0)
        {
            var whole = new[] { string.Empty, "{}", "[]", "null", "{\"openapi\": \"3.1.0\"}", "{\"swagger\": \"2.0\"}", "{{{{" }[random.Next(7)];
            return (whole, $"whole document replaced by '{whole}'");
        }

        var root = JsonNode.Parse(CoreDocument.Value)!.AsObject();
        var steps = new List<string>();
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            steps.Add(random.Next(12) switch
            {
                0 or 1 => DropNode(random, root),
                2 => DuplicateNode(random, root),
                3 or 4 => RetypeNode(random, root),
                5 or 6 => RenameNode(random, root),
                7 => BreakReference(random, root),
                8 => MakeCycle(random, root),
                9 => OddEnum(random, root),
                10 => OddType(random, root),
                _ => RenamePath(random, root),
            });
        }

        var text = root.ToJsonString();
        if (random.Next(25) == 0)
        {
            // A duplicated member in the text itself (JsonNode cannot hold one).
            var at = text.IndexOf("\"type\":", random.Next(text.Length), StringComparison.Ordinal);
            if (at > 0)
            {
                text = text.Insert(at, "\"type\":\"integer\",");
                steps.Add($"duplicated a 'type' member at {at}");
            }
        }

        return (text, string.Join("; ", steps));
    }

    internal static string DropNode(Random random, JsonObject root)
    {
        var (parent, key) = PickMember(random, root);
        if (parent is null)
        {
            return "nothing dropped";
        }

        parent.Remove(key);
        return $"dropped {Describe(parent)}.{key}";
    }

    internal static string DuplicateNode(Random random, JsonObject root)
    {
        var (parent, key) = PickMember(random, root);
        if (parent is null)
        {
            return "nothing duplicated";
        }

        var copy = random.Next(2) == 0 ? key.ToUpperInvariant() : key + "_copy";
        if (copy == key || parent.ContainsKey(copy))
        {
            copy = key + "2";
        }

        parent[copy] = parent[key]?.DeepClone();
        return $"duplicated {Describe(parent)}.{key} as '{copy}'";
    }

    internal static string RetypeNode(Random random, JsonObject root)
    {
        var (parent, key) = PickMember(random, root);
        if (parent is null)
        {
            return "nothing retyped";
        }

        JsonNode? replacement = random.Next(8) switch
        {
            0 => null,
            1 => JsonValue.Create(42),
            2 => JsonValue.Create("text"),
            3 => JsonValue.Create(false),
            4 => new JsonArray(),
            5 => new JsonObject(),
            6 => new JsonArray(JsonValue.Create(1), JsonValue.Create("a")),
            _ => JsonValue.Create(-1.5e300),
        };
        parent[key] = replacement;
        return $"{Describe(parent)}.{key} became {replacement?.ToJsonString() ?? "null"}";
    }

    private static string RenameNode(Random random, JsonObject root)
    {
        // Property and schema names: where the C# names come from.
        var candidates = AllObjects(root).Where(o => o.Parent is JsonObject p && ((p.ContainsKey("properties") && ReferenceEquals(p["properties"], o)) || ReferenceEquals(root["components"]?["schemas"], o))).ToList();
        if (candidates.Count == 0 || random.Next(4) == 0)
        {
            var (parent, key) = PickMember(random, root);
            if (parent is null)
            {
                return "nothing renamed";
            }

            candidates = [parent];
        }

        var owner = candidates[random.Next(candidates.Count)];
        if (owner.Count == 0)
        {
            return "nothing renamed";
        }

        var old = owner.ElementAt(random.Next(owner.Count)).Key;
        var name = random.Next(3) == 0 && owner.Count > 1 ? owner.ElementAt(random.Next(owner.Count)).Key.ToUpperInvariant() : HostileNames[random.Next(HostileNames.Length)];
        if (owner.ContainsKey(name))
        {
            name += "_";
        }

        var value = owner[old];
        owner.Remove(old);
        owner[name] = value;
        if (ReferenceEquals(root["components"]?["schemas"], owner))
        {
            // Keep references pointing at the renamed schema (JSON Pointer escaping), so the rename reaches C# names.
            foreach (var reference in AllObjects(root).Where(o => o["$ref"] is JsonValue v && v.ToString() == $"#/components/schemas/{old}").ToList())
            {
                reference["$ref"] = "#/components/schemas/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
            }
        }

        return $"renamed {Describe(owner)}.{old} to '{Shorten(name)}'";
    }

    private static string RenamePath(Random random, JsonObject root)
    {
        if (root["paths"] is not JsonObject paths || paths.Count == 0)
        {
            return "no paths to rename";
        }

        var old = paths.ElementAt(random.Next(paths.Count)).Key;
        var segments = old.Split('/');
        var index = 1 + random.Next(segments.Length - 1);
        segments[index] = random.Next(4) switch
        {
            0 => HostileNames[random.Next(HostileNames.Length)],
            1 => "{" + HostileNames[random.Next(HostileNames.Length)] + "}",
            2 => "{id",
            _ => segments[index].ToUpperInvariant(),
        };
        var name = string.Join('/', segments);
        if (paths.ContainsKey(name))
        {
            return "path rename collided";
        }

        var value = paths[old];
        paths.Remove(old);
        paths[name] = value;
        return $"renamed path {old} to '{Shorten(name)}'";
    }

    internal static string BreakReference(Random random, JsonObject root)
    {
        var references = AllObjects(root).Where(o => o.ContainsKey("$ref")).ToList();
        if (references.Count == 0)
        {
            return "no reference to break";
        }

        var target = references[random.Next(references.Count)];
        var value = HostileRefs[random.Next(HostileRefs.Length)];
        target["$ref"] = random.Next(10) == 0 ? JsonValue.Create(7) : JsonValue.Create(value);
        return $"a $ref became '{target["$ref"]!.ToJsonString()}'";
    }

    internal static string MakeCycle(Random random, JsonObject root)
    {
        if (root["components"]?["schemas"] is not JsonObject schemas || schemas.Count < 2)
        {
            return "no schemas for a cycle";
        }

        var a = schemas.ElementAt(random.Next(schemas.Count)).Key;
        var b = schemas.ElementAt(random.Next(schemas.Count)).Key;
        var schema = schemas[a] as JsonObject;
        var pointer = new JsonObject { ["$ref"] = $"#/components/schemas/{b}" };
        var properties = schema is null ? null : schema["properties"] as JsonObject;
        switch (random.Next(4))
        {
            case 0 when properties is not null:
                properties["loop"] = pointer;
                break;
            case 1 when properties is not null:
                properties["loops"] = new JsonObject { ["type"] = "array", ["items"] = pointer };
                break;
            case 2:
                schemas[a] = new JsonObject { ["allOf"] = new JsonArray(pointer, schema?.DeepClone()) };
                break;
            default:
                schemas[a] = pointer; // a schema that is only a reference, possibly to itself
                break;
        }

        return $"cycle: {a} refers to {b}";
    }

    internal static string OddEnum(Random random, JsonObject root)
    {
        var enums = AllObjects(root).Where(o => o["enum"] is JsonArray).ToList();
        if (enums.Count == 0)
        {
            return "no enum";
        }

        var target = enums[random.Next(enums.Count)];
        JsonArray values = random.Next(7) switch
        {
            0 => new JsonArray(),
            1 => new JsonArray(JsonValue.Create("a"), JsonValue.Create("A"), JsonValue.Create("a")),
            2 => new JsonArray(JsonValue.Create("class"), JsonValue.Create("1"), JsonValue.Create(string.Empty), JsonValue.Create("two words")),
            3 => new JsonArray(JsonValue.Create(1), JsonValue.Create(2.5), JsonValue.Create(true)),
            4 => new JsonArray(null, JsonValue.Create("x")),
            5 => new JsonArray(JsonValue.Create("Équipe"), JsonValue.Create("equipe"), JsonValue.Create("日本")),
            _ => new JsonArray(new JsonObject(), new JsonArray()),
        };
        target["enum"] = values;
        return $"enum became {values.ToJsonString()}";
    }

    internal static string OddType(Random random, JsonObject root)
    {
        var typed = AllObjects(root).Where(o => o.ContainsKey("type")).ToList();
        if (typed.Count == 0)
        {
            return "nothing typed";
        }

        var target = typed[random.Next(typed.Count)];
        JsonNode? type = random.Next(9) switch
        {
            0 => "unknown",
            1 => new JsonArray(JsonValue.Create("string"), JsonValue.Create("null")),
            2 => new JsonArray(JsonValue.Create("integer"), JsonValue.Create("string")),
            3 => "file",
            4 => "integer",
            5 => "array",
            6 => "object",
            7 => "number",
            _ => new JsonArray(),
        };
        target["type"] = type;
        if (random.Next(3) == 0)
        {
            target["format"] = new[] { "int128", "date", "date-time", "uuid", "binary", "int32", "double", "byte", "weird" }[random.Next(9)];
        }

        return $"a type became {type?.ToJsonString()}{(target["format"] is { } f ? " format " + f.ToJsonString() : string.Empty)}";
    }

    private static (JsonObject? Parent, string Key) PickMember(Random random, JsonObject root)
    {
        var objects = AllObjects(root).Where(o => o.Count > 0).ToList();
        var parent = objects[random.Next(objects.Count)];
        return (parent, parent.ElementAt(random.Next(parent.Count)).Key);
    }

    internal static IEnumerable<JsonObject> AllObjects(JsonNode node)
    {
        if (node is JsonObject o)
        {
            yield return o;
            foreach (var child in o.Select(p => p.Value).ToList())
            {
                if (child is not null)
                {
                    foreach (var inner in AllObjects(child))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a.ToList())
            {
                if (child is not null)
                {
                    foreach (var inner in AllObjects(child))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    private static string Describe(JsonNode node) => Shorten(node.GetPath());

    private static string Shorten(string text) => text.Length > 80 ? text[..77] + "..." : text;

    private static string CoreDocumentPath([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src", "Generator", "FactorialGen.Generator", "Specs", "factorial-core.json"));
}
