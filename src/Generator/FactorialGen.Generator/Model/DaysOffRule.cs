using System;
using System.Collections.Generic;
using System.Linq;

namespace FactorialGen.Generator.Model;

/// <summary>
/// The domain rule behind <c>GetDaysOffAsync</c> (the seed's <c>get_daysoff</c>): a client gets it when it has the three
/// operations the days off are read from — the employee by id, the company holidays and the leaves, both paged.
/// </summary>
internal static class DaysOffRule
{
    /// <summary>Whether <paramref name="operations"/> hold all three operations the days off need.</summary>
    public static bool IsAvailable(IEnumerable<OperationSpec> operations) => Operations(operations).Count == 3;

    /// <summary>The operations <c>GetDaysOffAsync</c> reads (the employee, the company holidays, the leaves), those found.</summary>
    public static List<OperationSpec> Operations(IEnumerable<OperationSpec> operations) =>
        new[]
        {
            EmployeeById(operations),
            operations.FirstOrDefault(o => o.Group == "Holidays" && o.Resource == "CompanyHolidays" && o.ResponseShape == ResponseShape.Paged),
            operations.FirstOrDefault(o => o.Group == "Timeoff" && o.Resource == "Leaves" && o.ResponseShape == ResponseShape.Paged),
        }.OfType<OperationSpec>().ToList();

    /// <summary>The operation that reads one employee by id, whose id type <c>GetDaysOffAsync</c> takes.</summary>
    public static OperationSpec? EmployeeById(IEnumerable<OperationSpec> operations) =>
        operations.FirstOrDefault(o => o.Group == "Employees" && o.Resource == "Employees" && o.Method == "GET" && o.Path.EndsWith("/{id}", StringComparison.Ordinal));
}
