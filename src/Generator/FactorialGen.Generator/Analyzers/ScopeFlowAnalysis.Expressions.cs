using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FactorialGen.Generator.Analyzers;

internal sealed partial class ScopeFlowAnalysis
{
    private sealed partial class GraphRun
    {
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
    }
}
