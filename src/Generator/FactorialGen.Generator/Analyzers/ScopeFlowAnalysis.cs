using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// Runs the token-scope must-analysis over the control flow graphs of one member (its body, then every lambda and
/// local function in it) and reports FG0001 and FG0002.
/// </summary>
/// <remarks>
/// Lattice per tracked local, parameter and flow capture: unknown (top) or a known, non-empty set of possible scopes
/// with the origins they came from. Join: union of the sets when both sides are known, unknown otherwise. A block's
/// entry state is the join of its predecessors' exit states; blocks are re-run until nothing changes (the lattice has
/// finite height, so loops reach a fixpoint). Only then is every block run once more to report, so a call is reported
/// only when every path reaching it gives a known scope and every such scope lacks what the call needs.
/// Lambdas and local functions see a captured variable as the join of every value the declaring function assigns to
/// it (tracked variables are never written by nested functions, see <see cref="TrackedVariables"/>).
/// A write the graph makes through a flow capture of the variable (<c>x = a ?? b</c>, <c>x ??= a</c>, <c>x = c ? a : b</c>)
/// is a write of the variable. A catch, filter or finally region starts from the join of every state its try region
/// passes through (block entries and the state after each write), since an exception may leave the try anywhere.
/// <para>
/// The parts live in files named for their concern: <c>ScopeFlowAnalysis.GraphRun.cs</c> (the walk over one graph:
/// fixpoint, exception regions, the reporting pass), <c>.Expressions.cs</c> (how operations move values: assignments,
/// captures, patterns, deconstruction), <c>.Invocations.cs</c> and <c>.Credentials.cs</c> (the value rules: which calls,
/// creations and properties make or keep a token's scope), <c>.Variables.cs</c> (what the graph may follow) and
/// <c>.Reporting.cs</c> (the diagnostics).
/// </para>
/// </remarks>
internal sealed partial class ScopeFlowAnalysis
{
    private static readonly Dictionary<ISymbol, ScopeValue?> NoCapturedValues = new(SymbolEqualityComparer.Default);

    private readonly KnownSymbols _known;
    private readonly HashSet<ISymbol> _tracked;
    private readonly HashSet<IMethodSymbol> _functionsToAnalyze;
    private readonly Action<Diagnostic> _report;
    private readonly HashSet<(string Id, Location Location)> _reported = new();
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<IMethodSymbol, ScopeValue?> _localFunctionReturns = new(SymbolEqualityComparer.Default);

    public ScopeFlowAnalysis(
        KnownSymbols known, HashSet<ISymbol> tracked, HashSet<IMethodSymbol> functionsToAnalyze, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        _known = known;
        _tracked = tracked;
        _functionsToAnalyze = functionsToAnalyze;
        _report = report;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Analyzes a member's graph and, recursively, the graphs of its lambdas and local functions.</summary>
    public void Analyze(ControlFlowGraph graph, IMethodSymbol? function) => Analyze(graph, function, NoCapturedValues);

    private void Analyze(ControlFlowGraph graph, IMethodSymbol? function, Dictionary<ISymbol, ScopeValue?> captured)
    {
        var run = new GraphRun(this, graph, function, captured);
        run.Solve();
        var lambdas = run.Report();

        var nestedCaptured = new Dictionary<ISymbol, ScopeValue?>(captured, SymbolEqualityComparer.Default);
        foreach (var pair in run.AssignedValues)
        {
            nestedCaptured[pair.Key] = pair.Value;
        }

        // Values flow into nested functions only (they never write tracked variables), so one without a reportable
        // call or creation needs no graph.
        foreach (var lambda in lambdas)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_functionsToAnalyze.Contains(lambda.Symbol))
            {
                Analyze(graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken), lambda.Symbol, nestedCaptured);
            }
        }

        foreach (var localFunction in graph.LocalFunctions)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_functionsToAnalyze.Contains(localFunction))
            {
                Analyze(graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellationToken), localFunction, nestedCaptured);
            }
        }
    }

    /// <summary>
    /// The scope of an expression outside any flow (a field initializer or a constructor's assignment to a readonly
    /// field): locals are unknown, parameters have their declared scope when their method never assigns them.
    /// </summary>
    private ScopeValue? EvaluateDetached(IOperation operation) => new GraphRun(this, null, null, NoCapturedValues).EvaluateDetached(operation);

    private void Report(Diagnostic diagnostic)
    {
        if (_reported.Add((diagnostic.Id, diagnostic.Location)))
        {
            _report(diagnostic);
        }
    }
}
