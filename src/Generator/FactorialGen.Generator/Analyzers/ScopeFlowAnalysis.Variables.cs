using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FactorialGen.Generator.Analyzers;

internal sealed partial class ScopeFlowAnalysis
{
    private sealed partial class GraphRun
    {
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

        /// <summary>Remembers a capture that always holds the same scope or resource-scope constant (an argument spilled by the graph).</summary>
        private void RecordConstantCapture(IFlowCaptureOperation capture)
        {
            (long, Location)? constant = capture.Value.ConstantValue switch
            {
                { HasValue: true, Value: int scope } when _known.IsScope(capture.Value.Type) => (scope, capture.Value.Syntax.GetLocation()),
                { HasValue: true, Value: long resources } when _known.IsResources(capture.Value.Type) => (resources, capture.Value.Syntax.GetLocation()),
                _ => null,
            };
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
    }
}
