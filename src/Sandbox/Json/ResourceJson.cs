using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.Json;

/// <summary>Picks the JSON metadata of one resource type (item, bare list, wrapped list) from a context.</summary>
internal sealed record ResourceJson<T>(
    Func<SandboxJsonContext, JsonTypeInfo<T>> Item,
    Func<SandboxJsonContext, JsonTypeInfo<List<T>>> List,
    Func<SandboxJsonContext, JsonTypeInfo<ListEnvelope<T>>> Envelope);

/// <summary>The <see cref="ResourceJson{T}"/> of every resource the sandbox serves.</summary>
internal static class ResourceJson
{
    public static ResourceJson<Employee> Employee { get; } = new(c => c.Employee, c => c.ListEmployee, c => c.EmployeeEnvelope);

    public static ResourceJson<Shift> Shift { get; } = new(c => c.Shift, c => c.ListShift, c => c.ShiftEnvelope);

    public static ResourceJson<Leave> Leave { get; } = new(c => c.Leave, c => c.ListLeave, c => c.LeaveEnvelope);

    public static ResourceJson<LeaveType> LeaveType { get; } = new(c => c.LeaveType, c => c.ListLeaveType, c => c.LeaveTypeEnvelope);

    public static ResourceJson<CompanyHoliday> CompanyHoliday { get; } = new(c => c.CompanyHoliday, c => c.ListCompanyHoliday, c => c.CompanyHolidayEnvelope);

    public static ResourceJson<Location> Location { get; } = new(c => c.Location, c => c.ListLocation, c => c.LocationEnvelope);

    public static ResourceJson<Team> Team { get; } = new(c => c.Team, c => c.ListTeam, c => c.TeamEnvelope);

    public static ResourceJson<Membership> Membership { get; } = new(c => c.Membership, c => c.ListMembership, c => c.MembershipEnvelope);

    public static ResourceJson<Credential> Credential { get; } = new(c => c.Credential, c => c.ListCredential, c => c.CredentialEnvelope);

    public static ResourceJson<WebhookSubscription> WebhookSubscription { get; } = new(c => c.WebhookSubscription, c => c.ListWebhookSubscription, c => c.WebhookSubscriptionEnvelope);
}
