using System;

namespace FactorialGen.Sandbox.Models;

/// <summary>An employee of the seeded company (<c>employees/employees</c>).</summary>
internal sealed record Employee : IResource
{
    public required ResourceId Id { get; init; }

    public required ResourceId AccessId { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public required string FullName { get; init; }

    public string? PreferredName { get; init; }

    public string? Email { get; init; }

    public string? LoginEmail { get; init; }

    public DateOnly? BirthdayOn { get; init; }

    public string? Gender { get; init; }

    public string? Nationality { get; init; }

    public string? PhoneNumber { get; init; }

    public required ResourceId CompanyId { get; init; }

    public ResourceId? LegalEntityId { get; init; }

    public ResourceId? LocationId { get; init; }

    public ResourceId? ManagerId { get; init; }

    public ResourceId? TimeoffManagerId { get; init; }

    public string? CompanyIdentifier { get; init; }

    /// <summary>The date seniority counts from: the sandbox's start date of the employee.</summary>
    public DateOnly? SeniorityCalculationDate { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public bool IsTerminating { get; init; }

    public DateOnly? TerminatedOn { get; init; }

    public string? TerminationReason { get; init; }

    public bool Active { get; init; }

    public bool Attendable { get; init; }
}
