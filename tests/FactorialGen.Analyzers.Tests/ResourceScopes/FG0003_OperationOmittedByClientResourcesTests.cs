using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static FactorialGen.Analyzers.Tests.ResourceScopes.ResourceClients;
using Verify = FactorialGen.Analyzers.Tests.ResourceScopes.ResourceVerify;

namespace FactorialGen.Analyzers.Tests.ResourceScopes;

/// <summary>
/// FG0003 for a member the client's <c>Resources</c> left out (<c>[FactorialOmittedOperation(..., RequiredResource = X)]</c>):
/// next to CS1061 it says "add FactorialResourceScopes.X to the Resources of the declaration", and names both the scope
/// and the resource scope when the member was left out for both.
/// </summary>
public sealed class FG0003_OperationOmittedByClientResourcesTests
{
    private static DiagnosticResult FG0003(int location) =>
        new DiagnosticResult("FG0003", DiagnosticSeverity.Error).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult CS1061(int location) =>
        DiagnosticResult.CompilerError("CS1061").WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null);

    [Fact]
    public Task TimeOffNamespace_OnEmployeesAndTimeTrackingClient_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            object Run(HrPeople hr) => hr.{|#0:TimeOff|};
        }
        """,
        CS1061(0),
        new DiagnosticResult("FG0003", DiagnosticSeverity.Error).WithLocation(0)
            .WithLocation(DeclarationsPath, 8, 22).WithLocation(DeclarationsPath, 8, 60)
            .WithArguments("HrPeople.TimeOff", "FactorialResourceScopes.TimeOff", "add FactorialResourceScopes.TimeOff to the Resources of the declaration of 'HrPeople'"));

    [Fact]
    public Task CompanyLocationsNamespace_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            object Run(HrPeople hr) => hr.{|#0:Locations|};
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("HrPeople.Locations", "FactorialResourceScopes.CompanyLocations",
            "add FactorialResourceScopes.CompanyLocations to the Resources of the declaration of 'HrPeople'"));

    [Fact]
    public Task LeftOutForScopeAndResource_NamesBoth() => Verify.VerifyAsync(Usings + """
        class Job
        {
            object Run(HrStaff hr) => hr.{|#0:Attendance|};
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("HrStaff.Attendance", "FactorialScope.Write and FactorialResourceScopes.TimeTracking",
            "declare 'HrStaff' with FactorialScope.ReadWrite and add FactorialResourceScopes.TimeTracking to its Resources"));

    [Fact]
    public Task RecordedWithResourceScopeOnly_NamesTheResourceScope() => Verify.VerifyAsync(Usings + """
        class Job
        {
            object Run(HrStaff hr) => hr.{|#0:Locations|};
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("HrStaff.Locations", "FactorialResourceScopes.CompanyLocations",
            "add FactorialResourceScopes.CompanyLocations to the Resources of the declaration of 'HrStaff'"));

    [Fact]
    public Task DeclaredMembers_DoNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Task RunAsync(HrPeople hr, HrStaff staff, ClockIn body) =>
                Task.WhenAll(hr.Employees.Employees.GetAsync("1"), hr.Attendance.Clock.ClockInAsync(body), staff.Employees.Employees.GetAsync("2"));
        }
        """);
}
