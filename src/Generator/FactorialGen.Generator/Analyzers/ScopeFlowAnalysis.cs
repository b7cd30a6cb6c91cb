using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FactorialGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

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
/// </remarks>
internal sealed class ScopeFlowAnalysis
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

    /// <summary>The analysis of one graph: solve to a fixpoint, then report.</summary>
    private sealed class GraphRun
    {
        private readonly ScopeFlowAnalysis _analysis;
        private readonly KnownSymbols _known;
        private readonly ControlFlowGraph? _graph;
        private readonly bool _detached;
        private readonly IMethodSymbol? _function;
        private readonly Dictionary<ISymbol, ScopeValue?> _captured;
        private readonly HashSet<ISymbol> _ownLocals = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _assignedOutOfBand = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<CaptureId, (int Scope, Location Location)?> _constantCaptures = new();
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

        /// <summary>
        /// Evaluates <paramref name="operation"/> in evaluation order, applying its assignments to
        /// <paramref name="state"/>, and returns the known scope of its value (<see langword="null"/>: unknown).
        /// </summary>
        private ScopeValue? Evaluate(IOperation? operation, FlowState state)
        {
            switch (operation)
            {
                case null:
                    return null;
                case IFlowCaptureOperation capture:
                    state.Set(capture.Id, Evaluate(capture.Value, state));
                    return null;
                case IFlowCaptureReferenceOperation captureReference:
                    return state.Get(captureReference.Id);
                case ISimpleAssignmentOperation assignment:
                    return EvaluateAssignment(assignment, state);
                case ILocalReferenceOperation local:
                    return Read(local.Local, state);
                case IParameterReferenceOperation parameter:
                    return Read(parameter.Parameter, state);
                case IConversionOperation { OperatorMethod: null } conversion:
                    return Evaluate(conversion.Operand, state);
                case IAwaitOperation awaited:
                    return Evaluate(awaited.Operation, state);
                case IInvocationOperation invocation:
                    return EvaluateInvocation(invocation, state);
                case IObjectCreationOperation creation:
                    return EvaluateCreation(creation, state);
                case IPropertyReferenceOperation property:
                    return EvaluateProperty(property, state);
                case IFieldReferenceOperation field:
                    Evaluate(field.Instance, state);
                    return _known.GetDeclaredScope(field.Field) ?? _known.GetFieldValue(field.Field, _analysis.EvaluateDetached);
                case IConditionalOperation conditional:
                    // The graph lowers these into branches; kept for safety: evaluate both arms and join.
                    Evaluate(conditional.Condition, state);
                    return EvaluateEither(conditional.WhenTrue, conditional.WhenFalse, state);
                case ICoalesceOperation coalesce:
                    var value = Evaluate(coalesce.Value, state);
                    var other = state.Clone();
                    var whenNull = Evaluate(coalesce.WhenNull, other);
                    state.JoinWith(other);
                    return ScopeValue.Join(value, whenNull);
                case IFlowAnonymousFunctionOperation lambda:
                    _lambdas?.Add(lambda);
                    return null;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
                case IDefaultValueOperation { Type.IsReferenceType: true }:
                    return ScopeValue.Null;
                case IDeconstructionAssignmentOperation deconstruction:
                    EvaluateDeconstruction(deconstruction, state);
                    return null;
                case IArrayCreationOperation array:
                    foreach (var size in array.DimensionSizes)
                    {
                        Evaluate(size, state);
                    }

                    return array.Initializer is { ElementValues.Length: > 0 } initializer ? JoinAll(initializer.ElementValues, state) : null;
                case IThrowOperation thrown:
                    Evaluate(thrown.Exception, state);
                    return ScopeValue.Null; // a throw expression gives no value: the other arm decides (`x ?? throw ...`)
                case IIsPatternOperation isPattern:
                    BindPattern(isPattern.Pattern, Evaluate(isPattern.Value, state), state);
                    return null;
                default:
                    foreach (var child in operation.ChildOperations)
                    {
                        Evaluate(child, state);
                    }

                    return null;
            }
        }

        /// <summary>The join of every element's scope (an array of tokens or clients), or unknown if any is unknown.</summary>
        private ScopeValue? JoinAll(ImmutableArray<IOperation> elements, FlowState state)
        {
            ScopeValue? joined = null;
            var unknown = false;
            foreach (var element in elements)
            {
                var value = Evaluate(element, state);
                unknown |= value is null;
                joined = joined is null ? value : ScopeValue.Join(joined, value);
            }

            return unknown ? null : joined;
        }

        /// <summary><c>var (a, b) = (x, y)</c>: each variable gets its element's scope (all values first, then the writes); from anything but a tuple literal, unknown.</summary>
        private void EvaluateDeconstruction(IDeconstructionAssignmentOperation deconstruction, FlowState state)
        {
            var value = deconstruction.Value;
            while (value is IConversionOperation { OperatorMethod: null } conversion)
            {
                value = conversion.Operand;
            }

            var writes = new List<(ISymbol Variable, ScopeValue? Value)>();
            Collect(deconstruction.Target, value as ITupleOperation);
            if (value is not ITupleOperation)
            {
                Evaluate(value, state);
            }

            foreach (var (variable, scope) in writes)
            {
                Assign(variable, scope, state);
            }

            void Collect(IOperation target, ITupleOperation? source)
            {
                while (target is IDeclarationExpressionOperation declaration)
                {
                    target = declaration.Expression;
                }

                if (target is ITupleOperation tuple)
                {
                    for (var i = 0; i < tuple.Elements.Length; i++)
                    {
                        var element = source is not null && source.Elements.Length == tuple.Elements.Length ? source.Elements[i] : null;
                        while (element is IConversionOperation { OperatorMethod: null } conversion)
                        {
                            element = conversion.Operand;
                        }

                        if (element is ITupleOperation nested)
                        {
                            Collect(tuple.Elements[i], nested);
                        }
                        else
                        {
                            var scope = element is null ? null : Evaluate(element, state);
                            Collect(tuple.Elements[i], null);
                            if (AssignedVariable(Unwrap(tuple.Elements[i])) is { } variable && writes.Count > 0 &&
                                SymbolEqualityComparer.Default.Equals(writes[writes.Count - 1].Variable, variable))
                            {
                                writes[writes.Count - 1] = (variable, scope);
                            }
                        }
                    }
                }
                else if (AssignedVariable(target) is { } variable)
                {
                    writes.Add((variable, null));
                }
            }
        }

        private static IOperation Unwrap(IOperation target)
        {
            while (target is IDeclarationExpressionOperation declaration)
            {
                target = declaration.Expression;
            }

            return target;
        }

        private ScopeValue? EvaluateEither(IOperation whenTrue, IOperation? whenFalse, FlowState state)
        {
            var other = state.Clone();
            var left = Evaluate(whenTrue, state);
            var right = Evaluate(whenFalse, other);
            state.JoinWith(other);
            return whenFalse is null ? null : ScopeValue.Join(left, right);
        }

        private ScopeValue? EvaluateAssignment(ISimpleAssignmentOperation assignment, FlowState state)
        {
            if (AssignedVariable(assignment.Target) is { } variable)
            {
                var value = Evaluate(assignment.Value, state);
                if (!assignment.IsRef)
                {
                    Assign(variable, value, state);
                }

                return value;
            }

            foreach (var child in assignment.Target.ChildOperations)
            {
                Evaluate(child, state);
            }

            return Evaluate(assignment.Value, state);
        }

        /// <summary>
        /// The local or parameter an assignment target writes: the variable itself, or a flow capture the graph made of
        /// it (the target of <c>x = a ?? b</c>, <c>x ??= a</c>, <c>x = c ? a : b</c>, a switch expression, ...).
        /// </summary>
        private ISymbol? AssignedVariable(IOperation target) => target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFlowCaptureReferenceOperation capture when _captureAliases.TryGetValue(capture.Id, out var alias) => alias,
            _ => null,
        };

        /// <summary>Applies a write of <paramref name="value"/> to a variable this graph follows.</summary>
        private void Assign(ISymbol variable, ScopeValue? value, FlowState state)
        {
            if (IsTracked(variable) && IsOwn(variable))
            {
                state.Set(variable, value);
                RecordAssignment(variable, value);
                NoteTryState(state);
            }
        }

        /// <summary>
        /// Gives the locals a pattern declares the scope of the value they match: the input itself for a type,
        /// <c>var</c> or <c>{ }</c> pattern, a member's scope for a property sub-pattern.
        /// </summary>
        private void BindPattern(IPatternOperation pattern, ScopeValue? input, FlowState state)
        {
            switch (pattern)
            {
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local }:
                    Assign(local, input, state);
                    break;
                case IRecursivePatternOperation recursive:
                    if (recursive.DeclaredSymbol is ILocalSymbol declared)
                    {
                        Assign(declared, input, state);
                    }

                    foreach (var sub in recursive.PropertySubpatterns)
                    {
                        BindPattern(sub.Pattern, MemberValue(sub.Member, input), state);
                    }

                    foreach (var sub in recursive.DeconstructionSubpatterns)
                    {
                        BindPattern(sub, null, state);
                    }

                    break;
                case INegatedPatternOperation negated:
                    BindPattern(negated.Pattern, input, state); // `is not T t`: t is assigned where the inner pattern matched
                    break;
                case IBinaryPatternOperation binary:
                    BindPattern(binary.LeftPattern, input, state);
                    BindPattern(binary.RightPattern, input, state);
                    break;
                default:
                    foreach (var child in pattern.ChildOperations)
                    {
                        if (child is IPatternOperation nested)
                        {
                            BindPattern(nested, null, state);
                        }
                    }

                    break;
            }
        }

        /// <summary>The scope of a member matched by a property sub-pattern, given the scope of the matched value.</summary>
        private ScopeValue? MemberValue(IOperation member, ScopeValue? input) => member switch
        {
            IPropertyReferenceOperation { Property: var property } => PropertyValue(property, input, hasInstance: true),
            IFieldReferenceOperation { Field: var field } => _known.GetDeclaredScope(field),
            _ => null,
        };

        private ScopeValue? Read(ISymbol variable, FlowState state)
        {
            if (variable is IParameterSymbol parameter && !IsOwn(parameter) && !_captured.ContainsKey(parameter) &&
                _known.GetPrimaryConstructorParameterScope(parameter) is { } primary)
            {
                return primary; // a primary-constructor parameter that nothing assigns, read in a member or initializer
            }

            if (_detached)
            {
                return variable is IParameterSymbol unassigned ? DetachedParameter(unassigned) : null;
            }

            if (!IsTracked(variable))
            {
                return null;
            }

            if (IsOwn(variable))
            {
                return state.Get(variable);
            }

            return _captured.TryGetValue(variable, out var value) ? value : null;
        }

        private ScopeValue? EvaluateInvocation(IInvocationOperation invocation, FlowState state)
        {
            var instance = Evaluate(invocation.Instance, state);
            var arguments = EvaluateArguments(invocation.Arguments, state);
            var method = invocation.TargetMethod;

            if (_reporting && instance is not null && invocation.Instance is not null && _known.GetOperation(method) is { } operation &&
                instance.Scopes.AllLack(operation.RequiredScope))
            {
                var location = invocation.Syntax.GetLocation();
                _analysis.Report(Diagnostic.Create(
                    Descriptors.FG0001_ScopeMissingForOperation,
                    location,
                    AdditionalLocations(instance),
                    Properties(operation.RequiredScope, instance),
                    $"{method.ContainingType.Name}.{method.Name}",
                    ScopeDiagnosticContract.ScopeName(operation.RequiredScope),
                    instance.Scopes.Describe(" or "),
                    DescribeOrigins(instance, location)));
            }

            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                if (invocation.Arguments[i] is { Parameter: { RefKind: RefKind.Out } parameter } outArgument &&
                    AssignedVariable(Unwrap(outArgument.Value)) is { } variable)
                {
                    Assign(variable, _known.GetDeclaredScope(parameter), state); // out: the declared scope of what the method writes
                }
            }

            var type = method.ContainingType;
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                return LocalFunctionReturn(method);
            }

            if (KnownSymbols.Is(type, _known.TokenSource))
            {
                // A token source hands out (and refreshes) the token it was made with: same grant, same scope.
                return method.Name is "GetTokenAsync" or "RefreshAsync" or "RefreshAfterRejectionAsync" ? instance : null;
            }

            if (_known.IsTokenTask(type) && method.Name is "ConfigureAwait" or "WaitAsync" or "AsTask" or "GetAwaiter")
            {
                return instance; // await wrappers keep the task's token
            }

            if (IsAwaiterStep(method))
            {
                return instance; // task.GetAwaiter().GetResult(), task.ConfigureAwait(false).GetAwaiter().GetResult()
            }

            if (method.Name == "GetEnumerator" && method.Parameters.IsEmpty)
            {
                return instance; // foreach over an array of tokens of known scope: the enumerator yields that scope
            }

            if (KnownSymbols.Is(type, _known.Token))
            {
                return method.Name == "FromAccessToken" ? ConstantScope(invocation, invocation.Arguments, "FactorialToken.FromAccessToken") : null;
            }

            if (KnownSymbols.Is(type, _known.OAuth))
            {
                return method.Name switch
                {
                    "Authorize" => ConstantScope(invocation, invocation.Arguments, "FactorialOAuth.Authorize"),
                    "ObtainAccessTokenAsync" => ArgumentOfType(invocation.Arguments, arguments, _known.AuthorizationRequest),
                    "RefreshAccessTokenAsync" => ArgumentOfType(invocation.Arguments, arguments, _known.Token),
                    _ => null,
                };
            }

            if (KnownSymbols.Is(type, _known.ConsoleAuthorization) && method.Name == "AuthorizeFromConsoleAsync")
            {
                return ConstantScope(invocation, invocation.Arguments, "FactorialConsoleAuthorization.AuthorizeFromConsoleAsync");
            }

            return _known.GetDeclaredReturnScope(method);
        }

        /// <summary><c>GetAwaiter</c> of a configured token task, or <c>GetResult</c> of an awaiter that yields a token.</summary>
        private bool IsAwaiterStep(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type.ContainingNamespace?.ToDisplayString() != "System.Runtime.CompilerServices")
            {
                return false;
            }

            return method.Name switch
            {
                "GetResult" => KnownSymbols.Is(method.ReturnType, _known.Token),
                "GetAwaiter" => type is { IsGenericType: true, TypeArguments: [var awaited] } && KnownSymbols.Is(awaited, _known.Token),
                _ => false,
            };
        }

        private ScopeValue? EvaluateCreation(IObjectCreationOperation creation, FlowState state)
        {
            var arguments = EvaluateArguments(creation.Arguments, state);
            Evaluate(creation.Initializer, state);
            if (creation.Type is not INamedTypeSymbol type || creation.Constructor is not { } constructor)
            {
                return null;
            }

            if (KnownSymbols.Is(type, _known.Token))
            {
                return ConstantScope(creation, creation.Arguments, "new FactorialToken");
            }

            if (KnownSymbols.Is(type, _known.TokenSource))
            {
                return ArgumentOfType(creation.Arguments, arguments, _known.Token);
            }

            if (KnownSymbols.Is(type, _known.Connection))
            {
                return Credential(creation.Arguments, arguments);
            }

            if (_known.GetClient(type) is not { IsRoot: true } client || !IsGeneratedConstructorShape(constructor))
            {
                return null;
            }

            var value = Credential(creation.Arguments, arguments);
            if (_reporting && value is not null && value.Scopes.AllLack(client.DeclaredScope) &&
                ScopeDiagnosticContract.ScopeName(client.DeclaredScope) is { } declared &&
                CredentialArgument(creation.Arguments) is { } argument)
            {
                var location = argument.Value.Syntax.GetLocation();
                _analysis.Report(Diagnostic.Create(
                    Descriptors.FG0002_TokenScopeDoesNotCoverClient,
                    location,
                    AdditionalLocations(value),
                    Properties(client.DeclaredScope, value),
                    type.Name,
                    declared,
                    value.Scopes.Describe(" or "),
                    DescribeOrigins(value, location)));
            }

            return value;
        }

        private ScopeValue? EvaluateProperty(IPropertyReferenceOperation reference, FlowState state)
        {
            var instance = Evaluate(reference.Instance, state);
            EvaluateArguments(reference.Arguments, state);
            return PropertyValue(reference.Property, instance, reference.Instance is not null);
        }

        private ScopeValue? PropertyValue(IPropertySymbol property, ScopeValue? instance, bool hasInstance)
        {
            if (_known.GetDeclaredScope(property) is { } declared)
            {
                return declared;
            }

            if (property.Name == "Result" && _known.IsTokenTask(property.ContainingType))
            {
                return instance;
            }

            if (property.Name == "Current" && hasInstance &&
                (KnownSymbols.Is(property.ContainingType, _known.TokenSource) || property.ContainingType.Name.StartsWith("IEnumerator", StringComparison.Ordinal) ||
                 property.ContainingType.Name == "Enumerator"))
            {
                return instance; // a token source's current token; an enumerator's element (an array of one known scope)
            }

            // A generated client's get-only group properties (hr.Employees.Employees: groups nested in the same client)
            // and its Connection share the client's token.
            if (!hasInstance || property.SetMethod is not null || _known.GetClient(property.ContainingType) is not { } owner)
            {
                return null;
            }

            if (owner.IsRoot && property.Name == "Connection" && KnownSymbols.Is(property.Type, _known.Connection))
            {
                return instance;
            }

            return property.Type is INamedTypeSymbol propertyType && _known.GetClient(propertyType) is { IsRoot: false } group &&
                SymbolEqualityComparer.Default.Equals(group.Client, owner.Client)
                ? instance
                : null;
        }

        private ScopeValue?[] EvaluateArguments(ImmutableArray<IArgumentOperation> arguments, FlowState state)
        {
            var values = new ScopeValue?[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                values[i] = Evaluate(arguments[i].Value, state);
            }

            return values;
        }

        /// <summary>The token credential of a connection or client constructor: a token, connection or token source keeps its scope; an API key covers ReadWrite.</summary>
        private ScopeValue? Credential(ImmutableArray<IArgumentOperation> arguments, ScopeValue?[] values)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                var parameterType = arguments[i].Parameter?.Type;
                if (KnownSymbols.Is(parameterType, _known.ApiKey))
                {
                    return ScopeValue.From(new Origin(OriginKind.ApiKey, 3, arguments[i].Value.Syntax.GetLocation(), "FactorialApiKey"));
                }

                if (KnownSymbols.Is(parameterType, _known.Token) || KnownSymbols.Is(parameterType, _known.Connection) ||
                    KnownSymbols.Is(parameterType, _known.TokenSource))
                {
                    return values[i];
                }
            }

            return null;
        }

        private IArgumentOperation? CredentialArgument(ImmutableArray<IArgumentOperation> arguments) =>
            arguments.FirstOrDefault(a => a.ArgumentKind == ArgumentKind.Explicit &&
                (KnownSymbols.Is(a.Parameter?.Type, _known.Token) || KnownSymbols.Is(a.Parameter?.Type, _known.Connection)));

        /// <summary>
        /// Whether a client constructor has the generated shape: one credential (token, API key, HttpClient or
        /// connection) plus optional token store and options. A hand-written constructor with other parameters may
        /// ignore its token, so it is not trusted.
        /// </summary>
        private bool IsGeneratedConstructorShape(IMethodSymbol constructor)
        {
            var credentials = 0;
            foreach (var parameter in constructor.Parameters)
            {
                var type = parameter.Type;
                if (KnownSymbols.Is(type, _known.Token) || KnownSymbols.Is(type, _known.Connection) ||
                    KnownSymbols.Is(type, _known.ApiKey) || KnownSymbols.Is(type, _known.HttpClient))
                {
                    credentials++;
                }
                else if (!KnownSymbols.Is(type, _known.TokenStore) && !KnownSymbols.Is(type, _known.ClientOptions))
                {
                    return false;
                }
            }

            return credentials == 1;
        }

        private static ScopeValue? ArgumentOfType(ImmutableArray<IArgumentOperation> arguments, ScopeValue?[] values, INamedTypeSymbol? type)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                if (KnownSymbols.Is(arguments[i].Parameter?.Type, type))
                {
                    return values[i];
                }
            }

            return null;
        }

        /// <summary>The constant passed for the call's <c>FactorialScope</c> parameter (an omitted optional argument counts).</summary>
        private ScopeValue? ConstantScope(IOperation call, ImmutableArray<IArgumentOperation> arguments, string subject)
        {
            foreach (var argument in arguments)
            {
                if (!_known.IsScope(argument.Parameter?.Type))
                {
                    continue;
                }

                var value = argument.Value;
                while (value is IConversionOperation { OperatorMethod: null } conversion && !value.ConstantValue.HasValue)
                {
                    value = conversion.Operand;
                }

                if (value is IFieldReferenceOperation field && _known.GetFieldScopeConstant(field.Field, $"{subject} through field '{field.Field.Name}'") is { } fromField)
                {
                    return ScopeValue.From(fromField);
                }

                if (value.ConstantValue is { HasValue: true, Value: int scope })
                {
                    return argument.ArgumentKind == ArgumentKind.DefaultValue
                        ? ScopeValue.From(new Origin(OriginKind.DefaultArgument, scope, call.Syntax.GetLocation(), subject))
                        : ScopeValue.From(new Origin(OriginKind.ConstantArgument, scope, value.Syntax.GetLocation(), subject));
                }

                if (value is IFlowCaptureReferenceOperation reference &&
                    _constantCaptures.TryGetValue(reference.Id, out var captured) && captured is { } constant)
                {
                    return ScopeValue.From(new Origin(OriginKind.ConstantArgument, constant.Scope, constant.Location, subject));
                }

                return null;
            }

            return null;
        }

        /// <summary>
        /// The join of every value a local function of this graph returns (its graph solved once, without reports);
        /// unknown while it is being computed (recursion) and outside a graph.
        /// </summary>
        private ScopeValue? LocalFunctionReturn(IMethodSymbol localFunction)
        {
            var returns = _analysis._localFunctionReturns;
            if (_graph is null)
            {
                return null;
            }

            if (returns.TryGetValue(localFunction, out var known))
            {
                return known;
            }

            returns[localFunction] = null;
            if (_graph.GetLocalFunctionControlFlowGraphInScope(localFunction, _analysis._cancellationToken) is not { } graph)
            {
                return null;
            }

            var run = new GraphRun(_analysis, graph, localFunction, NoCapturedValues) { _collectReturns = true };
            run.Solve();
            var value = run._returned;
            returns[localFunction] = value;
            return value;
        }

        /// <summary>A parameter read outside flow: its declared scope, when its method never assigns it.</summary>
        private ScopeValue? DetachedParameter(IParameterSymbol parameter)
        {
            if (_known.GetDeclaredScope(parameter) is not { } declared || parameter.ContainingSymbol.DeclaringSyntaxReferences is not [var method])
            {
                return null;
            }

            var writes = KnownSymbols.Writes(method.GetSyntax(), parameter.Name);
            return writes.Other || writes.Values.Count > 0 ? null : declared;
        }

        /// <summary>Remembers a capture that always holds the same scope constant (an argument spilled by the graph).</summary>
        private void RecordConstantCapture(IFlowCaptureOperation capture)
        {
            (int, Location)? constant = capture.Value.ConstantValue is { HasValue: true, Value: int scope } && _known.IsScope(capture.Value.Type)
                ? (scope, capture.Value.Syntax.GetLocation())
                : null;
            if (_constantCaptures.TryGetValue(capture.Id, out var existing) && !Equals(existing, constant))
            {
                constant = null;
            }

            _constantCaptures[capture.Id] = constant;
        }

        private void RecordAssignment(ISymbol variable, ScopeValue? value)
        {
            if (!_reporting)
            {
                return;
            }

            AssignedValues[variable] = AssignedValues.TryGetValue(variable, out var previous) ? ScopeValue.Join(previous, value) : value;
        }

        private bool IsTracked(ISymbol variable) => _analysis._tracked.Contains(variable) && !_assignedOutOfBand.Contains(variable);

        private bool IsOwn(ISymbol variable) => variable is IParameterSymbol parameter
            ? SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _function)
            : _ownLocals.Contains(variable);

        private void CollectLocals(ControlFlowRegion region)
        {
            foreach (var local in region.Locals)
            {
                _ownLocals.Add(local);
            }

            foreach (var nested in region.NestedRegions)
            {
                CollectLocals(nested);
            }
        }

        /// <summary>
        /// One pass before solving: variables assigned in a finally or filter region (their writes run on paths the
        /// graph does not show as edges, so they are unknown in this graph), and captures of scope constants.
        /// </summary>
        private void CollectOutOfBandWritesAndConstantCaptures()
        {
            var outOfBandCaptures = new List<CaptureId>();
            foreach (var block in _graph!.Blocks)
            {
                var outOfBand = false;
                for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
                {
                    if (region.Kind is ControlFlowRegionKind.Finally or ControlFlowRegionKind.Filter)
                    {
                        outOfBand = true;
                        break;
                    }
                }

                var operations = block.BranchValue is null ? block.Operations : block.Operations.Add(block.BranchValue);
                foreach (var operation in operations)
                {
                    foreach (var descendant in operation.DescendantsAndSelf())
                    {
                        switch (descendant)
                        {
                            case IFlowCaptureOperation capture:
                                RecordConstantCapture(capture);
                                RecordAlias(capture);
                                break;
                            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } when outOfBand:
                                _assignedOutOfBand.Add(local.Local);
                                break;
                            case ISimpleAssignmentOperation { Target: IParameterReferenceOperation parameter } when outOfBand:
                                _assignedOutOfBand.Add(parameter.Parameter);
                                break;
                            case ISimpleAssignmentOperation { Target: IFlowCaptureReferenceOperation target } when outOfBand:
                                outOfBandCaptures.Add(target.Id);
                                break;
                        }
                    }
                }
            }

            foreach (var capture in outOfBandCaptures)
            {
                if (_captureAliases.TryGetValue(capture, out var variable) && variable is not null)
                {
                    _assignedOutOfBand.Add(variable);
                }
            }
        }

        /// <summary>Remembers a capture of a local or parameter itself (the graph's stand-in for an assignment target).</summary>
        private void RecordAlias(IFlowCaptureOperation capture)
        {
            ISymbol? variable = capture.Value switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (_captureAliases.TryGetValue(capture.Id, out var existing) && !SymbolEqualityComparer.Default.Equals(existing, variable))
            {
                variable = null;
            }

            _captureAliases[capture.Id] = variable;
        }

        private static IEnumerable<Location> AdditionalLocations(ScopeValue value) =>
            value.Origins.Where(o => o.Location.IsInSource).Select(o => o.Location);

        private static ImmutableDictionary<string, string?> Properties(int required, ScopeValue value) =>
            ImmutableDictionary<string, string?>.Empty
                .Add(ScopeDiagnosticContract.RequiredScopeProperty, ScopeDiagnosticContract.ScopeName(required))
                .Add(ScopeDiagnosticContract.KnownScopesProperty, value.Scopes.Describe(","));

        private static string DescribeOrigins(ScopeValue value, Location reportedAt) =>
            string.Join(" and ", value.Origins.Select(o => o.Describe(reportedAt)));
    }
}
