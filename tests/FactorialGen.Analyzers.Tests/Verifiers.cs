using System.Collections.Immutable;
using System.Linq;
using FactorialGen.CodeFixes;
using FactorialGen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FactorialGen.Analyzers.Tests;

/// <summary>Compilation references for test sources: the .NET 10 reference assemblies and the FactorialGen runtime.</summary>
internal static class TestReferences
{
    /// <summary>An empty reference set (downloads nothing); the real assemblies come from Basic.Reference.Assemblies.</summary>
    public static ReferenceAssemblies Assemblies { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> Framework { get; } =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

    /// <summary>The runtime and what its public API mentions.</summary>
    public static ImmutableArray<MetadataReference> Runtime { get; } = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(FactorialScope).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location));

    public static void Configure(SolutionState state, bool withRuntime, bool withClients)
    {
        state.AdditionalReferences.AddRange(Framework);
        if (withRuntime)
        {
            state.AdditionalReferences.AddRange(Runtime);
        }

        if (withClients)
        {
            state.Sources.Add((TestClients.DeclarationsPath, TestClients.Declarations));
            state.Sources.Add((TestClients.GeneratedPath, TestClients.Generated));
        }
    }
}

/// <summary>Runs <see cref="ScopeAnalyzer"/> on a source plus the test clients.</summary>
internal sealed class ScopeAnalyzerTest : CSharpAnalyzerTest<ScopeAnalyzer, DefaultVerifier>
{
    public ScopeAnalyzerTest(string source, bool withClients = true)
    {
        TestCode = source;
        ReferenceAssemblies = TestReferences.Assemblies;
        TestReferences.Configure(TestState, withRuntime: true, withClients);
    }

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new ScopeAnalyzerTest(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);
}

/// <summary>
/// Runs an analyzer and a code fix on a source plus the generated test clients; the client declarations are added
/// unless the test writes its own. The fixed state lists the same shared files (they are not inherited once a test
/// names fixed sources).
/// </summary>
internal sealed class ScopeCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public ScopeCodeFixTest(string source, string fixedSource, string equivalenceKey, bool withDeclarations = true, string? fixedDeclarations = null)
    {
        ReferenceAssemblies = TestReferences.Assemblies;
        TestReferences.Configure(TestState, withRuntime: true, withClients: false);
        TestState.Sources.Add(source);
        FixedState.Sources.Add(fixedSource);
        if (withDeclarations)
        {
            TestState.Sources.Add((TestClients.DeclarationsPath, TestClients.Declarations));
            FixedState.Sources.Add((TestClients.DeclarationsPath, fixedDeclarations ?? TestClients.Declarations));
        }

        TestState.Sources.Add((TestClients.GeneratedPath, TestClients.Generated));
        FixedState.Sources.Add((TestClients.GeneratedPath, TestClients.Generated));
        CodeActionEquivalenceKey = equivalenceKey;
    }
}
