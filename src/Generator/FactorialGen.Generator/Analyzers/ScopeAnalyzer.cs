using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FactorialGen.Generator.Diagnostics;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// Reports scope mistakes where a token's scope is statically known: FG0001 at a generated operation call whose
/// client's token lacks the scope the operation needs, FG0002 at a client constructor argument whose token does not
/// cover the client's declared scope; FG0004 and FG0005 the same for Factorial's resource scopes (an operation's
/// <c>RequiredResource</c>, a client's <c>Resources</c>), tracked in the same flow values; FG0003 at a member the
/// client's declaration left out. Reads the runtime's attributes (the metadata contract), and the project's selection
/// of a client's document (the FactorialSpec item's metadata, through the generator's own <see cref="SpecSelection"/>),
/// so a client has the resource scopes the generator gives it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScopeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.FG0001_ScopeMissingForOperation,
        Descriptors.FG0002_TokenScopeDoesNotCoverClient,
        Descriptors.FG0003_OperationOmittedByClientScope,
        Descriptors.FG0004_ResourceScopeMissingForOperation,
        Descriptors.FG0005_TokenResourcesDoNotCoverClient);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (ModelsAssembly.IsModelsOnly(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions))
            {
                return; // The package's models compilation holds generated models only: no call to check, no work at all.
            }

            // With the project's selection of each document (FactorialSpec item metadata), read once here as the generator reads it.
            var known = KnownSymbols.Create(start.Compilation, start.Options);
            if (known is null)
            {
                return; // The runtime is not referenced: nothing to check, so no per-method work at all.
            }

            var omitted = start.Compilation.GetTypeByMetadataName(KnownNames.FactorialOmittedOperationAttribute);
            start.RegisterOperationBlockStartAction(block =>
            {
                // Cheap pre-filter: only members that call a generated operation or create a client get a flow graph.
                var candidate = new CandidateFlag();
                block.RegisterOperationAction(
                    operation =>
                    {
                        if (!candidate.IsSet && known.IsCandidate(operation.Operation))
                        {
                            candidate.Set();
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation);
                if (omitted is not null)
                {
                    // FG0003: only code that does not bind (CS1061) has invalid operations. Registered per member, like
                    // the pre-filter above, so it adds no pass of its own over the compilation.
                    block.RegisterOperationAction(operation => OmittedOperationAnalysis.Analyze(operation, known, omitted), OperationKind.Invalid);
                }

                block.RegisterOperationBlockEndAction(end =>
                {
                    if (candidate.IsSet)
                    {
                        AnalyzeBlocks(end, known);
                    }
                });
            });
        });
    }

    private static void AnalyzeBlocks(OperationBlockAnalysisContext context, KnownSymbols known)
    {
        var tracked = TrackedVariables.Collect(context.OperationBlocks, known, out var hasScopeSource, out var functionsToAnalyze);
        if (!hasScopeSource)
        {
            return; // no constant or declared scope anywhere in the member: every token is unknown
        }

        var analysis = new ScopeFlowAnalysis(known, tracked, functionsToAnalyze, context.ReportDiagnostic, context.CancellationToken);
        var analyzedRoots = new HashSet<IOperation>();
        foreach (var block in context.OperationBlocks)
        {
            // C# hands out a method's body block (whose parent is the method body operation); the graph is built
            // for the root, once, and cached by the context.
            var root = Root(block);
            if (HasControlFlowGraph(root) && analyzedRoots.Add(root))
            {
                analysis.Analyze(context.GetControlFlowGraph(block), context.OwningSymbol as IMethodSymbol);
            }
        }
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    private static bool HasControlFlowGraph(IOperation block) => block.Kind is
        OperationKind.Block or OperationKind.MethodBody or OperationKind.ConstructorBody or
        OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;

    /// <summary>Set by operation actions (which may run concurrently), read at block end.</summary>
    private sealed class CandidateFlag
    {
        private int _value;

        public bool IsSet => Volatile.Read(ref _value) != 0;

        public void Set() => Interlocked.Exchange(ref _value, 1);
    }
}
