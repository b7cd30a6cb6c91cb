using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FactorialGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Code injection through the document: text from an OpenAPI document must never become code. Every text field
/// (descriptions, summaries, titles, examples, defaults, enum values) and every name (properties, schemas, parameters,
/// path keys) of a small document is filled, by a seeded <see cref="Random"/>, with hostile strings — each of the six
/// C# line terminators followed by a module initializer, <c>*/</c>, <c>///</c>, quotes, backslashes, braces,
/// directives, lone surrogates, keywords, member names, empty, very long, digits first, Unicode letters and
/// formatting characters — plus random structural mutations. Documents are generated in batches, one client per
/// document, and compiled together with XML docs checked (<see cref="DocumentationMode.Diagnose"/>). Each document
/// must either compile without a warning or get a located FG diagnostic (an FG error for any CS error or warning), and
/// the canary never becomes code: no generated syntax tree declares it, and the emitted assembly's module initializers,
/// run in a collectible load context, never set its flag.
/// </summary>
/// <remarks>FACTORIALGEN_INJECTION_FUZZ_COUNT runs another number of documents, FACTORIALGEN_FUZZ_SEED another sequence.</remarks>
public sealed class CodeInjectionFuzzTests(ITestOutputHelper output)
{
    public const int DefaultCount = 1000;
    private const int BatchSize = 100;
    private const string CanaryKey = "FactorialGen.InjectionCanary";
    private const string ControlKey = "FactorialGen.InjectionCanary.Control";

    private static readonly CSharpParseOptions Diagnose = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    private static readonly string[] LineTerminators = ["\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029"];

    /// <summary>Code that, once compiled, runs when the module loads and leaves a mark in the AppDomain.</summary>
    private static string Payload(string key) =>
        $"[System.Runtime.CompilerServices.ModuleInitializer] internal static void Canary() => global::System.AppDomain.CurrentDomain.SetData(\"{key}\", \"ran\");";

    /// <summary>The same, valid at namespace level as well as inside a class.</summary>
    private static string TypePayload(string key) => $"internal static class CanaryHolder {{ {Payload(key)} }}";

    private const string LoneHigh = "LONE_HIGH_SURROGATE";
    private const string LoneLow = "LONE_LOW_SURROGATE";
    private const string RawLone = "RAW_LONE_SURROGATE";

    private static readonly string[] HostileTexts = BuildHostileTexts();

    private static readonly string[] HostileNames =
    [
        "class", "await", "namespace", "event", "return", "value", "var", "default", "@class", "Équipe", "empleado_ñ", "日本語",
        "a\u0301b", "a\u200Bb", "a\u202Eb", "\u202E", "1st", "123", "", " ", "two words", "a-b", "a_b", "A B", "a.b", "a/b",
        "{", "}", "Equals", "ToString", "GetHashCode", "GetType", "MemberwiseClone", "Deconstruct", "EqualityContract",
        "<Clone>$", "ReferenceEquals", "Finalize", "PrintMembers", "Hr", "HrApi", "Connection", "Dispose", "GetDaysOffAsync",
        "Item", "Value", "Options", "FactorialJson", "Serialization", "System", "global", "Unknown", "list", "list_all",
        new string('x', 600), "\"", "\\", "*/", "///", "#if X", "\u0085", "\u2028", "x\r\ny", "emoji😀", "𝒜𝒷", LoneHigh, RawLone,
    ];

    private static readonly Lazy<string> Template = new(() => File.ReadAllText(TemplatePath()));

    [Fact]
    public void Hostile_text_and_names_never_become_code()
    {
        var count = FuzzSettings.Count(DefaultCount, "FACTORIALGEN_INJECTION_FUZZ_COUNT");
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var failures = new List<string>();
        var clean = 0;
        var refused = 0;
        var initializersRun = 0;
        var diagnostics = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var start = 0; start < count && failures.Count < 15; start += BatchSize)
        {
            var cases = Enumerable.Range(start, Math.Min(BatchSize, count - start)).Select(n => (Number: n, Document: Mutate(n))).ToList();
            var batch = RunBatch(cases.Select(c => c.Document.Text).ToList(), failures, cases.Select(c => $"case {c.Number} ({c.Document.Steps})").ToList());
            clean += batch.Clean;
            refused += batch.Refused;
            initializersRun += batch.InitializersRun;
            foreach (var id in batch.DiagnosticIds)
            {
                diagnostics[id] = diagnostics.GetValueOrDefault(id) + 1;
            }
        }

        Assert.Null(AppDomain.CurrentDomain.GetData(CanaryKey));
        output.WriteLine($"{count} documents (seed {FuzzSettings.Seed}) in {clock.Elapsed.TotalSeconds:0.0} s ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0} s CPU, load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a")}): {clean} compiled without a warning, {refused} refused with a located FG error; "
            + $"module constructors of {initializersRun} emitted batches run, canary never ran; diagnostics: {string.Join(", ", diagnostics.Select(p => $"{p.Key} {p.Value}"))}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(clean >= count / 4, $"only {clean} of {count} documents compiled: the fuzz no longer reaches the emitters");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void A_line_terminator_then_code_in_every_text_field_stays_in_its_comment_or_literal(string terminator)
    {
        var root = JsonNode.Parse(Template.Value)!.AsObject();
        var text = $"Leads in.{terminator}{Payload(CanaryKey)}{terminator}{TypePayload(CanaryKey)}{terminator}*/ /// \" \\ {{ #error x";
        foreach (var owner in DocumentFuzzTests.AllObjects(root).ToList())
        {
            foreach (var field in TextFields.Where(owner.ContainsKey))
            {
                owner[field] = text;
            }

            if (owner["enum"] is JsonArray values && values.Count > 0)
            {
                values[0] = text;
            }
        }

        var failures = new List<string>();
        var batch = RunBatch([root.ToJsonString()], failures, ["every text field"]);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(1, batch.Clean);
        Assert.Equal(1, batch.InitializersRun);
    }

    [Fact]
    public void The_canary_is_detected_when_it_is_code()
    {
        // Proves the checks can fail: the same payload, compiled as code, is found in the syntax and its initializer runs.
        var source = $"namespace Injected {{ {TypePayload(ControlKey)} }}";
        var compilation = GeneratorHarness.Compilation(Diagnose, [source]);

        Assert.NotEmpty(CanaryDeclarations(compilation.SyntaxTrees.Single()));
        Assert.True(RunModuleInitializers(compilation, out var errors), errors);
        Assert.Equal("ran", AppDomain.CurrentDomain.GetData(ControlKey));
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"a\\udc00\"")]
    [InlineData("\"\\ud800\\u0041\"")]
    [InlineData("\"RAW\"")]
    public void A_lone_surrogate_in_the_document_is_a_located_FG1006(string value)
    {
        value = value.Replace("RAW", "\ud800", StringComparison.Ordinal); // a raw lone surrogate (xunit would not keep it as data)
        var document = Template.Value.Replace("\"A member of a team.\"", value, StringComparison.Ordinal);
        Assert.NotEqual(Template.Value, document);

        var result = GeneratorHarness.Run(ClientSource(0), GeneratorHarness.Document(DocumentPath(0), document));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("FG1006", diagnostic.Id);
        Assert.True(diagnostic.Location.GetLineSpan().StartLinePosition.Line > 0);
        Assert.Empty(result.RunResult.Results.Where(r => r.Exception is not null));
    }

    private static readonly string[] TextFields = ["description", "summary", "title", "example", "default"];

    private sealed record BatchResult(int Clean, int Refused, int InitializersRun, List<string> DiagnosticIds);

    /// <summary>Generates and compiles <paramref name="documents"/> together, one client each, and judges each document.</summary>
    private static BatchResult RunBatch(List<string> documents, List<string> failures, List<string> labels)
    {
        var sources = documents.Select((_, i) => ClientSource(i)).ToArray();
        var texts = documents.Select((text, i) => GeneratorHarness.Document(DocumentPath(i), text)).ToArray();
        var driver = GeneratorHarness.Driver(texts, trackSteps: false, parseOptions: Diagnose)
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(Diagnose, sources), out var compilation, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        if (run.Results.FirstOrDefault(r => r.Exception is not null) is { Exception: { } crash })
        {
            if (documents.Count == 1)
            {
                failures.Add($"{labels[0]}: the generator threw {crash.GetType().Name}: {crash.Message}\n{crash.StackTrace}");
                return new BatchResult(0, 0, 0, []);
            }

            // Find the document that crashes it: run each alone.
            var (clean, refused, initializers, ids) = (0, 0, 0, new List<string>());
            for (var i = 0; i < documents.Count; i++)
            {
                var single = RunBatch([documents[i]], failures, [labels[i]]);
                (clean, refused, initializers) = (clean + single.Clean, refused + single.Refused, initializers + single.InitializersRun);
                ids.AddRange(single.DiagnosticIds);
            }

            return new BatchResult(clean, refused, initializers, ids);
        }

        var problems = new Dictionary<int, List<Diagnostic>>();
        var fgErrors = new HashSet<int>();
        var ids2 = new List<string>();
        foreach (var diagnostic in generatorDiagnostics)
        {
            ids2.Add(diagnostic.Id);
            var owner = Owner(diagnostic.Location.GetLineSpan().Path);
            var span = diagnostic.Location.GetLineSpan();
            if (owner is null || !diagnostic.Id.StartsWith("FG", StringComparison.Ordinal) || !span.IsValid || string.IsNullOrWhiteSpace(diagnostic.GetMessage(CultureInfo.InvariantCulture)))
            {
                failures.Add($"{(owner is { } o ? labels[o] : "batch")}: {diagnostic.Id} is not a located FG diagnostic: {diagnostic}");
                continue;
            }

            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                fgErrors.Add(owner.Value);
            }
        }

        // One emit reports every error and warning (and is what the loader needs): diagnose and emit in one pass.
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        foreach (var diagnostic in emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            if (Owner(diagnostic.Location.SourceTree?.FilePath) is not { } owner)
            {
                failures.Add($"batch: {diagnostic.Id} outside any document's code: {diagnostic}");
                continue;
            }

            (problems.TryGetValue(owner, out var list) ? list : problems[owner] = []).Add(diagnostic);
        }

        var generatedTrees = compilation.SyntaxTrees.Where(t => !t.FilePath.StartsWith("Source", StringComparison.Ordinal)).ToList();
        foreach (var tree in generatedTrees)
        {
            foreach (var declaration in CanaryDeclarations(tree))
            {
                var owner = Owner(tree.FilePath);
                failures.Add($"{(owner is { } o ? labels[o] : "batch")}: the canary became code in {Path.GetFileName(tree.FilePath)}: {declaration}");
            }
        }

        var cleanCount = 0;
        var refusedCount = 0;
        var broken = new HashSet<int>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (!problems.TryGetValue(i, out var list))
            {
                cleanCount++;
                continue;
            }

            broken.Add(i);
            if (fgErrors.Contains(i))
            {
                refusedCount++;
                continue;
            }

            var first = list[0];
            var line = first.Location.SourceTree?.GetText().Lines[first.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
            failures.Add($"{labels[i]}: {list.Count} CS errors/warnings and no FG error explains them; first {first.Id} {first.GetMessage(CultureInfo.InvariantCulture)} in {Path.GetFileName(first.Location.SourceTree?.FilePath)}: {Shorten(line)}");
        }

        // Run what compiled: drop the code of documents that did not (emit again only then), load, and run the module initializers.
        var initializersRun = 0;
        string emitErrors;
        var loaded = broken.Count == 0 && emitted.Success
            ? Load(image, out emitErrors)
            : RunModuleInitializers(compilation.RemoveSyntaxTrees(generatedTrees.Where(t => Owner(t.FilePath) is { } o && broken.Contains(o))), out emitErrors);
        if (!loaded)
        {
            failures.Add($"batch of {labels[0]}…: the documents that compiled alone do not emit together: {emitErrors}");
        }
        else
        {
            initializersRun = 1;
        }

        if (AppDomain.CurrentDomain.GetData(CanaryKey) is not null)
        {
            failures.Add($"batch of {labels[0]}…: a canary module initializer ran");
        }

        return new BatchResult(cleanCount, refusedCount, initializersRun, ids2);
    }

    /// <summary>Emits <paramref name="compilation"/>, loads it into a collectible context and runs its module constructor (module initializers).</summary>
    private static bool RunModuleInitializers(Compilation compilation, out string errors)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        errors = string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5));
        if (!emitted.Success)
        {
            return false;
        }

        return Load(stream, out errors);
    }

    private static bool Load(MemoryStream image, out string errors)
    {
        errors = string.Empty;
        image.Position = 0;
        var context = new AssemblyLoadContext("injection-fuzz", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
            return true;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The only attributes the generator writes: any other attribute (or a using directive) came from the document.</summary>
    private static readonly HashSet<string> GeneratedAttributes = new(StringComparer.Ordinal)
    {
        "__GC", "__S::Obsolete", "__SR", "__F::FactorialOperation", "__F::FactorialOmittedOperation",
    };

    /// <summary>The namespace aliases every generated file starts with (CodeText.Start); any other using directive came from the document.</summary>
    private static readonly Regex GeneratedAlias = new(
        @"^using (?:__S = global::System|__J = global::System\.Text\.Json|__T = global::System\.Threading\.Tasks|__CT = global::System\.Threading\.CancellationToken|__G = global::System\.Collections\.Generic|__F = global::FactorialGen|__R = global::FactorialGen\.Runtime\.Generated"
        + @"|__GC = global::System\.CodeDom\.Compiler\.GeneratedCodeAttribute|__SR = global::System\.Diagnostics\.CodeAnalysis\.SetsRequiredMembersAttribute|__I = global::System\.Text\.Json\.Serialization\.Metadata"
        + @"|__Scope = global::FactorialGen\.FactorialScope|__Res = global::FactorialGen\.FactorialResourceScopes|__Docs = global::FactorialGen\.Runtime\.Generated\.FactorialOperationDocs"
        + @"|(?:__M|__Json|__C) = global::[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*);$",
        RegexOptions.CultureInvariant);

    private static bool IsGeneratedAlias(SyntaxNode node) =>
        node is UsingDirectiveSyntax { Parent: CompilationUnitSyntax } && GeneratedAlias.IsMatch(node.ToString());

    /// <summary>
    /// Code in a tree that the generator never writes: the canary's method or class, a ModuleInitializer attribute, any
    /// attribute outside what the emitters write, a using directive other than the generated aliases (an alias could
    /// rename the attribute).
    /// </summary>
    private static IEnumerable<string> CanaryDeclarations(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes()
            .Where(n => n is MethodDeclarationSyntax { Identifier.ValueText: "Canary" } or ClassDeclarationSyntax { Identifier.ValueText: "CanaryHolder" } || (n is UsingDirectiveSyntax && !IsGeneratedAlias(n))
                || (n is AttributeSyntax a && (a.Name.ToString().Contains("ModuleInitializer", StringComparison.Ordinal) || !GeneratedAttributes.Contains(a.Name.ToString()))))
            .Select(n => Shorten(n.ToString()));

    private static readonly Regex OwnerPattern = new(@"(?:FactorialZ|factorial-z|^Source|^C)(\d+)", RegexOptions.CultureInvariant);

    private static int? Owner(string? path) =>
        path is not null && OwnerPattern.Match(Path.GetFileName(path)) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static string ClientSource(int index) =>
        $"namespace C{index} {{ [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-z{index}.json\")] public partial class Hr; }}";

    private static string DocumentPath(int index) => $"/specs/factorial-z{index}.json";

    /// <summary>The document of case <paramref name="number"/> and what was done to it.</summary>
    internal static (string Text, string Steps) Mutate(int number)
    {
        var random = FuzzSettings.For(unchecked(number + 7_000_000));
        var root = JsonNode.Parse(Template.Value)!.AsObject();
        var steps = new List<string>();
        var count = 2 + random.Next(6);
        for (var i = 0; i < count; i++)
        {
            steps.Add(random.Next(20) switch
            {
                < 8 => HostileText(random, root),
                < 11 => RenameProperty(random, root),
                11 => RenameSchema(random, root),
                12 => RenameParameter(random, root),
                13 => RenamePathSegment(random, root),
                14 => HostileEnum(random, root),
                15 => DocumentFuzzTests.DropNode(random, root),
                16 => DocumentFuzzTests.RetypeNode(random, root),
                17 => DocumentFuzzTests.DuplicateNode(random, root),
                18 => DocumentFuzzTests.MakeCycle(random, root),
                _ => DocumentFuzzTests.OddType(random, root),
            });
        }

        var text = root.ToJsonString();

        // Lone surrogates cannot pass through JsonNode: put them in the text, escaped or raw.
        text = text.Replace(LoneHigh, "\\ud800", StringComparison.Ordinal).Replace(LoneLow, "\\udfff", StringComparison.Ordinal).Replace(RawLone, "\ud800", StringComparison.Ordinal);
        return (text, string.Join("; ", steps));
    }

    private static string HostileText(Random random, JsonObject root)
    {
        var owners = DocumentFuzzTests.AllObjects(root).Where(o => TextFields.Any(o.ContainsKey) || o.ContainsKey("type") || o.ContainsKey("responses") || o.ContainsKey("in")).ToList();
        var owner = owners[random.Next(owners.Count)];
        var field = TextFields[random.Next(TextFields.Length)];
        var text = HostileTexts[random.Next(HostileTexts.Length)];
        owner[field] = field is "example" or "default" && random.Next(3) == 0 ? new JsonArray(text, new JsonObject { [text] = text }) : text;
        return $"{field} of {Shorten(owner.GetPath())} = {Describe(text)}";
    }

    private static string HostileEnum(Random random, JsonObject root)
    {
        var enums = DocumentFuzzTests.AllObjects(root).Where(o => o["enum"] is JsonArray).ToList();
        if (enums.Count == 0)
        {
            return "no enum";
        }

        var values = new JsonArray();
        for (var i = 1 + random.Next(4); i > 0; i--)
        {
            values.Add(random.Next(2) == 0 ? HostileNames[random.Next(HostileNames.Length)] : HostileTexts[random.Next(HostileTexts.Length)]);
        }

        enums[random.Next(enums.Count)]["enum"] = values;
        return $"enum = {Describe(values.ToJsonString())}";
    }

    private static string RenameProperty(Random random, JsonObject root)
    {
        var lists = DocumentFuzzTests.AllObjects(root).Where(o => o.Parent is JsonObject p && ReferenceEquals(p["properties"], o) && o.Count > 0).ToList();
        if (lists.Count == 0)
        {
            return "no properties";
        }

        var owner = lists[random.Next(lists.Count)];
        var old = owner.ElementAt(random.Next(owner.Count)).Key;
        return Rename(owner, old, PickName(random), $"property {old}");
    }

    private static string RenameSchema(Random random, JsonObject root)
    {
        if (root["components"]?["schemas"] is not JsonObject schemas || schemas.Count == 0)
        {
            return "no schemas";
        }

        var old = schemas.ElementAt(random.Next(schemas.Count)).Key;
        var name = (random.Next(2) == 0 ? "team_" : string.Empty) + PickName(random);
        var result = Rename(schemas, old, name, $"schema {old}");
        foreach (var reference in DocumentFuzzTests.AllObjects(root).Where(o => o["$ref"] is JsonValue v && v.ToString() == $"#/components/schemas/{old}").ToList())
        {
            reference["$ref"] = "#/components/schemas/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        }

        return result;
    }

    private static string RenameParameter(Random random, JsonObject root)
    {
        var parameters = DocumentFuzzTests.AllObjects(root).Where(o => o.ContainsKey("in") && o.ContainsKey("name")).ToList();
        var parameter = parameters[random.Next(parameters.Count)];
        var old = parameter["name"]!.ToString();
        var name = PickName(random);
        parameter["name"] = name;
        if ((string?)parameter["in"] == "path" && root["paths"] is JsonObject paths)
        {
            foreach (var key in paths.Select(p => p.Key).Where(k => k.Contains("{" + old + "}", StringComparison.Ordinal)).ToList())
            {
                var renamed = key.Replace("{" + old + "}", "{" + name + "}", StringComparison.Ordinal);
                if (!paths.ContainsKey(renamed))
                {
                    var value = paths[key];
                    paths.Remove(key);
                    paths[renamed] = value;
                }
            }
        }

        return $"parameter {old} = {Describe(name)}";
    }

    private static string RenamePathSegment(Random random, JsonObject root)
    {
        if (root["paths"] is not JsonObject paths || paths.Count == 0)
        {
            return "no paths";
        }

        var old = paths.ElementAt(random.Next(paths.Count)).Key;
        var segments = old.Split('/');
        var at = random.Next(3) == 0 ? segments.Length - 1 : 4 + random.Next(Math.Max(1, segments.Length - 4));
        at = Math.Min(at, segments.Length - 1);
        var name = random.Next(8) == 0 ? string.Empty : PickName(random);
        segments[at] = name;
        var renamed = random.Next(10) == 0 ? string.Empty : string.Join('/', segments);
        return paths.ContainsKey(renamed) ? "path rename collided" : Rename(paths, old, renamed, $"path {old}");
    }

    private static string PickName(Random random) => random.Next(5) switch
    {
        0 => HostileTexts[random.Next(HostileTexts.Length)],
        1 => HostileNames[random.Next(HostileNames.Length)] + "_" + HostileNames[random.Next(HostileNames.Length)],
        _ => HostileNames[random.Next(HostileNames.Length)],
    };

    private static string Rename(JsonObject owner, string old, string name, string what)
    {
        if (owner.ContainsKey(name))
        {
            name += "_2";
            if (owner.ContainsKey(name))
            {
                return $"{what}: rename collided";
            }
        }

        var value = owner[old];
        owner.Remove(old);
        owner[name] = value;
        return $"{what} = {Describe(name)}";
    }

    private static string[] BuildHostileTexts()
    {
        var texts = new List<string>();
        foreach (var terminator in LineTerminators)
        {
            texts.Add($"Innocent.{terminator}{Payload(CanaryKey)}{terminator}// rest");
            texts.Add($"{terminator}{TypePayload(CanaryKey)}{terminator}");
            texts.Add($"x{terminator}}}{terminator}{TypePayload(CanaryKey)}{terminator}namespace N {{ class C {{{terminator}");
            texts.Add($"{terminator}/// </summary>{terminator}{Payload(CanaryKey)}");
        }

        texts.AddRange(
        [
            "*/ " + Payload(CanaryKey) + " /*", "/* open", "///", "/// <summary>", "</summary>", "<para>", "<see cref=\"X\"/>", "a < b && c > d", "&amp;", "&#xD;",
            "]]>", "<!--", "\"", "\"); " + Payload(CanaryKey) + " //", "\\", "\\\"", "\\u000A" + Payload(CanaryKey), "{", "}", "{0}", "#if X", "#error boom",
            "#pragma warning disable", "\t\ttabs", "\u0000", "\u0001\u001F", "\u007F", "\uFEFF", "\uFFFE", "\uFFFF", "\u200B", "\u202Ereversed", "\u2066isolate",
            LoneHigh, LoneLow + "x", RawLone, "class", "return", "", " ", new string('y', 1000), new string('\n', 50), "123", "Équipe ñ 日本語 emoji😀",
        ]);
        return [.. texts];
    }

    private static string Describe(string text) => Shorten(text.Length > 0 ? string.Concat(text.Select(c => c < ' ' || c is '\u0085' or '\u2028' or '\u2029' ? $"\\u{(int)c:X4}" : c.ToString())) : "(empty)");

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length > 100 ? text[..97] + "..." : text;

    private static string TemplatePath([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Fuzzing", "injection-template.json");
}
