using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FactorialGen.Analyzers.Tests.ResourceScopes;

/// <summary>Runs the scope analyzer on a source plus the resource-scope test clients (and the read/write ones).</summary>
internal static class ResourceVerify
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new ScopeAnalyzerTest(source);
        ResourceClients.AddTo(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    /// <summary>A code-fix test with the resource-scope clients in both states (their declarations may change: <paramref name="fixedDeclarations"/>).</summary>
    public static ScopeCodeFixTest<TAnalyzer, TCodeFix> CodeFix<TAnalyzer, TCodeFix>(string source, string fixedSource, string equivalenceKey, string? fixedDeclarations = null, string? declarations = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new ScopeCodeFixTest<TAnalyzer, TCodeFix>(source, fixedSource, equivalenceKey);
        ResourceClients.AddTo(test.TestState, declarations);
        ResourceClients.AddTo(test.FixedState, fixedDeclarations ?? declarations);
        return test;
    }
}
