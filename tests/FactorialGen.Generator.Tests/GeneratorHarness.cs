using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Tests;

/// <summary>Runs the real generator through Roslyn's <see cref="CSharpGeneratorDriver"/> on in-memory sources and documents.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> References = Net100.References.All.Cast<MetadataReference>()
        .Concat<MetadataReference>(
        [
            MetadataReference.CreateFromFile(typeof(FactorialScope).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILoggerFactory).Assembly.Location),
        ])
        .ToImmutableArray();

    public static CSharpCompilation Compilation([StringSyntax("csharp")] params string[] sources) => Compilation(ParseOptions, sources);

    public static CSharpCompilation Compilation(CSharpParseOptions parseOptions, string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <param name="fileOptions">Per additional file (by path), its <c>build_metadata.AdditionalFiles.*</c> values, as the generated editorconfig gives them.</param>
    public static GeneratorDriver Driver(IEnumerable<AdditionalText>? documents = null, string? rootNamespace = "Acme", bool trackSteps = true, CSharpParseOptions? parseOptions = null, IReadOnlyDictionary<string, string>? globalOptions = null, IReadOnlyDictionary<string, Dictionary<string, string>>? fileOptions = null) =>
        CSharpGeneratorDriver.Create(
            [new FactorialClientGenerator().AsSourceGenerator()],
            documents ?? [],
            parseOptions ?? ParseOptions,
            new Options(rootNamespace, globalOptions, fileOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>New options with the given root namespace (a compiler server hands a cached driver new ones each build).</summary>
    public static AnalyzerConfigOptionsProvider OptionsProvider(string? rootNamespace = "Acme") => new Options(rootNamespace, globalOptions: null, fileOptions: null);

    public static Result Run(string source, params AdditionalText[] documents) => Run([source], documents);

    public static Result Run(string[] sources, AdditionalText[] documents)
    {
        var driver = Driver(documents).RunGeneratorsAndUpdateCompilation(Compilation(sources), out var output, out var generatorDiagnostics);
        return new Result(driver, driver.GetRunResult(), output, generatorDiagnostics);
    }

    public static AdditionalText Document(string path, string text) => new InMemoryText(path, text);

    /// <summary>
    /// <paramref name="compilation"/> with nullable warnings back on in the generated files. Their header turns the
    /// warnings off (<c>#nullable disable warnings</c>) so that a real build skips the compiler's nullable flow analysis
    /// of the generated bodies; the tests turn them on again to check the generated code is nullable-correct.
    /// </summary>
    public static Compilation WithNullableWarnings(Compilation compilation)
    {
        var generated = compilation.SyntaxTrees.Where(t => t.GetText().ToString().Contains(GeneratedNullableWarningsOff, StringComparison.Ordinal)).ToList();
        return generated.Count == 0 ? compilation : compilation.RemoveSyntaxTrees(generated).AddSyntaxTrees(generated.Select(tree =>
            tree.WithChangedText(SourceText.From(tree.GetText().ToString().Replace(GeneratedNullableWarningsOff, "#nullable enable warnings", StringComparison.Ordinal), System.Text.Encoding.UTF8))));
    }

    private const string GeneratedNullableWarningsOff = "#nullable disable warnings";

    public static AdditionalText SharedSpec(string fileName) =>
        new InMemoryText(fileName, File.ReadAllText(RealSpecFactAttribute.PathOf(fileName)));

    internal sealed record Result(GeneratorDriver Driver, GeneratorDriverRunResult RunResult, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
    {
        /// <summary>
        /// Errors and warnings of the consumer's compilation after generation (warnings count: consumers build with
        /// warnings as errors), nullable warnings included: see <see cref="WithNullableWarnings"/>.
        /// </summary>
        public IReadOnlyList<Diagnostic> CompileProblems =>
            WithNullableWarnings(Output).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        public string Source(string hintNameEnd) =>
            RunResult.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();

        /// <summary>A client's generated source: its own file (<c>Acme.Hr.g.cs</c>) and then each API namespace's file (<c>Acme.Hr.TimeoffApi.g.cs</c>).</summary>
        public string ClientSource(string clientHintName) =>
            Source(clientHintName + ".g.cs") + string.Concat(ClientGroupSources(clientHintName).Select(s => s.SourceText.ToString()));

        /// <summary>The files of a client's API namespaces (<c>Acme.Hr.TimeoffApi.g.cs</c>, <c>Acme.Hr.TimeOffApi.2.g.cs</c> when the names differ only in case), in name order.</summary>
        public IReadOnlyList<GeneratedSourceResult> ClientGroupSources(string clientHintName) =>
            RunResult.Results.SelectMany(r => r.GeneratedSources)
                .Where(s => s.HintName.StartsWith(clientHintName + ".", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(s.HintName, @"Api(\.[0-9]+)?\.g\.cs$"))
                .OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();

        public INamedTypeSymbol Type(string metadataName) =>
            Output.GetTypeByMetadataName(metadataName) ?? throw new InvalidOperationException($"No type {metadataName} was generated.");
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(string? rootNamespace, IReadOnlyDictionary<string, string>? globalOptions, IReadOnlyDictionary<string, Dictionary<string, string>>? fileOptions) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(Global(rootNamespace, globalOptions));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var values = fileOptions is not null && fileOptions.TryGetValue(textFile.Path, out var metadata) ? new Dictionary<string, string>(metadata) : [];
            if (textFile.Path.Contains(".flagged.", StringComparison.Ordinal))
            {
                values["build_metadata.AdditionalFiles.FactorialSpec"] = "true";
            }

            return values.Count == 0 ? Values.Empty : new Values(values);
        }

        private static Dictionary<string, string> Global(string? rootNamespace, IReadOnlyDictionary<string, string>? extra)
        {
            var values = rootNamespace is null ? new Dictionary<string, string>() : new() { ["build_property.RootNamespace"] = rootNamespace };
            foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            {
                values[key] = value;
            }

            return values;
        }

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Values Empty = new([]);

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}

/// <summary>A test on the real Factorial documents in ../shared/specs; skipped with a reason on a clone without them.</summary>
public sealed class RealSpecFactAttribute : FactAttribute
{
    public RealSpecFactAttribute(string fileName)
    {
        if (!File.Exists(PathOf(fileName)))
        {
            Skip = $"The real document {fileName} is not here (it lives in ../shared/specs beside the repository).";
        }
    }

    public static string PathOf(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "specs", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine("..", "shared", "specs", fileName);
    }
}
