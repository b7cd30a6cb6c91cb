using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FactorialGen.Generator.Analyzers;

internal sealed partial class ScopeFlowAnalysis
{
    private sealed partial class GraphRun
    {
        private ScopeValue? EvaluateInvocation(IInvocationOperation invocation, FlowState state)
        {
            var instance = Evaluate(invocation.Instance, state);
            var arguments = EvaluateArguments(invocation.Arguments, state);
            var method = invocation.TargetMethod;

            if (_reporting && instance is not null && invocation.Instance is not null && _known.GetOperation(method) is { } operation)
            {
                ReportOperationCall(invocation, operation, instance);
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
                return method.Name == "FromAccessToken" ? ConstantToken(invocation, invocation.Arguments, "FactorialToken.FromAccessToken") : null;
            }

            if (KnownSymbols.Is(type, _known.OAuth))
            {
                return method.Name switch
                {
                    "Authorize" => ConstantToken(invocation, invocation.Arguments, "FactorialOAuth.Authorize"),
                    "ObtainAccessTokenAsync" => ArgumentOfType(invocation.Arguments, arguments, _known.AuthorizationRequest),
                    "RefreshAccessTokenAsync" => ArgumentOfType(invocation.Arguments, arguments, _known.Token),
                    _ => null,
                };
            }

            if (KnownSymbols.Is(type, _known.ConsoleAuthorization) && method.Name == "AuthorizeFromConsoleAsync")
            {
                return ConstantToken(invocation, invocation.Arguments, "FactorialConsoleAuthorization.AuthorizeFromConsoleAsync");
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
                    return ScopeValue.From(new Origin(OriginKind.ConstantArgument, (int)constant.Value, constant.Location, subject));
                }

                return null;
            }

            return null;
        }

        /// <summary>
        /// The token a call makes from a constant <c>FactorialScope</c> and a constant <c>FactorialResourceScopes</c>
        /// argument: each part is known when its argument is constant (a resource mask of <c>None</c> stays unknown).
        /// </summary>
        private ScopeValue? ConstantToken(IOperation call, ImmutableArray<IArgumentOperation> arguments, string subject) =>
            ScopeValue.From(ConstantScope(call, arguments, subject), ConstantResources(arguments, subject));

        /// <summary>The constant passed for the call's <c>FactorialResourceScopes</c> parameter, as an origin, or <see langword="null"/>.</summary>
        private Origin? ConstantResources(ImmutableArray<IArgumentOperation> arguments, string subject)
        {
            foreach (var argument in arguments)
            {
                if (!_known.IsResources(argument.Parameter?.Type) || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                var value = argument.Value;
                while (value is IConversionOperation { OperatorMethod: null } conversion && !value.ConstantValue.HasValue)
                {
                    value = conversion.Operand;
                }

                if (value is IFieldReferenceOperation field && _known.GetFieldScopeConstant(field.Field, $"{subject} through field '{field.Field.Name}'") is { Resources: not 0 } fromField)
                {
                    return fromField;
                }

                if (value.ConstantValue is { HasValue: true, Value: long resources })
                {
                    return Origin.ForResources(OriginKind.ConstantArgument, resources, value.Syntax.GetLocation(), subject);
                }

                if (value is IFlowCaptureReferenceOperation reference &&
                    _constantCaptures.TryGetValue(reference.Id, out var captured) && captured is { } constant)
                {
                    return Origin.ForResources(OriginKind.ConstantArgument, constant.Value, constant.Location, subject);
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
    }
}
