using Microsoft.CodeAnalysis.Testing;
using static FactorialGen.Analyzers.Tests.ResourceScopes.ResourceClients;
using Verify = FactorialGen.Analyzers.Tests.ResourceScopes.ResourceVerify;

namespace FactorialGen.Analyzers.Tests.ResourceScopes;

/// <summary>
/// FG0004: a call to an operation whose <c>RequiredResource</c> is known, made with a token whose resource scopes are
/// statically known and lack it. Must-analysis as for read/write: unknown (and <c>None</c>) stays silent, an operation
/// outside the table (<c>None</c>) never warns, a scope missing on one path only is silent.
/// </summary>
public sealed class FG0004_ResourceScopeMissingForOperationTests
{
    private static DiagnosticResult FG0004(int location) => Verify.Diagnostic("FG0004").WithLocation(location);

    // ---- Triggers: one per resource scope, one per source of knowledge ------------------------------------------

    [Fact]
    public Task AuthorizeEmployees_TimeTrackingCall_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key, ClockIn body)
            {
                var request = oauth.Authorize(FactorialScope.ReadWrite, {|#1:FactorialResourceScopes.Employees|});
                var token = await oauth.ObtainAccessTokenAsync(request, key);
                var hr = new HrAll(token);
                await hr.Employees.Employees.GetAsync("1");
                await {|#0:hr.Attendance.Clock.ClockInAsync(body)|};
            }
        }
        """,
        FG0004(0).WithLocation(1).WithArguments(
            "ClockResource.ClockInAsync", "FactorialResourceScopes.TimeTracking", "FactorialResourceScopes.Employees",
            "FactorialResourceScopes.Employees passed to FactorialOAuth.Authorize on line 10"));

    [Fact]
    public Task FromAccessTokenTimeTracking_TimeOffCall_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string access)
            {
                var token = FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, {|#1:FactorialResourceScopes.TimeTracking|});
                using var hr = new HrAll(token);
                await {|#0:hr.TimeOff.Leaves.ListAsync()|};
            }
        }
        """,
        FG0004(0).WithLocation(1).WithArguments(
            "LeavesResource.ListAsync", "FactorialResourceScopes.TimeOff", "FactorialResourceScopes.TimeTracking",
            "FactorialResourceScopes.TimeTracking passed to FactorialToken.FromAccessToken on line 10"));

    [Fact]
    public Task DeclaredTokenParameter_AcrossMethods_CompanyLocationsCall_Triggers() => Verify.VerifyAsync(Usings + """
        class Exporter
        {
            public Task ExportAsync(
                [FactorialTokenScope(FactorialScope.ReadWrite, Resources = {|#1:FactorialResourceScopes.Employees | FactorialResourceScopes.TimeOff|})] FactorialToken token)
            {
                var hr = new HrAll(token);
                return Task.WhenAll(hr.Employees.Employees.GetAsync("1"), hr.TimeOff.Leaves.ListAsync(), {|#0:hr.Locations.WorkAreas.ListAsync()|});
            }
        }
        """,
        FG0004(0).WithLocation(1).WithArguments(
            "WorkAreasResource.ListAsync", "FactorialResourceScopes.CompanyLocations",
            "FactorialResourceScopes.Employees | FactorialResourceScopes.TimeOff",
            "[FactorialTokenScope(..., Resources = FactorialResourceScopes.Employees | FactorialResourceScopes.TimeOff)] on parameter 'token' on line 9"));

    [Fact]
    public Task DeclaredClientProperty_EmployeesCall_Triggers() => Verify.VerifyAsync(Usings + """
        class Reports
        {
            [FactorialTokenScope(FactorialScope.ReadWrite, Resources = FactorialResourceScopes.CompanyLocations)]
            public HrAll Hr { get; init; } = null!;

            public Task RunAsync() => {|FG0004:Hr.Employees.Employees.GetAsync("1")|};
        }
        """);

    [Fact]
    public Task ReadonlyTokenField_EmployeesCall_Triggers() => Verify.VerifyAsync(Usings + """
        class Reports
        {
            private static readonly FactorialToken Token = FactorialToken.FromAccessToken("x", FactorialScope.ReadWrite, FactorialResourceScopes.TimeOff);

            public Task RunAsync() => {|FG0004:new HrAll(Token).Employees.Employees.GetAsync("1")|};
        }
        """);

    [Fact]
    public Task ReadonlyResourcesField_PassedToAuthorize_Triggers() => Verify.VerifyAsync(Usings + """
        class Setup
        {
            private static readonly FactorialResourceScopes Granted = FactorialResourceScopes.Employees | FactorialResourceScopes.CompanyLocations;

            async Task RunAsync(FactorialOAuth oauth, string key)
            {
                var token = await oauth.ObtainAccessTokenAsync(oauth.Authorize(FactorialScope.ReadWrite, Granted), key);
                var hr = new HrAll(token);
                await hr.Locations.WorkAreas.ListAsync();
                await {|FG0004:hr.TimeOff.Leaves.ListAsync()|};
            }
        }
        """);

    [Fact]
    public Task ScopeAndResourceBothMissing_ReportsFG0001AndFG0004() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Task RunAsync(string access, ClockIn body)
            {
                var hr = new HrAll({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Read, FactorialResourceScopes.Employees)|});
                return {|FG0001:{|FG0004:hr.Attendance.Clock.ClockInAsync(body)|}|};
            }
        }
        """);

    [Fact]
    public Task UnknownScopeKnownResources_ReportsOnlyFG0004() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Task RunAsync(string access, FactorialScope scope, ClockIn body)
            {
                var hr = new HrAll(FactorialToken.FromAccessToken(access, scope, FactorialResourceScopes.Employees));
                return {|FG0004:hr.Attendance.Clock.ClockInAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task BothBranchesLack_Triggers_WithBothOrigins() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Task RunAsync(string access, bool flag, ClockIn body)
            {
                var token = flag
                    ? FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, {|#1:FactorialResourceScopes.Employees|})
                    : FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, {|#2:FactorialResourceScopes.TimeOff|});
                return {|#0:new HrAll(token).Attendance.Clock.ClockInAsync(body)|};
            }
        }
        """,
        FG0004(0).WithLocation(1).WithLocation(2).WithArguments(
            "ClockResource.ClockInAsync", "FactorialResourceScopes.TimeTracking",
            "FactorialResourceScopes.Employees | FactorialResourceScopes.TimeOff",
            "FactorialResourceScopes.Employees passed to FactorialToken.FromAccessToken on line 11 and FactorialResourceScopes.TimeOff passed to FactorialToken.FromAccessToken on line 12"));

    [Fact]
    public Task TokenSourceAndRefresh_KeepResources_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string access)
            {
                var token = FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees);
                var refreshed = await oauth.RefreshAccessTokenAsync(token);
                var source = new FactorialTokenSource(refreshed);
                var hr = new HrAll(new FactorialConnection(source));
                await {|FG0004:hr.TimeOff.Leaves.ListAsync()|};
            }
        }
        """);

    [Fact]
    public Task DeclaredReturnValue_AcrossMethods_Triggers() => Verify.VerifyAsync(Usings + """
        class Tokens
        {
            [return: FactorialTokenScope(FactorialScope.ReadWrite, Resources = FactorialResourceScopes.TimeOff)]
            public static FactorialToken Load() => throw new NotImplementedException();
        }

        class Job
        {
            Task RunAsync() => {|FG0004:new HrAll(Tokens.Load()).Employees.Employees.GetAsync("1")|};
        }
        """);

    [Fact]
    public Task CapturedByLambda_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Func<Task> Bind(string access)
            {
                var hr = new HrAll(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.CompanyLocations));
                return () => {|FG0004:hr.TimeOff.Leaves.ListAsync()|};
            }
        }
        """);

    // ---- Does not trigger -------------------------------------------------------------------------------------

    [Fact]
    public Task TokenHasTheResource_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key, ClockIn body)
            {
                var request = oauth.Authorize(FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking);
                var hr = new HrAll(await oauth.ObtainAccessTokenAsync(request, key));
                await hr.Employees.Employees.GetAsync("1");
                await hr.Attendance.Clock.ClockInAsync(body);
            }
        }
        """);

    [Fact]
    public Task OperationOutsideTheTable_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Task RunAsync(string access) =>
                new HrAll(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees)).Approvals.Requests.ListAsync();
        }
        """);

    [Fact]
    public Task ReadWriteOnlyTokens_DoNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string access, string key, FactorialApiKey apiKey)
            {
                await new HrAll(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite)).TimeOff.Leaves.ListAsync();
                await new HrAll(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.None)).TimeOff.Leaves.ListAsync();
                await new HrAll(await oauth.ObtainAccessTokenAsync(oauth.Authorize(FactorialScope.ReadWrite), key)).Locations.WorkAreas.ListAsync();
                await new HrAll(apiKey).Locations.WorkAreas.ListAsync();
            }
        }
        """);

    [Fact]
    public Task DeclaredWithoutResources_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Exporter
        {
            public Task ExportAsync([FactorialTokenScope(FactorialScope.ReadWrite)] FactorialToken token) =>
                new HrAll(token).TimeOff.Leaves.ListAsync();
        }
        """);

    [Fact]
    public Task UnknownResources_DoNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Task RunAsync(string access, FactorialResourceScopes granted) =>
                new HrAll(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, granted)).TimeOff.Leaves.ListAsync();
        }
        """);

    [Fact]
    public Task LackingOnOnePathOnly_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string access, bool flag, ClockIn body)
            {
                // Either Employees and TimeOff, or Employees and TimeTracking: the token may have TimeTracking.
                var token = FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeOff);
                if (flag)
                {
                    token = FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking);
                }

                await new HrAll(token).Attendance.Clock.ClockInAsync(body);
            }
        }
        """);

    [Fact]
    public Task UnknownOnOnePath_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string access, bool flag, FactorialToken stored)
            {
                var token = flag ? FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees) : stored;
                await new HrAll(token).TimeOff.Leaves.ListAsync();
                var plain = flag ? FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees) : FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite);
                await new HrAll(plain).TimeOff.Leaves.ListAsync();
                var none = flag ? FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees) : FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.None);
                await new HrAll(none).TimeOff.Leaves.ListAsync();
            }
        }
        """);
}
