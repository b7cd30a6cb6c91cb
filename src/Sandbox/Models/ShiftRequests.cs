using System;

namespace FactorialGen.Sandbox.Models;

/// <summary>
/// Body of <c>POST attendance/shifts</c> and <c>PUT attendance/shifts/{id}</c>. Clock times may be
/// <c>HH:mm</c>, <c>HH:mm:ss</c> or an ISO 8601 date-time (its wall-clock time is used).
/// </summary>
internal sealed record ShiftWriteRequest
{
    public ResourceId? Id { get; init; }

    public ResourceId? EmployeeId { get; init; }

    public DateOnly? Date { get; init; }

    public DateOnly? ReferenceDate { get; init; }

    public string? ClockIn { get; init; }

    public string? ClockOut { get; init; }

    public string? Observations { get; init; }

    public string? LocationType { get; init; }

    public bool? Workable { get; init; }
}

/// <summary>Body of <c>POST attendance/shifts/clock_in</c> and <c>clock_out</c>.</summary>
internal sealed record ClockRequest
{
    /// <summary>Who clocks; the caller's own employee when omitted.</summary>
    public ResourceId? EmployeeId { get; init; }

    /// <summary>ISO 8601 date-time of the clock event; its local date and time are recorded.</summary>
    public string? Now { get; init; }

    public string? Observations { get; init; }

    public string? LocationType { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }
}
