using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// Decides which locals and parameters the flow analysis may follow. A variable is tracked only when every write to
/// it is a plain assignment (or declaration initializer) that the control flow graph shows, made by the function that
/// declares it (<c>??=</c>, <c>out</c> arguments, deconstruction into variables, and locals declared by a type, <c>var</c>
/// or recursive pattern or by <c>foreach</c> count as such writes; a collection of tokens or clients must be used
/// only whole, as a <c>foreach</c> collection or an assignment target). Anything else — <c>ref</c> arguments, ref
/// locals and ref conditionals, <c>catch</c> variables, compound assignments, writes from a lambda or local
/// function — makes it untracked,
/// and an untracked variable is always "unknown". That keeps the analysis free of false positives from writes it
/// cannot see.
/// </summary>
internal static class TrackedVariables
{
    /// <summary>
    /// Collects the tracked variables of a member (lambdas and local functions included), tells whether the member
    /// contains any source of a known scope (without one nothing can be known, so no flow graph is needed), and which
    /// lambdas and local functions contain a call or creation that may be reported (the others need no graph).
    /// </summary>
    public static HashSet<ISymbol> Collect(
        ImmutableArray<IOperation> blocks, KnownSymbols known, out bool hasScopeSource, out HashSet<IMethodSymbol> functionsToAnalyze)
    {
        var candidates = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var rejected = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        functionsToAnalyze = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        hasScopeSource = false;
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                hasScopeSource = hasScopeSource || known.IsScopeSource(operation);
                if (known.IsCandidate(operation))
                {
                    for (var function = EnclosingFunction(operation); function is not null; function = EnclosingFunction(function.Operation))
                    {
                        if (!functionsToAnalyze.Add(function.Symbol))
                        {
                            break; // this function and the ones around it are already marked
                        }
                    }
                }

                switch (operation)
                {
                    case IVariableDeclaratorOperation { Symbol: { IsRef: false } local, Parent: IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation } }:
                        candidates.Add(local);
                        break;
                    case IVariableDeclaratorOperation { Symbol: { IsRef: false } local, Parent: IForEachLoopOperation { IsAsynchronous: false } }:
                        candidates.Add(local); // the loop variable: the graph assigns it from the enumerator's Current
                        break;
                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol { IsRef: false } local }:
                        candidates.Add(local);
                        break;
                    case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol { IsRef: false } local }:
                        candidates.Add(local);
                        break;
                    case ILocalReferenceOperation reference:
                        if (!IsPlainUse(reference, reference.Local) ||
                            (known.IsElementCollection(reference.Local.Type) && !IsCollectionUse(reference)))
                        {
                            rejected.Add(reference.Local);
                        }
                        else if (reference.IsDeclaration && !reference.Local.IsRef)
                        {
                            candidates.Add(reference.Local); // `out var t`, `var (a, b) = ...`
                        }

                        break;
                    case IParameterReferenceOperation reference:
                        if (reference.Parameter.RefKind == RefKind.None && IsPlainUse(reference, reference.Parameter))
                        {
                            candidates.Add(reference.Parameter);
                        }
                        else
                        {
                            rejected.Add(reference.Parameter);
                        }

                        break;
                }
            }
        }

        candidates.ExceptWith(rejected);
        return candidates;
    }

    /// <summary>A read, or a plain assignment by the declaring function.</summary>
    private static bool IsPlainUse(IOperation reference, ISymbol variable)
    {
        switch (reference.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                return !assignment.IsRef && IsDeclaredBy(variable, EnclosingFunction(reference)?.Symbol);
            case ISimpleAssignmentOperation { IsRef: true }:
                return false; // the variable becomes the target of a ref local
            case ICoalesceAssignmentOperation assignment when assignment.Target == reference:
                return IsDeclaredBy(variable, EnclosingFunction(reference)?.Symbol); // the graph lowers ??= into a test and a plain write
            case IAssignmentOperation assignment when assignment.Target == reference:
                return false; // compound (+=) and deconstruction assignments
            case IConditionalOperation { IsRef: true }:
                return false; // (flag ? ref a : ref b) = token; writes through a reference the graph captures
            case IIncrementOrDecrementOperation:
            case IAddressOfOperation:
                return false;
            case ITupleOperation or IDeclarationExpressionOperation when DeconstructionTarget(reference) is { } target:
                return target is IDeconstructionAssignmentOperation && IsDeclaredBy(variable, EnclosingFunction(reference)?.Symbol);
            case ITupleOperation:
                return true; // a read inside a tuple literal
            case IDeclarationExpressionOperation { Parent: IArgumentOperation { Parameter.RefKind: RefKind.Out } }:
                return IsDeclaredBy(variable, EnclosingFunction(reference)?.Symbol); // out var t
            case IDeclarationExpressionOperation:
                return false;
            case IArgumentOperation { Parameter.RefKind: RefKind.Out }:
                return IsDeclaredBy(variable, EnclosingFunction(reference)?.Symbol); // a plain write the flow analysis applies after the call
            case IArgumentOperation argument:
                return argument.Parameter is null || argument.Parameter.RefKind is RefKind.None or RefKind.In;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.IsRef: true } }:
                return false; // ref var alias = ref variable;
            case IReturnOperation:
                return !ReturnsByRef(EnclosingFunction(reference)?.Symbol);
            default:
                return true;
        }
    }

    /// <summary>
    /// For a variable inside the target of a deconstruction (<c>var (a, b) = ...</c>, <c>(a, b) = ...</c>) or a
    /// deconstructing <c>foreach</c>: that assignment or loop; otherwise <see langword="null"/>.
    /// </summary>
    private static IOperation? DeconstructionTarget(IOperation reference)
    {
        var current = reference;
        while (current.Parent is ITupleOperation or IDeclarationExpressionOperation)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            IDeconstructionAssignmentOperation assignment when assignment.Target == current => assignment,
            IForEachLoopOperation loop when loop.LoopControlVariable == current => loop,
            _ => null,
        };
    }

    /// <summary>
    /// A collection of tokens or clients is followed only while nothing can change its elements: every use is a
    /// plain assignment of the whole collection or the collection of a <c>foreach</c>.
    /// </summary>
    private static bool IsCollectionUse(ILocalReferenceOperation reference)
    {
        IOperation current = reference;
        while (current.Parent is IConversionOperation conversion)
        {
            current = conversion;
        }

        return current.Parent switch
        {
            ISimpleAssignmentOperation assignment => assignment.Target == current && !assignment.IsRef,
            IForEachLoopOperation loop => loop.Collection == current,
            _ => false,
        };
    }

    /// <summary>The lambda or local function containing <paramref name="operation"/>, or <see langword="null"/> for the member itself.</summary>
    private static NestedFunction? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return new NestedFunction(lambda, lambda.Symbol);
                case ILocalFunctionOperation localFunction:
                    return new NestedFunction(localFunction, localFunction.Symbol);
            }
        }

        return null;
    }

    private sealed class NestedFunction
    {
        public NestedFunction(IOperation operation, IMethodSymbol symbol)
        {
            Operation = operation;
            Symbol = symbol;
        }

        public IOperation Operation { get; }

        public IMethodSymbol Symbol { get; }
    }

    private static bool IsDeclaredBy(ISymbol variable, IMethodSymbol? function)
    {
        var container = variable.ContainingSymbol;
        if (function is null)
        {
            return container is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction };
        }

        return SymbolEqualityComparer.Default.Equals(container, function);
    }

    private static bool ReturnsByRef(IMethodSymbol? function) => function is { ReturnsByRef: true } or { ReturnsByRefReadonly: true };
}
