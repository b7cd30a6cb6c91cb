using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using FactorialGen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// The package's README (src/Runtime/README.md, shipped in the nupkg) and the repository's never go stale: every
/// <c>```csharp</c> block in them
/// compiles, with the generator and the scope analyzer running, with no error and no warning — as a user's project
/// would. Blocks that only declare types (the client declarations) are shared; every block with top-level statements
/// is its own program over them, with the implicit usings of a console project, or of a web project when it uses
/// <c>WebApplication</c>.
/// </summary>
public sealed class PackageReadmeSnippetTests
{
    private static readonly string[] ConsoleUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebUsings =
    [
        .. ConsoleUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    [Fact]
    public void The_package_ships_this_readme()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Runtime", "FactorialGen.Runtime.csproj"));

        Assert.Contains("<PackageReadmeFile>README.md</PackageReadmeFile>", project, StringComparison.Ordinal);
        Assert.Contains("<None Include=\"README.md\" Pack=\"true\" PackagePath=\"\\\" />", project, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/Runtime/README.md", 7)] // the package's: console and loopback authorization, call, refresh, errors, DI, sandbox
    [InlineData("README.md", 1)]             // the repository's example
    public async Task Every_csharp_block_compiles_with_the_generator_and_analyzer_running(string readme, int expectedPrograms)
    {
        var blocks = CSharpBlocks(File.ReadAllText(Path.Combine(RepositoryRoot(), readme)));
        var declarations = blocks.Where(b => !HasTopLevelStatements(b.Code)).ToList();
        var programs = blocks.Where(b => HasTopLevelStatements(b.Code)).ToList();
        Assert.True(programs.Count >= expectedPrograms, $"Expected at least {expectedPrograms} programs in {readme}; found {programs.Count}.");

        var problems = new List<string>();
        foreach (var program in programs)
        {
            var usings = program.Code.Contains("WebApplication", StringComparison.Ordinal) ? WebUsings : ConsoleUsings;
            var sources = new List<(string Path, string Text)>
            {
                ("GlobalUsings.g.cs", string.Concat(usings.Select(u => $"global using global::{u};\n"))),
                ($"{readme} line {program.Line}", program.Code),
            };
            sources.AddRange(declarations.Select(d => ($"{readme} line {d.Line}", d.Code)));

            foreach (var diagnostic in await CompileAsync(sources))
            {
                problems.Add($"block at {readme} line {program.Line}: {diagnostic}");
            }
        }

        Assert.True(problems.Count == 0, $"{readme} snippets do not compile:\n" + string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public async Task A_stale_snippet_fails_to_compile()
    {
        // The check itself must be able to fail: a name the API does not have is reported.
        var problems = await CompileAsync(
        [
            ("GlobalUsings.g.cs", string.Concat(ConsoleUsings.Select(u => $"global using global::{u};\n"))),
            ("Stale.cs", "using FactorialGen;\n[FactorialClient(FactorialScope.Read)]\npublic partial class HrReports;\n"),
            ("Program.cs", "using FactorialGen;\nusing var hr = new HrReports(new FactorialApiKey(\"k\"));\nawait hr.Employees.Employees.ListEverythingAsync();\n"),
        ]);

        Assert.Contains(problems, d => d.Id == "CS1061");
    }

    private static async Task<IReadOnlyList<Diagnostic>> CompileAsync(IEnumerable<(string Path, string Text)> sources)
    {
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, path: s.Path)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorHarness.Driver(parseOptions: ParseOptions, trackSteps: false)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzed = await output.WithAnalyzers([new ScopeAnalyzer()]).GetAllDiagnosticsAsync();
        return generatorDiagnostics.Concat(analyzed)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>
    /// What a user's project compiles against: the .NET and ASP.NET Core reference assemblies, and the runtime. The ASP.NET
    /// Core reference pack comes with the SDK (packs/Microsoft.AspNetCore.App.Ref); it also holds the
    /// Microsoft.Extensions.* assemblies the runtime's public API uses.
    /// </summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var aspNetCore = AspNetCoreReferencePack();
        var fromPack = Directory.GetFiles(aspNetCore, "*.dll");
        var packNames = fromPack.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Net100.References.All.Cast<MetadataReference>()
            .Concat(fromPack.Select(f => MetadataReference.CreateFromFile(f)))
            .Concat(new[] { typeof(FactorialScope).Assembly.Location }
                .Where(f => !packNames.Contains(Path.GetFileNameWithoutExtension(f)))
                .Select(f => MetadataReference.CreateFromFile(f)))
            .ToImmutableArray();
    });

    private static string AspNetCoreReferencePack()
    {
        // typeof(object) lives in <dotnet>/shared/Microsoft.NETCore.App/<version>/.
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.AspNetCore.App.Ref");
        var folder = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(d => Path.Combine(d, "ref", "net10.0"))
                .Where(Directory.Exists)
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(d))), out var v) ? v : new Version(0, 0))
                .FirstOrDefault()
            : null;
        return folder ?? throw new InvalidOperationException($"The ASP.NET Core reference pack (net10.0) is not under {packs}; it comes with the .NET 10 SDK.");
    }

    private static bool HasTopLevelStatements(string code) =>
        CSharpSyntaxTree.ParseText(code, ParseOptions).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();

    internal static IReadOnlyList<(int Line, string Code)> CSharpBlocks(string markdown)
    {
        var blocks = new List<(int, string)>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != "```csharp")
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].TrimEnd() != "```")
            {
                end++;
            }

            Assert.True(end < lines.Length, $"The ```csharp block at line {start} is not closed.");
            blocks.Add((start + 1, string.Join("\n", lines[start..end])));
            i = end;
        }

        return blocks;
    }

    internal static string ReadmePath() => Path.Combine(RepositoryRoot(), "src", "Runtime", "README.md");

    internal static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
