#if FACTORIAL_SPEC_2026
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace FactorialGen.Client.Tests;

/// <summary>
/// HrTime: the real 2026-07-01 document limited with <c>Resources = Employees | TimeTracking</c>, built by this project's
/// own compilation (warnings are errors). Compiled only when ../shared/specs holds the document (FACTORIAL_SPEC_2026).
/// </summary>
public sealed class ResourceScopedClientTests
{
    private static readonly FactorialResourceScopes[] Allowed = [FactorialResourceScopes.Employees, FactorialResourceScopes.TimeTracking, FactorialResourceScopes.None];

    [Fact]
    public void HrTime_has_the_operations_of_its_two_resource_scopes_and_the_unknown_ones_only()
    {
        var operations = ScopeGuardTests.Operations(typeof(HrTime))
            .Where(o => o.Method.DeclaringType != typeof(HrTime))
            .Select(o => o.Attribute)
            .DistinctBy(a => (a.Method, a.Path))
            .ToList();

        Assert.All(operations, a => Assert.Contains(a.RequiredResource, Allowed));
        Assert.Equal(18, operations.Count(a => a.RequiredResource == FactorialResourceScopes.Employees));
        Assert.Equal(52, operations.Count(a => a.RequiredResource == FactorialResourceScopes.TimeTracking));
        Assert.Equal(80, operations.Count(a => a.RequiredResource == FactorialResourceScopes.None));
        Assert.Null(typeof(HrTime).GetProperty("Ats"));
        Assert.Null(typeof(HrTime).GetProperty("Posts"));
        Assert.NotNull(typeof(HrTime).GetProperty("Attendance"));
        Assert.NotNull(typeof(HrTime).GetProperty("Finance")); // its unknown resources (budget options, categories, ...) stay
    }

    [Fact]
    public void HrTime_records_the_groups_it_left_out_with_the_resource_scope_they_need()
    {
        var groups = typeof(HrTime).GetCustomAttributes<FactorialOmittedOperationAttribute>().ToDictionary(a => a.MemberName);
        var finance = typeof(HrTime.FinanceApi).GetCustomAttributes<FactorialOmittedOperationAttribute>().ToDictionary(a => a.MemberName);

        Assert.Equal(FactorialResourceScopes.Recruitment, groups["Ats"].RequiredResource);
        Assert.Equal(FactorialResourceScopes.Posts, groups["Posts"].RequiredResource);
        Assert.Equal(FactorialResourceScopes.Finance, finance["Accounts"].RequiredResource);
        Assert.Equal(FactorialScope.ReadWrite, finance["Accounts"].RequiredScope);
        Assert.DoesNotContain(typeof(HrTime.FinanceApi).GetProperties(), p => p.Name == "Accounts");
    }

    [Fact]
    public async Task HrTime_lists_employees_and_shifts_over_real_http()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.ReadWrite);
        using var hr = new HrTime(token, options: sandbox.ClientOptions());

        var employees = await hr.Employees.Employees.ListAsync();
        var shifts = await hr.Attendance.Shifts.ListAsync();

        Assert.NotEmpty(employees.Items);
        Assert.NotNull(shifts.Items);
        var lists = typeof(HrTime.EmployeesApi.EmployeesResource).GetMethods().Where(m => m.Name == "ListAsync").ToList(); // the short overload and the options one
        Assert.NotEmpty(lists);
        Assert.All(lists, m => Assert.Equal(FactorialResourceScopes.Employees, m.GetCustomAttribute<FactorialOperationAttribute>()!.RequiredResource));
    }
}
#endif
