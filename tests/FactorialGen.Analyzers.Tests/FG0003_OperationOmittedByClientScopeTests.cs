using FactorialGen.CodeFixes;
using FactorialGen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static FactorialGen.Analyzers.Tests.Sources;
using Verify = FactorialGen.Analyzers.Tests.ScopeAnalyzerTest;

namespace FactorialGen.Analyzers.Tests;

/// <summary>
/// Class 6, FG0003: a member the client's declared scope left out (CS1061, the build breaks) gets a FactorialGen
/// error on the same span saying which scope it needs and how to declare the client — for direct calls, calls
/// through a variable holding the resource, method groups, omitted namespaces and conditional access. The existing
/// code fix applies to it.
/// </summary>
public sealed class FG0003_OperationOmittedByClientScopeTests
{
    private static DiagnosticResult FG0003(int location) =>
        new DiagnosticResult("FG0003", DiagnosticSeverity.Error).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult CS1061(int location) =>
        DiagnosticResult.CompilerError("CS1061").WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null);

    [Fact]
    public Task DirectCall_WriteOnReadClient_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Task RunAsync(HrReports hr, TerminateRequest body) => hr.Employees.Employees.{|#0:TerminateAsync|}(body);
        }
        """,
        CS1061(0),
        new DiagnosticResult("FG0003", DiagnosticSeverity.Error).WithLocation(0).WithLocation(TestClients.DeclarationsPath, 5, 22)
            .WithArguments("EmployeesResource.TerminateAsync", "FactorialScope.Write", "declare 'HrReports' with FactorialScope.ReadWrite"));

    [Fact]
    public Task AwaitedCallThroughResourceVariable_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(HrReports hr, TerminateRequest body)
            {
                var employees = hr.Employees.Employees;
                await employees.GetAsync("1");
                await employees.{|#0:TerminateAsync|}(body);
            }
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("EmployeesResource.TerminateAsync", "FactorialScope.Write", "declare 'HrReports' with FactorialScope.ReadWrite"));

    [Fact]
    public Task MethodGroup_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Func<TerminateRequest, CancellationToken, Task<EmployeesEmployee>> Bind(HrReports hr) => hr.Employees.Employees.{|#0:TerminateAsync|};
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("EmployeesResource.TerminateAsync", "FactorialScope.Write", "declare 'HrReports' with FactorialScope.ReadWrite"));

    [Fact]
    public Task OmittedNamespace_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            object Run(HrReports hr) => hr.{|#0:Attendance|}.Shifts;
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("HrReports.Attendance", "FactorialScope.Write", "declare 'HrReports' with FactorialScope.ReadWrite"));

    [Fact]
    public Task ReadOperationOnWriteClient_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(HrClock clock)
            {
                var shifts = await clock.Attendance.Shifts.{|#0:ListAsync|}();
            }
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("ShiftsResource.ListAsync", "FactorialScope.Read", "declare 'HrClock' with FactorialScope.ReadWrite"));

    [Fact]
    public Task ConditionalAccess_Triggers() => Verify.VerifyAsync(Usings + """
        #nullable enable
        class Job
        {
            Task? RunAsync(HrReports? hr, TerminateRequest body) => hr?.Employees.Employees.{|#0:TerminateAsync|}(body);
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("EmployeesResource.TerminateAsync", "FactorialScope.Write", "declare 'HrReports' with FactorialScope.ReadWrite"));

    [Fact]
    public Task InsideLambda_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Func<Task> Bind(HrReports hr, TerminateRequest body) => () => hr.Employees.Employees.{|#0:TerminateAsync|}(body);
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("EmployeesResource.TerminateAsync", "FactorialScope.Write", "declare 'HrReports' with FactorialScope.ReadWrite"));

    [Fact]
    public Task UnknownMemberOrNotAClient_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            void Run(HrReports hr, HrAdmin admin)
            {
                hr.Employees.Employees.{|#0:DeleteEverythingAsync|}();
                "text".{|#1:TerminateAsync|}();
                admin.Employees.Employees.{|#2:ArchiveAsync|}();
            }
        }
        """,
        CS1061(0),
        CS1061(1),
        CS1061(2));

    [Fact]
    public Task DeclaredMember_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Task RunAsync(HrReports hr) => hr.Employees.Employees.GetAsync("1");
        }
        """);

    [Fact]
    public async Task CodeFix_OnFG0003_DeclaresReadWrite()
    {
        const string body = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Acme.Hr;

            class Job
            {
                Task RunAsync(HrReports hr, TerminateRequest body) => hr.Employees.Employees.{|#0:TerminateAsync|}(body);
            }
            """;
        var fixedDeclarations = TestClients.Declarations.Replace(
            "[FactorialClient(FactorialScope.Read)]\n    public partial class HrReports", "[FactorialClient(FactorialScope.ReadWrite)]\n    public partial class HrReports");
        Assert.NotEqual(TestClients.Declarations, fixedDeclarations);
        var test = new ScopeCodeFixTest<ScopeAnalyzer, DeclareClientScopeCodeFixProvider>(
            body, body, DeclareClientScopeCodeFixProvider.EquivalenceKey, withDeclarations: true, fixedDeclarations: fixedDeclarations);
        test.TestState.ExpectedDiagnostics.Add(CS1061(0));
        test.TestState.ExpectedDiagnostics.Add(FG0003(0).WithArguments("EmployeesResource.TerminateAsync", "FactorialScope.Write", "declare 'HrReports' with FactorialScope.ReadWrite"));

        // The stand-in generated code does not change, so both diagnostics stay (the client is now declared with the
        // recorded scope, so nothing is added to name); the real generator would now emit the member.
        test.FixedState.ExpectedDiagnostics.Add(CS1061(0));
        test.FixedState.ExpectedDiagnostics.Add(FG0003(0).WithArguments("EmployeesResource.TerminateAsync", "FactorialScope.ReadWrite", "declare 'HrReports' with FactorialScope.ReadWrite"));
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck;
        test.NumberOfIncrementalIterations = 1;
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Declare 'HrReports' with FactorialScope.ReadWrite", action.Title);
        await test.RunAsync();
    }
}
