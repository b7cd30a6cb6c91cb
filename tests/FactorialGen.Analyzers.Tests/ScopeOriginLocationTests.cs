using static FactorialGen.Analyzers.Tests.Sources;
using Verify = FactorialGen.Analyzers.Tests.ScopeAnalyzerTest;

namespace FactorialGen.Analyzers.Tests;

/// <summary>
/// Class 7: every diagnostic says where the token's scope came from — the authorization, the token's creation or the
/// declaration — in its message and as additional locations, however the token travelled to the call.
/// </summary>
/// <remarks>Test code starts on line 9 of the file (after <see cref="Sources.Usings"/>).</remarks>
public sealed class ScopeOriginLocationTests
{
    [Fact]
    public Task PrimaryConstructorParameter_PointsAtItsAttribute() => Verify.VerifyAsync(Usings + """
        class Job([FactorialTokenScope({|#1:FactorialScope.Read|})] FactorialToken token)
        {
            Task RunAsync(TerminateRequest body) => {|#0:new HrAdmin(token).Employees.Employees.TerminateAsync(body)|};
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read", "[FactorialTokenScope(FactorialScope.Read)] on parameter 'token' on line 9"),
        Verify.Diagnostic("FG0002").WithSpan(11, 57, 11, 62).WithLocation(1)
            .WithArguments("HrAdmin", "ReadWrite", "Read", "[FactorialTokenScope(FactorialScope.Read)] on parameter 'token' on line 9"));

    [Fact]
    public Task RecordPositionalParameter_PointsAtTheParameterAttribute() => Verify.VerifyAsync(Usings + """
        record Job([FactorialTokenScope({|#1:FactorialScope.Read|})] HrAdmin Admin)
        {
            Task RunAsync(TerminateRequest body) => {|#0:Admin.Employees.Employees.TerminateAsync(body)|};
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read", "[FactorialTokenScope(FactorialScope.Read)] on parameter 'Admin' on line 9"));

    [Fact]
    public Task StaticReadonlyScope_PointsAtTheFieldInitializer() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private static readonly FactorialScope Narrow = {|#1:FactorialScope.Read|};

            Task RunAsync(string a, TerminateRequest body) =>
                {|#0:new HrAdmin({|#2:FactorialToken.FromAccessToken(a, Narrow)|}).Employees.Employees.TerminateAsync(body)|};
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read", "FactorialScope.Read passed to FactorialToken.FromAccessToken through field 'Narrow' on line 11"),
        Verify.Diagnostic("FG0002").WithLocation(2).WithLocation(1)
            .WithArguments("HrAdmin", "ReadWrite", "Read", "FactorialScope.Read passed to FactorialToken.FromAccessToken through field 'Narrow' on line 11"));

    [Fact]
    public Task ReadonlyFieldFromConstructor_PointsAtTheTokenCreation() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private readonly HrAdmin _admin;

            public Job(FactorialOAuth oauth, string key) => _admin = Create(oauth, key);

            static HrAdmin Create(FactorialOAuth oauth, string key) => null!;

            [FactorialTokenScope({|#1:FactorialScope.Read|})]
            private readonly HrAdmin _reports = null!;

            Task RunAsync(TerminateRequest body) => {|#0:_reports.Employees.Employees.TerminateAsync(body)|};

            Task OtherAsync(TerminateRequest body) => _admin.Employees.Employees.TerminateAsync(body);
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read", "[FactorialTokenScope(FactorialScope.Read)] on field '_reports' on line 17"));

    [Fact]
    public Task ReadonlyTokenField_PointsAtTheConstantInTheConstructor() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private readonly FactorialToken _token;

            public Job(string a) => _token = FactorialToken.FromAccessToken(a, {|#1:FactorialScope.Read|});

            Task RunAsync(TerminateRequest body) => {|#0:new HrAdmin({|#2:_token|}).Employees.Employees.TerminateAsync(body)|};
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read", "FactorialScope.Read passed to FactorialToken.FromAccessToken on line 13"),
        Verify.Diagnostic("FG0002").WithLocation(2).WithLocation(1)
            .WithArguments("HrAdmin", "ReadWrite", "Read", "FactorialScope.Read passed to FactorialToken.FromAccessToken on line 13"));

    [Fact]
    public Task InterfaceParameter_PointsAtTheInterfaceAttribute() => Verify.VerifyAsync(Usings + """
        interface IJob
        {
            Task RunAsync([FactorialTokenScope({|#1:FactorialScope.Read|})] HrAdmin admin, TerminateRequest body);
        }

        class Job : IJob
        {
            public Task RunAsync(HrAdmin admin, TerminateRequest body) => {|#0:admin.Employees.Employees.TerminateAsync(body)|};
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read", "[FactorialTokenScope(FactorialScope.Read)] on parameter 'admin' on line 11"));

    [Fact]
    public Task TokenSource_PointsAtTheAuthorization() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key, TerminateRequest body)
            {
                var token = await oauth.ObtainAccessTokenAsync(oauth.Authorize({|#1:FactorialScope.Read|}), key);
                var source = new FactorialTokenSource(token, oauth);
                var admin = new HrAdmin(new FactorialConnection(source));
                await {|#0:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read", "FactorialScope.Read passed to FactorialOAuth.Authorize on line 13"),
        Verify.Diagnostic("FG0002").WithSpan(15, 33, 15, 64).WithLocation(1)
            .WithArguments("HrAdmin", "ReadWrite", "Read", "FactorialScope.Read passed to FactorialOAuth.Authorize on line 13"));

    [Fact]
    public Task TwoPaths_BothOriginsListed() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, bool flag, [FactorialTokenScope({|#2:FactorialScope.Read|})] FactorialToken fallback, TerminateRequest body)
            {
                var token = flag ? FactorialToken.FromAccessToken(a, {|#1:FactorialScope.Read|}) : fallback;
                await {|#0:new HrAdmin({|#3:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(2).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read",
                "[FactorialTokenScope(FactorialScope.Read)] on parameter 'fallback' on line 11 and FactorialScope.Read passed to FactorialToken.FromAccessToken on line 13"),
        Verify.Diagnostic("FG0002").WithLocation(3).WithLocation(2).WithLocation(1)
            .WithArguments("HrAdmin", "ReadWrite", "Read",
                "[FactorialTokenScope(FactorialScope.Read)] on parameter 'fallback' on line 11 and FactorialScope.Read passed to FactorialToken.FromAccessToken on line 13"));

    [Fact]
    public Task LocalFunctionAndPattern_PointAtTheCreation() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                object stored = Load();
                if (stored is FactorialToken token)
                {
                    await {|#0:new HrAdmin({|#2:token|}).Employees.Employees.TerminateAsync(body)|};
                }

                FactorialToken Load() => FactorialToken.FromAccessToken(a, {|#1:FactorialScope.Read|});
            }
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read", "FactorialScope.Read passed to FactorialToken.FromAccessToken on line 19"),
        Verify.Diagnostic("FG0002").WithLocation(2).WithLocation(1)
            .WithArguments("HrAdmin", "ReadWrite", "Read", "FactorialScope.Read passed to FactorialToken.FromAccessToken on line 19"));

    [Fact]
    public Task OutParameter_PointsAtTheOutAttribute() => Verify.VerifyAsync(Usings + """
        static class Vault
        {
            public static void Load([FactorialTokenScope({|#1:FactorialScope.Read|})] out HrAdmin admin) => admin = null!;
        }

        class Job
        {
            Task RunAsync(TerminateRequest body)
            {
                Vault.Load(out var admin);
                return {|#0:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read", "[FactorialTokenScope(FactorialScope.Read)] on parameter 'admin' on line 11"));
}
