using FactorialGen.CodeFixes;
using FactorialGen.Generator.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using static FactorialGen.Analyzers.Tests.ResourceScopes.ResourceClients;

namespace FactorialGen.Analyzers.Tests.ResourceScopes;

/// <summary>
/// The FG0004/FG0005 fix: add the missing resource scopes at the token's origin (authorization, FromAccessToken,
/// [FactorialTokenScope]), keeping how the code names the enum; fix all joins the needs of every call per origin.
/// </summary>
public sealed class AddTokenResourceScopeCodeFixTests
{
    private static ScopeCodeFixTest<ScopeAnalyzer, AddTokenResourceScopeCodeFixProvider> Create(string source, string fixedSource) =>
        ResourceVerify.CodeFix<ScopeAnalyzer, AddTokenResourceScopeCodeFixProvider>(Usings + source, Usings + fixedSource, AddTokenResourceScopeCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task Authorize_AddsTimeTracking()
    {
        var test = Create("""
            class Job
            {
                async Task RunAsync(FactorialOAuth oauth, string key, ClockIn body)
                {
                    var request = oauth.Authorize(FactorialScope.ReadWrite, FactorialResourceScopes.Employees);
                    var hr = new HrAll(await oauth.ObtainAccessTokenAsync(request, key));
                    await {|FG0004:hr.Attendance.Clock.ClockInAsync(body)|};
                }
            }
            """, """
            class Job
            {
                async Task RunAsync(FactorialOAuth oauth, string key, ClockIn body)
                {
                    var request = oauth.Authorize(FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking);
                    var hr = new HrAll(await oauth.ObtainAccessTokenAsync(request, key));
                    await hr.Attendance.Clock.ClockInAsync(body);
                }
            }
            """);
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Add FactorialResourceScopes.TimeTracking to the token's resource scopes", action.Title);
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_TwoCallsFromOneAuthorization_AddsBoth()
    {
        var test = Create("""
            class Job
            {
                async Task RunAsync(FactorialOAuth oauth, string key, ClockIn body)
                {
                    var request = oauth.Authorize(FactorialScope.ReadWrite, FactorialResourceScopes.Employees);
                    var hr = new HrAll(await oauth.ObtainAccessTokenAsync(request, key));
                    await {|FG0004:hr.Attendance.Clock.ClockInAsync(body)|};
                    await {|FG0004:hr.Locations.WorkAreas.ListAsync()|};
                }
            }
            """, """
            class Job
            {
                async Task RunAsync(FactorialOAuth oauth, string key, ClockIn body)
                {
                    var request = oauth.Authorize(FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking | FactorialResourceScopes.CompanyLocations);
                    var hr = new HrAll(await oauth.ObtainAccessTokenAsync(request, key));
                    await hr.Attendance.Clock.ClockInAsync(body);
                    await hr.Locations.WorkAreas.ListAsync();
                }
            }
            """);

        // One at a time, the first call's scope comes first; fix all adds both at once, in the enum's order.
        test.BatchFixedState.Sources.Add(Usings + """
            class Job
            {
                async Task RunAsync(FactorialOAuth oauth, string key, ClockIn body)
                {
                    var request = oauth.Authorize(FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.CompanyLocations | FactorialResourceScopes.TimeTracking);
                    var hr = new HrAll(await oauth.ObtainAccessTokenAsync(request, key));
                    await hr.Attendance.Clock.ClockInAsync(body);
                    await hr.Locations.WorkAreas.ListAsync();
                }
            }
            """);
        AddSharedSources(test.BatchFixedState);
        return test.RunAsync();
    }

    [Fact]
    public Task FromAccessTokenAndFG0005_WithUsingStaticAndGlobalNames()
    {
        var test = Create("""
            class Job
            {
                void Create(string access)
                {
                    using var a = new HrPeople({|FG0005:FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, Employees)|});
                    using var b = new HrPeople({|FG0005:FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, global::FactorialGen.FactorialResourceScopes.TimeTracking)|});
                }
            }
            """.Insert(0, "using static FactorialGen.FactorialResourceScopes;\n"), """
            class Job
            {
                void Create(string access)
                {
                    using var a = new HrPeople(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, Employees | TimeTracking));
                    using var b = new HrPeople(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, global::FactorialGen.FactorialResourceScopes.TimeTracking | global::FactorialGen.FactorialResourceScopes.Employees));
                }
            }
            """.Insert(0, "using static FactorialGen.FactorialResourceScopes;\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task DeclaredTokenScopeAttribute_AddsTimeOff() => Create("""
        class Exporter
        {
            public Task ExportAsync([FactorialTokenScope(FactorialScope.ReadWrite, Resources = FactorialResourceScopes.CompanyLocations)] FactorialToken token) =>
                {|FG0004:new HrAll(token).TimeOff.Leaves.ListAsync()|};
        }
        """, """
        class Exporter
        {
            public Task ExportAsync([FactorialTokenScope(FactorialScope.ReadWrite, Resources = FactorialResourceScopes.CompanyLocations | FactorialResourceScopes.TimeOff)] FactorialToken token) =>
                new HrAll(token).TimeOff.Leaves.ListAsync();
        }
        """).RunAsync();

    private static void AddSharedSources(SolutionState state)
    {
        state.Sources.Add((TestClients.DeclarationsPath, TestClients.Declarations));
        state.Sources.Add((TestClients.GeneratedPath, TestClients.Generated));
        ResourceClients.AddTo(state);
    }
}
