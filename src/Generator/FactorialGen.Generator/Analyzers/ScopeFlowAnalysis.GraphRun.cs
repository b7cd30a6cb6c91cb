using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FactorialGen.Generator.Analyzers;

internal sealed partial class ScopeFlowAnalysis
{
    /// <summary>The analysis of one graph: solve to a fixpoint, then report.</summary>
    private sealed partial class GraphRun
    {
        private readonly ScopeFlowAnalysis _analysis;
        private readonly KnownSymbols _known;
        private readonly ControlFlowGraph? _graph;
        private readonly bool _detached;
        private readonly IMethodSymbol? _function;
        private readonly Dictionary<ISymbol, ScopeValue?> _captured;
        private readonly HashSet<ISymbol> _ownLocals = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _assignedOutOfBand = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<CaptureId, (long Value, Location Location)?> _constantCaptures = new();
        private readonly Dictionary<CaptureId, ISymbol?> _captureAliases = new();
        private readonly Dictionary<ControlFlowRegion, FlowState> _tryStates = new();
        private readonly Dictionary<ControlFlowRegion, List<int>> _handlerEntries = new();
        private List<ControlFlowRegion>? _currentTryRegions;
        private bool _collectReturns;
        private bool _returnSeen;
        private ScopeValue? _returned;
        private readonly FlowState?[] _entries;
        private readonly FlowState?[] _exits;
        private bool _reporting;
        private List<IFlowAnonymousFunctionOperation>? _lambdas;

        public GraphRun(ScopeFlowAnalysis analysis, ControlFlowGraph? graph, IMethodSymbol? function, Dictionary<ISymbol, ScopeValue?> captured)
        {
            _analysis = analysis;
            _known = analysis._known;
            _graph = graph;
            _detached = graph is null;
            _function = function;
            _captured = captured;
            _entries = new FlowState?[graph?.Blocks.Length ?? 0];
            _exits = new FlowState?[graph?.Blocks.Length ?? 0];
            if (graph is not null)
            {
                CollectLocals(graph.Root);
                CollectOutOfBandWritesAndConstantCaptures();
            }
        }

        public ScopeValue? EvaluateDetached(IOperation operation) => Evaluate(operation, new FlowState());

        /// <summary>For each tracked variable this graph declares: the join of every value assigned to it (after <see cref="Report"/>).</summary>
        public Dictionary<ISymbol, ScopeValue?> AssignedValues { get; } = new(SymbolEqualityComparer.Default);

        public void Solve()
        {
            var blocks = _graph!.Blocks;
            var queue = new SortedSet<int>();
            foreach (var block in blocks)
            {
                if (block.Kind == BasicBlockKind.Entry)
                {
                    _entries[block.Ordinal] = InitialState();
                    queue.Add(block.Ordinal);
                }
                else if (block.IsReachable && block.Predecessors.IsEmpty)
                {
                    // First block of a catch, filter or finally region: reached from anywhere in its try, so it starts
                    // from the join of every state the try region passes through (filled in while solving).
                    if (ProtectedRegion(block) is { } tryRegion)
                    {
                        if (!_handlerEntries.TryGetValue(tryRegion, out var handlers))
                        {
                            _handlerEntries[tryRegion] = handlers = new List<int>();
                        }

                        handlers.Add(block.Ordinal);
                    }
                    else
                    {
                        _entries[block.Ordinal] = new FlowState();
                        queue.Add(block.Ordinal);
                    }
                }
            }

            _queue = queue;

            while (queue.Count > 0)
            {
                _analysis._cancellationToken.ThrowIfCancellationRequested();
                var ordinal = queue.Min;
                queue.Remove(ordinal);
                var block = blocks[ordinal];
                var exit = Transfer(block, _entries[ordinal]!);
                if (_exits[ordinal] is { } previous && previous.IsSameAs(exit))
                {
                    continue;
                }

                _exits[ordinal] = exit;
                Propagate(block.FallThroughSuccessor, exit, queue);
                Propagate(block.ConditionalSuccessor, exit, queue);
            }

            _queue = null;
        }

        private SortedSet<int>? _queue;

        /// <summary>
        /// For the first block of a catch, filter or finally region: the try region it protects (the first nested
        /// region of the enclosing try/catch or try/finally region).
        /// </summary>
        private static ControlFlowRegion? ProtectedRegion(BasicBlock block)
        {
            for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                if (region.FirstBlockOrdinal != block.Ordinal)
                {
                    return null;
                }

                if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.Finally or ControlFlowRegionKind.FilterAndHandler)
                {
                    var parent = region.EnclosingRegion;
                    while (parent is not null && parent.Kind is not (ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally))
                    {
                        parent = parent.EnclosingRegion;
                    }

                    return parent is { NestedRegions: [{ Kind: ControlFlowRegionKind.Try } tryRegion, ..] } ? tryRegion : null;
                }
            }

            return null;
        }

        /// <summary>The try regions (with a handler entry) enclosing <paramref name="block"/>, innermost first.</summary>
        private List<ControlFlowRegion>? TryRegionsOf(BasicBlock block)
        {
            List<ControlFlowRegion>? regions = null;
            for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                if (region.Kind == ControlFlowRegionKind.Try && _handlerEntries.ContainsKey(region))
                {
                    (regions ??= new List<ControlFlowRegion>()).Add(region);
                }
            }

            return regions;
        }

        /// <summary>
        /// Joins a state the current block passes through into the states of its enclosing try regions, and
        /// re-queues their handlers when that changes what a handler can start from.
        /// </summary>
        private void NoteTryState(FlowState state)
        {
            if (_currentTryRegions is null || _queue is null)
            {
                return;
            }

            foreach (var region in _currentTryRegions)
            {
                bool changed;
                if (!_tryStates.TryGetValue(region, out var known))
                {
                    _tryStates[region] = state.Clone();
                    changed = true;
                }
                else
                {
                    changed = known.JoinWith(state);
                }

                if (changed)
                {
                    foreach (var handler in _handlerEntries[region])
                    {
                        _entries[handler] = _tryStates[region].Clone();
                        _queue.Add(handler);
                    }
                }
            }
        }

        /// <summary>Runs every reached block once more with its fixpoint entry state, reporting; returns the lambdas met.</summary>
        public List<IFlowAnonymousFunctionOperation> Report()
        {
            _reporting = true;
            _lambdas = new List<IFlowAnonymousFunctionOperation>();
            foreach (var parameter in OwnParameters())
            {
                if (IsTracked(parameter))
                {
                    RecordAssignment(parameter, _known.GetDeclaredScope(parameter));
                }
            }

            foreach (var block in _graph!.Blocks)
            {
                if (_entries[block.Ordinal] is { } entry)
                {
                    Transfer(block, entry);
                }
            }

            return _lambdas;
        }

        private void Propagate(ControlFlowBranch? branch, FlowState exit, SortedSet<int> queue)
        {
            if (branch?.Destination is not { } destination)
            {
                return;
            }

            var current = _entries[destination.Ordinal];
            if (current is null)
            {
                _entries[destination.Ordinal] = exit.Clone();
                queue.Add(destination.Ordinal);
            }
            else if (current.JoinWith(exit))
            {
                queue.Add(destination.Ordinal);
            }
        }

        private FlowState InitialState()
        {
            var state = new FlowState();
            foreach (var parameter in OwnParameters())
            {
                if (IsTracked(parameter))
                {
                    state.Set(parameter, _known.GetDeclaredScope(parameter));
                }
            }

            return state;
        }

        private ImmutableArray<IParameterSymbol> OwnParameters() => _function?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;

        private FlowState Transfer(BasicBlock block, FlowState entry)
        {
            var state = entry.Clone();
            _currentTryRegions = _reporting ? null : TryRegionsOf(block);
            NoteTryState(state);
            foreach (var operation in block.Operations)
            {
                Evaluate(operation, state);
            }

            var branch = Evaluate(block.BranchValue, state);
            if (_collectReturns && block.BranchValue is not null && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                _returned = _returnSeen ? ScopeValue.Join(_returned, branch) : branch;
                _returnSeen = true;
            }

            _currentTryRegions = null;
            return state;
        }
    }
}
