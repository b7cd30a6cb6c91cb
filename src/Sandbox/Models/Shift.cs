using System;

namespace FactorialGen.Sandbox.Models;

/// <summary>A worked period of an employee (<c>attendance/shifts</c>); times are wall-clock <c>HH:mm</c>.</summary>
internal sealed record Shift : IResource
{
    public required ResourceId Id { get; init; }

    public required ResourceId EmployeeId { get; init; }

    public required ResourceId CompanyId { get; init; }

    public required DateOnly Date { get; init; }

    public required DateOnly ReferenceDate { get; init; }

    public string? ClockIn { get; init; }

    public string? ClockOut { get; init; }

    public string? ClockInWithSeconds { get; init; }

    public string? InSource { get; init; }

    public string? OutSource { get; init; }

    public int Minutes { get; init; }

    public string? Observations { get; init; }

    public string? LocationType { get; init; }

    public string? HalfDay { get; init; }

    public bool? Workable { get; init; }

    public ResourceId? WorkplaceId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
