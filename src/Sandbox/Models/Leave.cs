using System;

namespace FactorialGen.Sandbox.Models;

/// <summary>
/// Time off of an employee (<c>timeoff/leaves</c>). <see cref="Approved"/> is <see langword="true"/>
/// when approved, <see langword="null"/> while pending and <see langword="false"/> once rejected.
/// </summary>
internal sealed record Leave : IResource
{
    public required ResourceId Id { get; init; }

    public required ResourceId CompanyId { get; init; }

    public required ResourceId EmployeeId { get; init; }

    public string? EmployeeFullName { get; init; }

    public ResourceId? LeaveTypeId { get; init; }

    public string? LeaveTypeName { get; init; }

    public required DateOnly StartOn { get; init; }

    public required DateOnly FinishOn { get; init; }

    /// <summary><c>beggining_of_day</c>, <c>end_of_day</c> or <see langword="null"/> (the API's own spelling).</summary>
    public string? HalfDay { get; init; }

    public string? Description { get; init; }

    public string? Reason { get; init; }

    public bool? Approved { get; init; }

    public double DaysTaken { get; init; }

    public string? StartTime { get; init; }

    public int? HoursAmountInCents { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
