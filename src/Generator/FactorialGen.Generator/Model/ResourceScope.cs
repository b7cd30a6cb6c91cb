using System;

namespace FactorialGen.Generator.Model;

/// <summary>
/// The generator's mirror of the runtime's <c>FactorialGen.FactorialResourceScopes</c> (the generator cannot reference
/// the runtime assembly): same member names, same bit values. <c>ResourceScopeMirrorTests</c> checks the two agree.
/// </summary>
[Flags]
internal enum ResourceScope : long
{
    None = 0,
    Banking = 1L << 0,
    CompanyLegalEntities = 1L << 1,
    CompanyHolidays = 1L << 2,
    CompanyLocations = 1L << 3,
    Contracts = 1L << 4,
    CustomFields = 1L << 5,
    Documents = 1L << 6,
    Employees = 1L << 7,
    EmployeeUpdates = 1L << 8,
    Expenses = 1L << 9,
    Finance = 1L << 10,
    Integrations = 1L << 11,
    JobCatalog = 1L << 12,
    Marketplace = 1L << 13,
    Payroll = 1L << 14,
    PayrollSupplements = 1L << 15,
    Performance = 1L << 16,
    Posts = 1L << 17,
    ProjectManagementExpenses = 1L << 18,
    ProjectManagementProjects = 1L << 19,
    ProjectManagementTime = 1L << 20,
    ShiftManagement = 1L << 21,
    Tasks = 1L << 22,
    TimeOff = 1L << 23,
    TimeTracking = 1L << 24,
    Trainings = 1L << 25,
    Recruitment = 1L << 26,
}

/// <summary>The generator's mirror of the runtime's <c>FactorialGen.FactorialScope</c> (read/write): same names and values.</summary>
[Flags]
internal enum AccessScope
{
    None = 0,
    Read = 1,
    Write = 2,
    ReadWrite = Read | Write,
}

/// <summary>Names of <see cref="ResourceScope"/> values as C# member names and OAuth names.</summary>
internal static class ResourceScopeNames
{
    /// <summary>Every resource scope.</summary>
    public const ResourceScope All = (ResourceScope)((1L << Count) - 1);

    /// <summary>How many resource scopes there are (bits 0 to <c>Count - 1</c>).</summary>
    public const int Count = 27;

    /// <summary>
    /// The member names of the bits in <paramref name="scope"/> in bit order, each after <paramref name="prefix"/>, joined
    /// by <paramref name="separator"/> (e.g. <c>Employees | TimeTracking</c>); empty for <see cref="ResourceScope.None"/>.
    /// </summary>
    public static string Describe(ResourceScope scope, string separator, string prefix = "")
    {
        var text = new System.Text.StringBuilder();
        for (var bit = 0; bit < Count; bit++)
        {
            var one = (ResourceScope)(1L << bit);
            if ((scope & one) != 0)
            {
                text.Append(text.Length == 0 ? "" : separator).Append(prefix).Append(one.ToString());
            }
        }

        return text.ToString();
    }
}
