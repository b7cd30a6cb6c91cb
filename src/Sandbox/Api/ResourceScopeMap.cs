using System;
using FactorialGen.Sandbox.OAuth;

namespace FactorialGen.Sandbox.Api;

/// <summary>
/// Which Factorial resource scope each sandbox resource needs, from the document's <c>Domain &gt; Resource</c> tag of
/// the same endpoints (factorial-openapi-2026-07-01): <c>Employees &gt; Employee</c> → employees,
/// <c>Attendance &gt; Shift</c> → time_tracking, <c>Timeoff &gt; Leave</c> and <c>Timeoff &gt; LeaveType</c> → time_off,
/// <c>Holidays &gt; CompanyHoliday</c> → company_holidays, <c>Locations &gt; Location</c> → company_locations,
/// <c>Teams &gt; Team</c> and <c>Teams &gt; Membership</c> → employees (teams are part of the employee directory).
/// <c>ApiPublic &gt; Credential</c> and <c>ApiPublic &gt; WebhookSubscription</c> are outside Factorial's scope table: any token may call them.
/// </summary>
internal static class ResourceScopeMap
{
    private static readonly (string Resource, string Scope)[] Map =
    [
        ("employees/employees", "employees"),
        ("attendance/shifts", "time_tracking"),
        ("timeoff/leaves", "time_off"),
        ("timeoff/leave_types", "time_off"),
        ("holidays/company_holidays", "company_holidays"),
        ("locations/locations", "company_locations"),
        ("teams/teams", "employees"),
        ("teams/memberships", "employees"),
    ];

    /// <summary>
    /// The resource scope a request path needs (<paramref name="segments"/> after <c>/api</c>: version,
    /// <c>resources</c>, namespace, resource, …), or <see langword="null"/> when the resource is outside the table.
    /// </summary>
    public static string? RequiredFor(string[] segments)
    {
        if (segments.Length < 4 || segments[1] != "resources")
        {
            return null;
        }

        foreach ((string resource, string scope) in Map)
        {
            int slash = resource.IndexOf('/', StringComparison.Ordinal);
            if (segments[2] == resource[..slash] && segments[3] == resource[(slash + 1)..])
            {
                return scope;
            }
        }

        return null;
    }
}
