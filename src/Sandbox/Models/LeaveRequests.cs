using System;

namespace FactorialGen.Sandbox.Models;

/// <summary>Body of <c>POST timeoff/leaves</c> and <c>PUT timeoff/leaves/{id}</c>.</summary>
internal sealed record LeaveWriteRequest
{
    public ResourceId? Id { get; init; }

    public ResourceId? EmployeeId { get; init; }

    public ResourceId? LeaveTypeId { get; init; }

    public string? Description { get; init; }

    public DateOnly? StartOn { get; init; }

    public DateOnly? FinishOn { get; init; }

    /// <summary><c>beggining_of_day</c>, <c>end_of_day</c>, empty or null.</summary>
    public string? HalfDay { get; init; }

    /// <summary>Only honoured by <c>PUT</c>.</summary>
    public bool? Approved { get; init; }
}
