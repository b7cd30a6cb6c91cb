using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Text.Json.Serialization;
using Refit;

namespace FactorialGen.Benchmarks;

// The comparison points: plain models for the same wire shapes, one System.Text.Json source-generated context
// shared by the hand-written floor and by Refit.

/// <summary>An employee, as the hand-written client and Refit read it.</summary>
public sealed class EmployeeDto
{
    public string Id { get; set; } = "";
    public string AccessId { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string FullName { get; set; } = "";
    public string? PreferredName { get; set; }
    public string? Gender { get; set; }
    public string? Email { get; set; }
    public string? LoginEmail { get; set; }
    public DateOnly? BirthdayOn { get; set; }
    public string? Nationality { get; set; }
    public string CompanyId { get; set; } = "";
    public string? LegalEntityId { get; set; }
    public string? LocationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool IsTerminating { get; set; }
    public DateOnly? TerminatedOn { get; set; }
    public string? TerminationReason { get; set; }
    public string? ManagerId { get; set; }
    public string? TimeoffManagerId { get; set; }
    public string? PhoneNumber { get; set; }
    public string? CompanyIdentifier { get; set; }
    public DateOnly? SeniorityCalculationDate { get; set; }
    public bool? Active { get; set; }
    public bool Attendable { get; set; }
}

/// <summary>A shift, as the hand-written client and Refit read it.</summary>
public sealed class ShiftDto
{
    public string Id { get; set; } = "";
    public string EmployeeId { get; set; } = "";
    public DateOnly Date { get; set; }
    public DateOnly ReferenceDate { get; set; }
    public string? ClockIn { get; set; }
    public string? ClockOut { get; set; }
    public string? InSource { get; set; }
    public string? OutSource { get; set; }
    public string? Observations { get; set; }
    public string? LocationType { get; set; }
    public string? HalfDay { get; set; }
    public bool? Workable { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? WorkplaceId { get; set; }
    public string CompanyId { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Minutes { get; set; }
    public string? ClockInWithSeconds { get; set; }
}

/// <summary>The body of <c>POST …/attendance/shifts/clock_in</c>.</summary>
public sealed class ClockInDto
{
    public string? EmployeeId { get; set; }
    public DateTimeOffset Now { get; set; }
}

/// <summary>A wrapped list page: <c>{ data, meta }</c>.</summary>
public sealed class PageDto<T>
{
    public List<T> Data { get; set; } = [];
    public PageMetaDto? Meta { get; set; }
}

/// <summary>The <c>meta</c> of a wrapped list.</summary>
public sealed class PageMetaDto
{
    public int? Limit { get; set; }
    public int? Total { get; set; }
    public bool HasNextPage { get; set; }
    public bool HasPreviousPage { get; set; }
    public string? StartCursor { get; set; }
    public string? EndCursor { get; set; }
}

/// <summary>The one JSON context of the floor and of Refit (snake_case, no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EmployeeDto))]
[JsonSerializable(typeof(ShiftDto))]
[JsonSerializable(typeof(ClockInDto))]
[JsonSerializable(typeof(PageDto<EmployeeDto>), TypeInfoPropertyName = "EmployeePage")]
public sealed partial class BenchJson : JsonSerializerContext;

/// <summary>The same three calls as a Refit interface (its source generator builds the stub).</summary>
public interface IFactorialRefit
{
    [Get("/api/2026-07-01/resources/employees/employees/{id}")]
    Task<EmployeeDto> GetEmployeeAsync(string id);

    [Get("/api/2026-07-01/resources/employees/employees")]
    Task<PageDto<EmployeeDto>> ListEmployeesAsync([AliasAs("only_active")] bool onlyActive, [AliasAs("only_managers")] bool onlyManagers, int limit);

    [Post("/api/2026-07-01/resources/attendance/shifts/clock_in")]
    Task<ShiftDto> ClockInAsync([Body] ClockInDto body);
}
