using FactorialGen.CodeFixes;
using FactorialGen.Generator.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Test = FactorialGen.Analyzers.Tests.ScopeCodeFixTest<FactorialGen.Generator.Analyzers.ScopeAnalyzer, FactorialGen.CodeFixes.WidenTokenScopeCodeFixProvider>;

namespace FactorialGen.Analyzers.Tests;

/// <summary>The FG0001/FG0002 fix: widen the constant scope at the token's origin.</summary>
public sealed class WidenScopeCodeFixTests
{
    private static Test Create(string source, string fixedSource, string title = "Widen the token's scope to FactorialScope.ReadWrite")
    {
        var test = new Test(source, fixedSource, WidenTokenScopeCodeFixProvider.EquivalenceKey);
        test.CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title);
        return test;
    }

    [Fact]
    public Task AuthorizeRead_Triggers() => Create(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key, TerminateRequest body)
            {
                var request = oauth.Authorize(FactorialScope.Read);
                var admin = new HrAdmin({|FG0002:await oauth.ObtainAccessTokenAsync(request, key)|});
                await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """, /* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key, TerminateRequest body)
            {
                var request = oauth.Authorize(FactorialScope.ReadWrite);
                var admin = new HrAdmin(await oauth.ObtainAccessTokenAsync(request, key));
                await admin.Employees.Employees.TerminateAsync(body);
            }
        }
        """).RunAsync();

    [Fact]
    public Task FromAccessTokenWrite_ReadCall_Triggers() => Create(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            Task<EmployeesEmployee> RunAsync(string access)
            {
                var admin = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Write)|});
                return {|FG0001:admin.Employees.Employees.GetAsync("1")|};
            }
        }
        """, /* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            Task<EmployeesEmployee> RunAsync(string access)
            {
                var admin = new HrAdmin(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite));
                return admin.Employees.Employees.GetAsync("1");
            }
        }
        """).RunAsync();

    [Fact]
    public Task DeclaredTokenScopeAttribute_Triggers() => Create(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            Task RunAsync([FactorialTokenScope(FactorialScope.Read)] HrAdmin admin, TerminateRequest body) =>
                {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
        }
        """, /* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            Task RunAsync([FactorialTokenScope(FactorialScope.ReadWrite)] HrAdmin admin, TerminateRequest body) =>
                admin.Employees.Employees.TerminateAsync(body);
        }
        """).RunAsync();

    [Fact]
    public Task UsingStaticQualifiedAndConstantLocal_Triggers() => Create(/* lang=c#-test */ """
        using Acme.Hr;
        using FactorialGen;
        using static FactorialGen.FactorialScope;

        class Setup
        {
            void Create(string access)
            {
                const FactorialScope scope = Read;
                var a = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, Read)|});
                var b = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, global::FactorialGen.FactorialScope.Read)|});
                var c = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, scope)|});
            }
        }
        """, /* lang=c#-test */ """
        using Acme.Hr;
        using FactorialGen;
        using static FactorialGen.FactorialScope;

        class Setup
        {
            void Create(string access)
            {
                const FactorialScope scope = Read;
                var a = new HrAdmin(FactorialToken.FromAccessToken(access, ReadWrite));
                var b = new HrAdmin(FactorialToken.FromAccessToken(access, global::FactorialGen.FactorialScope.ReadWrite));
                var c = new HrAdmin(FactorialToken.FromAccessToken(access, ReadWrite));
            }
        }
        """).RunAsync();

    [Fact]
    public Task OriginOnEveryBranch_Triggers() => Create(/* lang=c#-test */ """
        using Acme.Hr;
        using FactorialGen;

        class Setup
        {
            HrAdmin Create(bool company, FactorialOAuth oauth)
            {
                var request = company ? oauth.Authorize(FactorialScope.Read, FactorialResourceOwner.Company) : oauth.Authorize(FactorialScope.Read);
                return new HrAdmin({|FG0002:oauth.ObtainAccessTokenAsync(request, "key").Result|});
            }
        }
        """, /* lang=c#-test */ """
        using Acme.Hr;
        using FactorialGen;

        class Setup
        {
            HrAdmin Create(bool company, FactorialOAuth oauth)
            {
                var request = company ? oauth.Authorize(FactorialScope.ReadWrite, FactorialResourceOwner.Company) : oauth.Authorize(FactorialScope.ReadWrite);
                return new HrAdmin(oauth.ObtainAccessTokenAsync(request, "key").Result);
            }
        }
        """).RunAsync();

    [Fact]
    public Task FixAllInDocument_Triggers()
    {
        var test = Create(/* lang=c#-test */ """
            using System.Threading.Tasks;
            using Acme.Hr;
            using FactorialGen;

            class Job
            {
                async Task RunAsync(FactorialOAuth oauth, string access, TerminateRequest body)
                {
                    var admin = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Read)|});
                    await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
                    await {|FG0001:admin.Attendance.Shifts.ClockInAsync(new ClockInRequest("1"))|};

                    var clock = new HrClock({|FG0002:await oauth.AuthorizeFromConsoleAsync(FactorialScope.Read, System.Console.In, System.Console.Out)|});
                    await {|FG0001:clock.Attendance.Shifts.ClockInAsync(new ClockInRequest("1"))|};
                }
            }
            """, /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Acme.Hr;
            using FactorialGen;

            class Job
            {
                async Task RunAsync(FactorialOAuth oauth, string access, TerminateRequest body)
                {
                    var admin = new HrAdmin(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite));
                    await admin.Employees.Employees.TerminateAsync(body);
                    await admin.Attendance.Shifts.ClockInAsync(new ClockInRequest("1"));

                    var clock = new HrClock(await oauth.AuthorizeFromConsoleAsync(FactorialScope.ReadWrite, System.Console.In, System.Console.Out));
                    await clock.Attendance.Shifts.ClockInAsync(new ClockInRequest("1"));
                }
            }
            """);
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllInSolution_Triggers()
    {
        var test = Create(/* lang=c#-test */ """
            using Acme.Hr;
            using FactorialGen;

            class First
            {
                HrAdmin Create(string access) => new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Read)|});
            }
            """, /* lang=c#-test */ """
            using Acme.Hr;
            using FactorialGen;

            class First
            {
                HrAdmin Create(string access) => new HrAdmin(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite));
            }
            """);
        test.TestState.Sources.Add(("/0/Second.cs", /* lang=c#-test */ """
            using Acme.Hr;
            using FactorialGen;

            class Second
            {
                HrClock Create(FactorialOAuth oauth) => new HrClock({|FG0002:oauth.ObtainAccessTokenAsync(oauth.Authorize(FactorialScope.Read), "key").Result|});
            }
            """));
        test.FixedState.Sources.Add(("/0/Second.cs", /* lang=c#-test */ """
            using Acme.Hr;
            using FactorialGen;

            class Second
            {
                HrClock Create(FactorialOAuth oauth) => new HrClock(oauth.ObtainAccessTokenAsync(oauth.Authorize(FactorialScope.ReadWrite), "key").Result);
            }
            """));
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task OriginInAnotherDocument_DoesNotTrigger()
    {
        const string source = /* lang=c#-test */ """
            using Acme.Hr;

            class Setup
            {
                HrAdmin Create() => new HrAdmin({|FG0002:Tokens.Load()|});
            }
            """;
        const string tokens = /* lang=c#-test */ """
            using FactorialGen;

            static class Tokens
            {
                [return: FactorialTokenScope(FactorialScope.Read)]
                public static FactorialToken Load() => FactorialToken.FromAccessToken("a", FactorialScope.Read);
            }
            """;
        var test = new Test(source, source, WidenTokenScopeCodeFixProvider.EquivalenceKey);
        test.TestState.Sources.Add(("/0/Tokens.cs", tokens));
        test.FixedState.Sources.Add(("/0/Tokens.cs", tokens));
        return test.RunAsync();
    }
}
