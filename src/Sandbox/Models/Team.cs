using System.Collections.Generic;

namespace FactorialGen.Sandbox.Models;

/// <summary>A team of employees (<c>teams/teams</c>).</summary>
internal sealed record Team : IResource
{
    public required ResourceId Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public string? Avatar { get; init; }

    public required IReadOnlyList<ResourceId> EmployeeIds { get; init; }

    public required IReadOnlyList<ResourceId> LeadIds { get; init; }

    public required ResourceId CompanyId { get; init; }
}

/// <summary>The link between one employee and one team (<c>teams/memberships</c>).</summary>
internal sealed record Membership : IResource
{
    public required ResourceId Id { get; init; }

    public required ResourceId CompanyId { get; init; }

    public required ResourceId EmployeeId { get; init; }

    public required ResourceId TeamId { get; init; }

    public bool Lead { get; init; }
}
