using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.Data;

/// <summary>All records of the seeded demo company; lives as long as the server.</summary>
internal sealed class SandboxData
{
    public const long CompanyId = 1;

    public const string CompanyName = "Sandbox Industries";

    public const string CompanyLegalName = "Sandbox Industries S.L.";

    /// <summary>The always-signed-in demo user: an admin employee of the company.</summary>
    public required long AdminEmployeeId { get; init; }

    public required ResourceStore<Employee> Employees { get; init; }

    public required ResourceStore<Location> Locations { get; init; }

    public required ResourceStore<Team> Teams { get; init; }

    public required ResourceStore<Membership> Memberships { get; init; }

    public required ResourceStore<LeaveType> LeaveTypes { get; init; }

    public required ResourceStore<Leave> Leaves { get; init; }

    public required ResourceStore<CompanyHoliday> Holidays { get; init; }

    public required ResourceStore<Shift> Shifts { get; init; }
}
