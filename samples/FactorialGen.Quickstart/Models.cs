using System;
using System.Text.Json.Serialization;

namespace FactorialGen.Quickstart;

// The fields of the core resources this sample reads. (The source generator will emit these from the spec.)

internal sealed record Credential(long? CompanyId, long? EmployeeId, string? Scope);

internal sealed record Employee(long Id, string? FullName, long? LocationId, DateOnly? SeniorityCalculationDate, DateOnly? TerminatedOn);

internal sealed record Shift(long Id, long EmployeeId, DateOnly Date, string? ClockIn, string? ClockOut);

internal sealed record Leave(long Id, long EmployeeId, DateOnly StartOn, DateOnly FinishOn, string? HalfDay, bool? Approved, string? LeaveTypeName);

internal sealed record CompanyHoliday(long Id, long LocationId, string? Summary, DateOnly Date, string? HalfDay);

internal sealed record ClockRequest(long EmployeeId, string Now);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Credential))]
[JsonSerializable(typeof(Employee))]
[JsonSerializable(typeof(Shift))]
[JsonSerializable(typeof(Leave))]
[JsonSerializable(typeof(CompanyHoliday))]
[JsonSerializable(typeof(ClockRequest))]
internal sealed partial class QuickstartJson : JsonSerializerContext
{
}
