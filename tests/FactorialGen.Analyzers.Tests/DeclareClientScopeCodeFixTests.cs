using FactorialGen.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Test = FactorialGen.Analyzers.Tests.ScopeCodeFixTest<Microsoft.CodeAnalysis.Testing.EmptyDiagnosticAnalyzer, FactorialGen.CodeFixes.DeclareClientScopeCodeFixProvider>;

namespace FactorialGen.Analyzers.Tests;

/// <summary>
/// The CS1061 fix: a member the client's declared scope left out (recorded by <c>[FactorialOmittedOperation]</c>)
/// is called; declare the client with a scope that includes it. The test's generated code does not change with the
/// declaration, so CS1061 stays in the fixed source; the real generator would then emit the member.
/// </summary>
public sealed class DeclareClientScopeCodeFixTests
{
    private const string Declarations = /* lang=c#-test */ """
        namespace Acme.Hr
        {
            [FactorialClient(FactorialScope.Read)]
            public partial class HrReports { }

            [FactorialClient(FactorialScope.ReadWrite)]
            public partial class HrAdmin { }

            [FactorialClient(FactorialScope.Write)]
            public partial class HrClock { }
        }
        """;

    /// <summary>A test whose fix declares <paramref name="client"/> with <paramref name="to"/> instead of <paramref name="from"/>.</summary>
    private static Test Create(string body, string client, string from, string to, bool declarationsInSource = true)
    {
        const string usings = "#nullable enable\nusing System.Threading.Tasks;\nusing Acme.Hr;\nusing FactorialGen;\n\n";
        var source = usings + (declarationsInSource ? Declarations + "\n\n" : string.Empty) + body;
        var fixedSource = usings + (declarationsInSource ? Widen(Declarations, client, from, to) + "\n\n" : string.Empty) + body;
        var test = new Test(source, fixedSource, DeclareClientScopeCodeFixProvider.EquivalenceKey,
            withDeclarations: !declarationsInSource, fixedDeclarations: Widen(TestClients.Declarations, client, from, to));
        test.CodeActionVerifier = (action, verifier) => verifier.Equal($"Declare '{client}' with FactorialScope.{to}", action.Title);
        test.FixedState.MarkupHandling = MarkupMode.Allow; // CS1061 stays: the stand-in generated code does not change
        return test;
    }

    private static string Widen(string declarations, string client, string from, string to)
    {
        var before = $"[FactorialClient(FactorialScope.{from})]\n    public partial class {client} ";
        Assert.Contains(before, declarations);
        return declarations.Replace(before, $"[FactorialClient(FactorialScope.{to})]\n    public partial class {client} ");
    }

    [Fact]
    public Task WriteOperationOnReadClient_Triggers()
    {
        const string body = /* lang=c#-test */ """
            class Job
            {
                Task RunAsync(HrReports hr, TerminateRequest body) => hr.Employees.Employees.{|CS1061:TerminateAsync|}(body);
            }
            """;
        return Create(body, "HrReports", "Read", "ReadWrite").RunAsync();
    }

    [Fact]
    public Task ReadOperationOnWriteClient_Triggers()
    {
        const string body = /* lang=c#-test */ """
            class Job
            {
                async Task RunAsync(HrClock clock)
                {
                    var shifts = await clock.Attendance.Shifts.{|CS1061:ListAsync|}();
                }
            }
            """;
        return Create(body, "HrClock", "Write", "ReadWrite").RunAsync();
    }

    [Fact]
    public Task OmittedNamespaceAndConditionalAccess_Triggers()
    {
        const string body = /* lang=c#-test */ """
            class Job
            {
                void Run(HrReports? hr, TerminateRequest body)
                {
                    var shifts = hr!.{|CS1061:Attendance|}.Shifts;
                    var pending = hr?.Employees.Employees.{|CS1061:TerminateAsync|}(body);
                }
            }
            """;
        return Create(body, "HrReports", "Read", "ReadWrite").RunAsync();
    }

    [Fact]
    public Task DeclarationInAnotherDocument_FixAllInSolution_Triggers()
    {
        const string body = /* lang=c#-test */ """
            class Job
            {
                Task RunAsync(HrReports hr, TerminateRequest body) => hr.Employees.Employees.{|CS1061:TerminateAsync|}(body);
            }
            """;
        const string other = /* lang=c#-test */ """
            using Acme.Hr;

            class Other
            {
                object Run(HrReports hr) => hr.{|CS1061:Attendance|};
            }
            """;
        var test = Create(body, "HrReports", "Read", "ReadWrite", declarationsInSource: false);
        test.TestState.Sources.Add(("/0/Other.cs", other));
        test.FixedState.Sources.Add(("/0/Other.cs", other));
        return test.RunAsync();
    }

    [Fact]
    public Task NotAnOmittedMemberOrNotAClient_DoesNotTrigger()
    {
        const string body = /* lang=c#-test */ """
            class Job
            {
                void Run(HrReports hr, HrAdmin admin)
                {
                    hr.Employees.Employees.{|CS1061:DeleteEverythingAsync|}();
                    "text".{|CS1061:TerminateAsync|}();
                    admin.Employees.Employees.{|CS1061:ArchiveAsync|}();
                }
            }
            """;
        return Create(body, "HrReports", "Read", "Read").RunAsync();
    }
}
