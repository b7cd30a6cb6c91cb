using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace FactorialGen.Analyzers.Tests.ResourceScopes;

/// <summary>
/// FG0003 for a member <c>OmitUnknownOperations = true</c> left out (no resource scope covers it; recorded as
/// <c>[FactorialOmittedOperation(..., RequiresUnknownOperations = true)]</c>): no resource scope brings it back, so the
/// message says to keep the unknown operations or declare a client without Resources — never "add a resource scope" or
/// "declare with the scope it already has". When the member also needs a wider read/write scope, both are named.
/// </summary>
public sealed class FG0003_OperationOmittedAsUnknownTests
{
    // Stand-ins for what the generator emits for the two declarations (the metadata contract only).
    private const string Clients = """
        using FactorialGen;
        using System.Threading.Tasks;

        namespace Acme.Unknown
        {
            [FactorialClient(FactorialScope.ReadWrite, Resources = FactorialResourceScopes.Employees, OmitUnknownOperations = true)]
            [FactorialOmittedOperation("ApiPublic", FactorialScope.ReadWrite, RequiresUnknownOperations = true)]
            [FactorialOmittedOperation("TimeOff", FactorialScope.ReadWrite, RequiredResource = FactorialResourceScopes.TimeOff)]
            public partial class HrLean
            {
                public EmployeesNamespace Employees { get; } = new();

                public sealed partial class EmployeesNamespace
                {
                    public EmployeesResource Employees { get; } = new();

                    public sealed partial class EmployeesResource
                    {
                        [FactorialOperation("GET", "/api/2026-07-01/resources/employees/employees/{id}", RequiredScope = FactorialScope.Read, RequiredResource = FactorialResourceScopes.Employees)]
                        public Task<string> GetAsync(string id) => Task.FromResult(id);
                    }
                }
            }

            [FactorialClient(FactorialScope.Read, Resources = FactorialResourceScopes.Employees, OmitUnknownOperations = true)]
            [FactorialOmittedOperation("Procurement", FactorialScope.ReadWrite, RequiresUnknownOperations = true)]
            public partial class HrLeanReader { }
        }
        """;

    private static DiagnosticResult CS1061(int location) =>
        DiagnosticResult.CompilerError("CS1061").WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null);

    private static DiagnosticResult FG0003(int location) =>
        new DiagnosticResult("FG0003", DiagnosticSeverity.Error).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new ScopeAnalyzerTest(Clients + "\n" + source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task UnknownNamespace_OnLimitedClient_SaysToKeepTheUnknownOperations() => VerifyAsync("""
        class Job
        {
            object Run(Acme.Unknown.HrLean hr) => hr.{|#0:ApiPublic|};
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("HrLean.ApiPublic",
            "the operations no resource scope covers, which OmitUnknownOperations = true leaves out",
            "set OmitUnknownOperations = false on 'HrLean', or declare a client without Resources for it"));

    [Fact]
    public Task UnknownWriteNamespace_OnReadClient_NamesTheScopeToo() => VerifyAsync("""
        class Job
        {
            object Run(Acme.Unknown.HrLeanReader hr) => hr.{|#0:Procurement|};
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("HrLeanReader.Procurement",
            "FactorialScope.Write and the operations no resource scope covers, which OmitUnknownOperations = true leaves out",
            "declare 'HrLeanReader' with FactorialScope.ReadWrite and OmitUnknownOperations = false, or declare a client with FactorialScope.ReadWrite and without Resources for it"));

    [Fact]
    public Task MappedNamespaceOnTheSameClient_StillNamesItsResourceScope() => VerifyAsync("""
        class Job
        {
            object Run(Acme.Unknown.HrLean hr) => hr.{|#0:TimeOff|};
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("HrLean.TimeOff", "FactorialResourceScopes.TimeOff",
            "add FactorialResourceScopes.TimeOff to the Resources of the declaration of 'HrLean'"));

    [Fact]
    public Task KeptMember_DoesNotTrigger() => VerifyAsync("""
        class Job
        {
            System.Threading.Tasks.Task<string> Run(Acme.Unknown.HrLean hr) => hr.Employees.Employees.GetAsync("1");
        }
        """);
}
