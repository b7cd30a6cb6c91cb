using Microsoft.CodeAnalysis;

namespace FactorialGen.Analyzers.Tests;

/// <summary>
/// The analyzer's registrations: with the runtime referenced it analyzes per member; without it (no
/// <c>FactorialClientAttribute</c>/<c>FactorialOperationAttribute</c>) it registers nothing past compilation start.
/// Counted with the compiler's analyzer telemetry, which reports how many actions of each kind were registered.
/// The per-member operation actions are registered only inside the operation-block-start action, so zero block-start
/// actions means no operation action can run either.
/// </summary>
public sealed class ScopeAnalyzerRegistrationTests
{
    private const string PlainSource = /* lang=c#-test */ """
        using System.Threading.Tasks;

        class Job
        {
            Task RunAsync(string value) => Task.FromResult(value.Length);
        }
        """;

    private const string ClientSource = /* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            Task RunAsync(string access, TerminateRequest body) =>
                new HrAdmin(FactorialToken.FromAccessToken(access, FactorialScope.Read)).Employees.Employees.TerminateAsync(body);
        }
        """;

    [Fact]
    public async Task WithoutRuntime_RegistersNoOperationActions_DoesNotTrigger()
    {
        var (diagnostics, telemetry) = await AnalyzerRunner.RunAsync(PlainSource, withRuntime: false);

        Assert.Empty(diagnostics);
        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(0, telemetry.OperationBlockStartActionsCount);
        Assert.Equal(0, telemetry.OperationBlockEndActionsCount);
        Assert.Equal(0, telemetry.OperationActionsCount);
        Assert.Equal(0, telemetry.SyntaxNodeActionsCount);
        Assert.Equal(0, telemetry.SymbolActionsCount);
    }

    [Fact]
    public async Task WithRuntime_RegistersOperationBlockActions_Triggers()
    {
        var (diagnostics, telemetry) = await AnalyzerRunner.RunAsync(ClientSource);

        Assert.Contains(diagnostics, d => d.Id == "FG0001");
        Assert.Contains(diagnostics, d => d.Id == "FG0002");
        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(1, telemetry.OperationBlockStartActionsCount);
    }

    [Fact]
    public async Task InTheModelsCompilation_RegistersNoOperationActions_DoesNotTrigger()
    {
        // The package's models compilation (FactorialGenModelsAssembly) sets this global option: it holds generated
        // models only, so the analyzer must not pay for a pass over thousands of generated members.
        var (diagnostics, telemetry) = await AnalyzerRunner.RunAsync(ClientSource, globalConfig: "is_global = true\nbuild_property.FactorialGenModelsOnly = true\n");

        Assert.Empty(diagnostics);
        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(0, telemetry.OperationBlockStartActionsCount);
        Assert.Equal(0, telemetry.OperationActionsCount);
    }
}
