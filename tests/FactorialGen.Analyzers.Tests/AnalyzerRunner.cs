using System.Collections.Immutable;
using System.Linq;
using FactorialGen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Analyzers.Tests;

/// <summary>
/// Runs <see cref="ScopeAnalyzer"/> the way the command-line compiler does, outside the test harness (which
/// pins the severity of the analyzer's own ids in the compilation options): a workspace project whose
/// .editorconfig feeds the compilation's syntax-tree options, and analyzer telemetry.
/// </summary>
internal static class AnalyzerRunner
{
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, AnalyzerTelemetryInfo Telemetry)> RunAsync(
        string source, bool withRuntime = true, string? editorConfig = null, string? globalConfig = null)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var references = withRuntime ? TestReferences.Framework.AddRange(TestReferences.Runtime) : TestReferences.Framework;
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Test", "Test", LanguageNames.CSharp, filePath: "/src/Test.csproj")
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                .WithMetadataReferences(references))
            .AddDocument(DocumentId.CreateNewId(projectId), "Test.cs", SourceText.From(source), filePath: "/src/Test.cs");
        if (withRuntime)
        {
            solution = solution
                .AddDocument(DocumentId.CreateNewId(projectId), "Clients.cs", SourceText.From(TestClients.Declarations), filePath: "/src/Clients.cs")
                .AddDocument(DocumentId.CreateNewId(projectId), "Clients.g.cs", SourceText.From(TestClients.Generated), filePath: "/src/Clients.g.cs");
        }

        if (editorConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/src/.editorconfig");
        }

        if (globalConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(globalConfig), filePath: "/src/.globalconfig");
        }

        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Empty(errors);

        var analyzer = new ScopeAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
        return (diagnostics, telemetry);
    }
}
