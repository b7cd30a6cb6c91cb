#if FACTORIAL_SPEC_2024
using System.Linq;
using System.Threading.Tasks;

namespace FactorialGen.Client.Tests;

/// <summary>
/// HrFull, generated from the real 2024-10-01 document in ../shared/specs. Compiled only when that file exists
/// (FACTORIAL_SPEC_2024, set by the project file); on a clone without it these tests do not exist at all.
/// </summary>
public sealed class HrFullTests
{
    [Fact]
    public async Task HrFull_2024_lists_260_employees_with_integer_ids_from_a_bare_array()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        // The client options keep the default ApiVersion (2026-07-01): the generated paths are absolute and carry 2024-10-01.
#pragma warning disable FG0001, FG0002 // a ReadWrite client over a read token, used for reads only
        using var hr = new HrFull(token, options: sandbox.ClientOptions());
#pragma warning restore FG0001, FG0002

        var page = await hr.Employees.Employees.ListAsync();

        Assert.Equal(260, page.Items.Count);
        Assert.Null(page.Meta); // 2024-10-01 answers a bare array
        Assert.False(page.HasNextPage);
        Assert.Equal(Enumerable.Range(1, 260).Select(i => (long)i), page.Items.Select(e => e.Id));
    }

    [Fact]
    public void HrFull_2024_exposes_the_404_operations_of_the_document()
    {
        var operations = ScopeGuardTests.Operations(typeof(HrFull))
            .Where(o => o.Method.DeclaringType != typeof(HrFull)) // nested resource types only (not GetDaysOffAsync)
            .Select(o => (o.Attribute.Method, o.Attribute.Path))
            .Distinct()
            .Count();

        Assert.Equal(404, operations);
    }
}
#endif
