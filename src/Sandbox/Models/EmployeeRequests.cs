using System;

namespace FactorialGen.Sandbox.Models;

/// <summary>Body of <c>PUT employees/employees/{id}</c>; absent (or null) fields stay unchanged.</summary>
internal sealed record EmployeeUpdateRequest
{
    public ResourceId? Id { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? PreferredName { get; init; }

    public DateOnly? BirthdayOn { get; init; }

    public string? Gender { get; init; }

    public string? Nationality { get; init; }

    public string? PhoneNumber { get; init; }

    public string? CompanyIdentifier { get; init; }

    public ResourceId? ManagerId { get; init; }

    public ResourceId? TimeoffManagerId { get; init; }

    public ResourceId? LocationId { get; init; }

    public DateOnly? SeniorityCalculationDate { get; init; }
}

/// <summary>Body of <c>POST employees/employees/invite</c>.</summary>
internal sealed record EmployeeInviteRequest
{
    public ResourceId? Id { get; init; }

    public ResourceId? CompanyId { get; init; }
}

/// <summary>Body of <c>POST employees/employees/terminate</c>.</summary>
internal sealed record EmployeeTerminateRequest
{
    public ResourceId? Id { get; init; }

    public DateOnly? TerminatedOn { get; init; }

    public string? TerminationReason { get; init; }
}

/// <summary>A body that only names a record: <c>unterminate</c>, leave <c>approve</c> and <c>reject</c>.</summary>
internal sealed record IdRequest
{
    public ResourceId? Id { get; init; }

    /// <summary>Why a leave is rejected (ignored elsewhere).</summary>
    public string? Reason { get; init; }
}
