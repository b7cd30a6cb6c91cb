using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.Json;

/// <summary>
/// Source-generated JSON metadata for everything the sandbox reads or writes (snake_case names, no
/// reflection). <see cref="Legacy"/> writes ids as numbers, <see cref="Current"/> as strings; both
/// write timestamps as UTC with milliseconds. Use one of them rather than <c>Default</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(Employee))]
[JsonSerializable(typeof(List<Employee>))]
[JsonSerializable(typeof(ListEnvelope<Employee>), TypeInfoPropertyName = "EmployeeEnvelope")]
[JsonSerializable(typeof(Shift))]
[JsonSerializable(typeof(List<Shift>))]
[JsonSerializable(typeof(ListEnvelope<Shift>), TypeInfoPropertyName = "ShiftEnvelope")]
[JsonSerializable(typeof(Leave))]
[JsonSerializable(typeof(List<Leave>))]
[JsonSerializable(typeof(ListEnvelope<Leave>), TypeInfoPropertyName = "LeaveEnvelope")]
[JsonSerializable(typeof(LeaveType))]
[JsonSerializable(typeof(List<LeaveType>))]
[JsonSerializable(typeof(ListEnvelope<LeaveType>), TypeInfoPropertyName = "LeaveTypeEnvelope")]
[JsonSerializable(typeof(CompanyHoliday))]
[JsonSerializable(typeof(List<CompanyHoliday>))]
[JsonSerializable(typeof(ListEnvelope<CompanyHoliday>), TypeInfoPropertyName = "CompanyHolidayEnvelope")]
[JsonSerializable(typeof(Location))]
[JsonSerializable(typeof(List<Location>))]
[JsonSerializable(typeof(ListEnvelope<Location>), TypeInfoPropertyName = "LocationEnvelope")]
[JsonSerializable(typeof(Team))]
[JsonSerializable(typeof(List<Team>))]
[JsonSerializable(typeof(ListEnvelope<Team>), TypeInfoPropertyName = "TeamEnvelope")]
[JsonSerializable(typeof(Membership))]
[JsonSerializable(typeof(List<Membership>))]
[JsonSerializable(typeof(ListEnvelope<Membership>), TypeInfoPropertyName = "MembershipEnvelope")]
[JsonSerializable(typeof(Credential))]
[JsonSerializable(typeof(List<Credential>))]
[JsonSerializable(typeof(ListEnvelope<Credential>), TypeInfoPropertyName = "CredentialEnvelope")]
[JsonSerializable(typeof(EmployeeUpdateRequest))]
[JsonSerializable(typeof(EmployeeInviteRequest))]
[JsonSerializable(typeof(EmployeeTerminateRequest))]
[JsonSerializable(typeof(IdRequest))]
[JsonSerializable(typeof(ShiftWriteRequest))]
[JsonSerializable(typeof(ClockRequest))]
[JsonSerializable(typeof(LeaveWriteRequest))]
[JsonSerializable(typeof(WebhookSubscription))]
[JsonSerializable(typeof(List<WebhookSubscription>))]
[JsonSerializable(typeof(ListEnvelope<WebhookSubscription>), TypeInfoPropertyName = "WebhookSubscriptionEnvelope")]
[JsonSerializable(typeof(WebhookSubscriptionWriteRequest))]
[JsonSerializable(typeof(EmployeeCreateRequest))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext
{
    /// <summary>Metadata for API versions before 2025-01-01: ids are JSON numbers.</summary>
    public static SandboxJsonContext Legacy { get; } = Create(idsAsStrings: false);

    /// <summary>Metadata for API versions from 2025-01-01 on: ids are JSON strings.</summary>
    public static SandboxJsonContext Current { get; } = Create(idsAsStrings: true);

    private static SandboxJsonContext Create(bool idsAsStrings)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new ResourceIdConverter(idsAsStrings));
        options.Converters.Add(new UtcTimestampConverter());
        return new SandboxJsonContext(options);
    }
}
