using Microsoft.CodeAnalysis.Testing;
using static FactorialGen.Analyzers.Tests.ResourceScopes.ResourceClients;
using Verify = FactorialGen.Analyzers.Tests.ResourceScopes.ResourceVerify;

namespace FactorialGen.Analyzers.Tests.ResourceScopes;

/// <summary>
/// FG0005: a client declared with <c>Resources = R</c> (<c>HrPeople</c>: Employees | TimeTracking) is given a token whose
/// resource scopes are known to lack some of R. A token of the read/write scheme, an unknown one, a client without
/// <c>Resources</c> and a token lacking on one path only are silent.
/// </summary>
public sealed class FG0005_TokenResourcesDoNotCoverClientTests
{
    [Fact]
    public Task EmployeesToken_ForEmployeesAndTimeTrackingClient_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key)
            {
                var request = oauth.Authorize(FactorialScope.ReadWrite, {|#1:FactorialResourceScopes.Employees|});
                var token = await oauth.ObtainAccessTokenAsync(request, key);
                using var hr = new HrPeople({|#0:token|});
            }
        }
        """,
        Verify.Diagnostic("FG0005").WithLocation(0).WithLocation(1).WithArguments(
            "HrPeople", "FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking", "FactorialResourceScopes.TimeTracking",
            "FactorialResourceScopes.Employees", "FactorialResourceScopes.Employees passed to FactorialOAuth.Authorize on line 10"));

    [Fact]
    public Task TimeOffToken_LacksBoth_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            HrPeople Create(string access) =>
                new HrPeople({|#0:FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, {|#1:FactorialResourceScopes.TimeOff|})|});
        }
        """,
        Verify.Diagnostic("FG0005").WithLocation(0).WithLocation(1).WithArguments(
            "HrPeople", "FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking",
            "FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking", "FactorialResourceScopes.TimeOff",
            "FactorialResourceScopes.TimeOff passed to FactorialToken.FromAccessToken on line 9"));

    [Fact]
    public Task DeclaredCompanyLocationsParameter_ThroughConnection_Triggers() => Verify.VerifyAsync(Usings + """
        class Factory
        {
            public HrPeople Create([FactorialTokenScope(FactorialScope.ReadWrite, Resources = FactorialResourceScopes.CompanyLocations)] FactorialToken token)
            {
                var connection = new FactorialConnection(token);
                return new HrPeople({|FG0005:connection|});
            }
        }
        """);

    [Fact]
    public Task BothBranchesLackTimeTracking_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            HrPeople Create(string access, bool flag)
            {
                var token = FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees);
                if (flag)
                {
                    token = FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeOff);
                }

                return new HrPeople({|FG0005:token|});
            }
        }
        """);

    [Fact]
    public Task TokenCoversOrExceedsTheDeclaration_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            void Create(string access)
            {
                using var exact = new HrPeople(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking));
                using var wider = new HrPeople(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite,
                    FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking | FactorialResourceScopes.CompanyLocations));
            }
        }
        """);

    [Fact]
    public Task ClientWithoutResources_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            HrAll Create(string access) => new HrAll(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.TimeOff));
        }
        """);

    [Fact]
    public Task ReadWriteOnlyOrUnknownTokens_DoNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            void Create(string access, FactorialResourceScopes granted, FactorialApiKey key, [FactorialTokenScope(FactorialScope.ReadWrite)] FactorialToken declared)
            {
                using var a = new HrPeople(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite));
                using var b = new HrPeople(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.None));
                using var c = new HrPeople(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, granted));
                using var d = new HrPeople(key);
                using var e = new HrPeople(declared);
            }
        }
        """);

    [Fact]
    public Task LackingOnOnePathOnly_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            HrPeople Create(string access, bool flag)
            {
                // One path lacks TimeTracking, the other has everything the client declares.
                var token = flag
                    ? FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeOff)
                    : FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking);
                return new HrPeople(token);
            }
        }
        """);
}
