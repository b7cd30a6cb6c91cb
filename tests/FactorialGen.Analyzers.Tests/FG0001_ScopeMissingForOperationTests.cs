using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = FactorialGen.Analyzers.Tests.ScopeAnalyzerTest;

namespace FactorialGen.Analyzers.Tests;

/// <summary>FG0001: an operation needs a scope the client's token is known to lack.</summary>
public sealed class FG0001_ScopeMissingForOperationTests
{
    // ---- Sources of scope knowledge ----------------------------------------------------------------------------

    [Fact]
    public Task FromAccessToken_ReadToken_WriteCall_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(string accessToken, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(accessToken, {|#1:FactorialScope.Read|});
                using var admin = new HrAdmin({|#2:token|});
                await {|#0:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read", "FactorialScope.Read passed to FactorialToken.FromAccessToken on line 9"),
        Verify.Diagnostic("FG0002").WithLocation(2).WithLocation(1)
            .WithArguments("HrAdmin", "ReadWrite", "Read", "FactorialScope.Read passed to FactorialToken.FromAccessToken on line 9"));

    [Fact]
    public Task TokenConstructor_ReadScope_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(string access, string refresh, ClockInRequest body)
            {
                var token = new FactorialToken(access, refresh, FactorialScope.Read, DateTimeOffset.UtcNow, expiresAt: null);
                var admin = new HrAdmin({|FG0002:token|});
                await {|FG0001:admin.Attendance.Shifts.ClockInAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task AuthorizeThenObtain_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key, TerminateRequest body)
            {
                var request = oauth.Authorize({|#1:FactorialScope.Read|});
                var token = await oauth.ObtainAccessTokenAsync(request, key);
                var admin = new HrAdmin({|#2:token|});
                await {|#0:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read", "FactorialScope.Read passed to FactorialOAuth.Authorize on line 9"),
        Verify.Diagnostic("FG0002").WithLocation(2).WithLocation(1)
            .WithArguments("HrAdmin", "ReadWrite", "Read", "FactorialScope.Read passed to FactorialOAuth.Authorize on line 9"));

    [Fact]
    public Task AuthorizeWithOwner_TaskStoredThenAwaitedWithConfigureAwait_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key, TerminateRequest body)
            {
                FactorialAuthorizationRequest request;
                request = oauth.Authorize(FactorialScope.Read, FactorialResourceOwner.Company);
                Task<FactorialToken> pending = oauth.ObtainAccessTokenAsync(request, key);
                FactorialToken token = await pending.ConfigureAwait(false);
                var admin = new HrAdmin({|FG0002:token|});
                await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|}.ConfigureAwait(false);
            }
        }
        """);

    [Fact]
    public Task AuthorizeFromConsole_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, TerminateRequest body)
            {
                var token = await oauth.AuthorizeFromConsoleAsync(FactorialScope.Read, Console.In, Console.Out);
                var admin = new HrAdmin({|FG0002:token|});
                await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task RefreshOfKnownToken_KeepsScope_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key, TerminateRequest body)
            {
                var token = await oauth.ObtainAccessTokenAsync(oauth.Authorize(FactorialScope.Read), key);
                token = await oauth.RefreshAccessTokenAsync(token);
                var admin = new HrAdmin({|FG0002:token|});
                await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task TokenScopeParameter_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync([FactorialTokenScope(FactorialScope.Read)] FactorialToken token, TerminateRequest body)
            {
                var admin = new HrAdmin({|FG0002:token|});
                await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task TokenScopeOnClientParameter_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            Task RunAsync([FactorialTokenScope({|#1:FactorialScope.Read|})] HrAdmin admin, TerminateRequest body) =>
                {|#0:admin.Employees.Employees.TerminateAsync(body)|};
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read", "[FactorialTokenScope(FactorialScope.Read)] on parameter 'admin' on line 7"));

    [Fact]
    public Task TokenScopeFieldAndProperty_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            [FactorialTokenScope(FactorialScope.Read)]
            private readonly FactorialToken _token;

            public Job(FactorialToken token) => _token = token;

            [FactorialTokenScope(FactorialScope.Read)]
            public HrAdmin Admin { get; set; } = null!;

            async Task RunAsync(TerminateRequest body)
            {
                var admin = new HrAdmin({|FG0002:_token|});
                await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
                await {|FG0001:this.Admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task TokenScopeReturnValue_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        static class Tokens
        {
            [return: FactorialTokenScope(FactorialScope.Read)]
            public static FactorialToken Load() => FactorialToken.FromAccessToken("a", FactorialScope.Read);

            [return: FactorialTokenScope(FactorialScope.Read)]
            public static Task<FactorialToken> LoadAsync() => Task.FromResult(Load());
        }

        class Job
        {
            async Task RunAsync(TerminateRequest body)
            {
                var first = new HrAdmin({|FG0002:Tokens.Load()|});
                await {|FG0001:first.Employees.Employees.TerminateAsync(body)|};
                var second = new HrAdmin({|FG0002:await Tokens.LoadAsync()|});
                await {|FG0001:second.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task ClientFromConnectionAndTokenSource_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(string access, ITokenStore store, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                var connection = new FactorialConnection(token, store);
                var admin = new HrAdmin({|FG0002:connection|});
                await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};

                var shared = new FactorialConnection(new FactorialTokenSource(token));
                var other = new HrAdmin({|FG0002:shared|});
                await {|FG0001:other.Employees.Employees.TerminateAsync(body)|};

                var third = new HrAdmin({|FG0002:admin.Connection|});
                await {|FG0001:third.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task WriteOnlyToken_ReadCall_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(string access)
            {
                var admin = new HrAdmin({|#2:FactorialToken.FromAccessToken(access, {|#1:FactorialScope.Write|})|});
                await {|#0:admin.Employees.Employees.GetAsync("1")|};
            }
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1)
            .WithArguments("EmployeesResource.GetAsync", "Read", "Write", "FactorialScope.Write passed to FactorialToken.FromAccessToken on line 9"),
        Verify.Diagnostic("FG0002").WithLocation(2).WithLocation(1)
            .WithArguments("HrAdmin", "ReadWrite", "Write", "FactorialScope.Write passed to FactorialToken.FromAccessToken on line 9"));

    // ---- Must-analysis over branches and loops -------------------------------------------------------------------

    [Fact]
    public Task ReadOnEveryBranch_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(bool company, FactorialOAuth oauth, string key, TerminateRequest body)
            {
                FactorialAuthorizationRequest request;
                if (company)
                {
                    request = oauth.Authorize({|#1:FactorialScope.Read|}, FactorialResourceOwner.Company);
                }
                else
                {
                    request = oauth.Authorize({|#2:FactorialScope.Read|});
                }

                var admin = new HrAdmin({|#3:await oauth.ObtainAccessTokenAsync(request, key)|});
                await {|#0:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """,
        Verify.Diagnostic("FG0001").WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("EmployeesResource.TerminateAsync", "Write", "Read",
                "FactorialScope.Read passed to FactorialOAuth.Authorize on line 12 and FactorialScope.Read passed to FactorialOAuth.Authorize on line 16"),
        Verify.Diagnostic("FG0002").WithLocation(3).WithLocation(1).WithLocation(2)
            .WithArguments("HrAdmin", "ReadWrite", "Read",
                "FactorialScope.Read passed to FactorialOAuth.Authorize on line 12 and FactorialScope.Read passed to FactorialOAuth.Authorize on line 16"));

    [Fact]
    public Task ConditionalAndNullCoalescingExpressions_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(bool fresh, string a, string b, [FactorialTokenScope(FactorialScope.Read)] FactorialToken? cached, TerminateRequest body)
            {
                var token = fresh ? FactorialToken.FromAccessToken(a, FactorialScope.Read) : FactorialToken.FromAccessToken(b, FactorialScope.Read);
                var admin = new HrAdmin({|FG0002:token|});
                await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};

                var other = new HrAdmin({|FG0002:cached ?? token|});
                await {|FG0001:other.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task InsideLoops_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(IReadOnlyList<string> ids, string access)
            {
                var admin = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Read)|});
                foreach (var id in ids)
                {
                    await {|FG0001:admin.Employees.Employees.TerminateAsync(new TerminateRequest(id))|};
                }

                var token = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                for (var i = 0; i < ids.Count; i++)
                {
                    var client = new HrAdmin({|FG0002:token|});
                    await {|FG0001:client.Employees.Employees.TerminateAsync(new TerminateRequest(ids[i]))|};
                    token = FactorialToken.FromAccessToken(ids[i], FactorialScope.Read);
                }
            }
        }
        """);

    [Fact]
    public Task SwitchOnEveryCase_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(int source, string access, TerminateRequest body)
            {
                FactorialToken token;
                switch (source)
                {
                    case 1:
                        token = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                        break;
                    default:
                        token = await new FactorialOAuth(new FactorialApp("id", "secret", "https://localhost/cb")).AuthorizeFromConsoleAsync(FactorialScope.Read, System.Console.In, System.Console.Out);
                        break;
                }

                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task LoopBackEdgeBringsWriteScope_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(string access, Func<bool> more, TerminateRequest body)
            {
                var admin = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Read)|});
                while (more())
                {
                    // Read on the first iteration, Write on the next ones: not every path lacks Write.
                    await admin.Employees.Employees.TerminateAsync(body);
                    admin = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Write)|});
                }
            }
        }
        """);

    [Fact]
    public Task CaughtExceptionPathAndLocalFunctionBeforeReassignment_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(string access, ITokenStore store, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite);
                try
                {
                    token = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                    await store.SaveAsync(token);
                }
                catch (InvalidOperationException)
                {
                }

                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);

                var captured = FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite);
                await TerminateAsync();
                captured = FactorialToken.FromAccessToken(access, FactorialScope.Read);

                async Task TerminateAsync() => await new HrAdmin(captured).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements_Triggers()
    {
        var test = new Verify(/* lang=c#-test */ """
            using Acme.Hr;
            using FactorialGen;

            using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", "https://localhost/callback"));
            var request = oauth.Authorize(FactorialScope.Read);
            var token = await oauth.ObtainAccessTokenAsync(request, System.Console.ReadLine()!);
            using var admin = new HrAdmin({|FG0002:token|});
            await {|FG0001:admin.Employees.Employees.TerminateAsync(new TerminateRequest("1"))|};
            """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    // ---- Lambdas, local functions, other shapes -------------------------------------------------------------------

    [Fact]
    public Task CapturedByLambdaAndLocalFunction_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(string access, TerminateRequest body)
            {
                var admin = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Read)|});
                Func<Task> terminate = async () => await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
                await terminate();
                await ClockInAsync();

                Task ClockInAsync() => {|FG0001:admin.Attendance.Shifts.ClockInAsync(new ClockInRequest("1"))|};
            }
        }
        """);

    [Fact]
    public Task InsideLambdaAndLambdaParameterScope_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            void Run(string access, TerminateRequest body)
            {
                Func<Task> inner = async () =>
                {
                    var admin = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Read)|});
                    await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
                };
                Func<HrAdmin, Task> withParameter = ([FactorialTokenScope(FactorialScope.Read)] HrAdmin admin) =>
                    {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task GroupLocalConditionalAccessAndExpressionBody_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync([FactorialTokenScope(FactorialScope.Read)] HrAdmin? admin, TerminateRequest body)
            {
                var employees = admin!.Employees.Employees;
                await {|FG0001:employees.TerminateAsync(body)|};
                var pending = admin?{|FG0001:.Employees.Employees.TerminateAsync(body)|};
            }

            Task Terminate(string access, TerminateRequest body) =>
                {|FG0001:new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Read)|}).Employees.Employees.TerminateAsync(body)|};
        }
        """);

    // ---- Configuration and suppression --------------------------------------------------------------------------

    private const string ReadTokenWriteCall = /* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(string access, TerminateRequest body)
            {
                var admin = new HrAdmin({|#1:FactorialToken.FromAccessToken(access, FactorialScope.Read)|});
                await {|#0:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """;

    [Fact]
    public async Task EditorConfigSeverityError_Triggers()
    {
        // The test harness pins the severity of the analyzer's ids in the compilation options, so this runs the
        // analyzer like the command-line compiler: a project whose .editorconfig feeds the syntax-tree options.
        var source = ReadTokenWriteCall.Replace("{|#1:", "").Replace("{|#0:", "").Replace("|}", "");
        var (diagnostics, _) = await AnalyzerRunner.RunAsync(source, editorConfig: "root = true\n\n[*.cs]\ndotnet_diagnostic.FG0001.severity = error\n");
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, d => d.Id == "FG0001").Severity);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics, d => d.Id == "FG0002").Severity);
    }

    [Fact]
    public Task EditorConfigSeverityNone_DoesNotTrigger()
    {
        var test = new Verify(ReadTokenWriteCall);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.FG0001.severity = none\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("FG0002").WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        return test.RunAsync();
    }

    [Fact]
    public Task PragmaWarningDisable_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(string access, TerminateRequest body)
            {
                var admin = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Read)|});
        #pragma warning disable FG0001 // the server grants write to this app whatever it asks for
                await admin.Employees.Employees.TerminateAsync(body);
        #pragma warning restore FG0001
            }
        }
        """);

    [Fact]
    public Task SuppressMessageAttribute_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Diagnostics.CodeAnalysis;
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            [SuppressMessage("FactorialGen.Scope", "FG0001", Justification = "Tested against the sandbox")]
            async Task RunAsync(string access, TerminateRequest body)
            {
                var admin = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Read)|});
                await admin.Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    // ---- Unknown or sufficient scopes stay silent ---------------------------------------------------------------

    [Fact]
    public Task TokenFromStore_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(ITokenStore store, TerminateRequest body)
            {
                var token = await store.LoadAsync();
                var admin = new HrAdmin(token!);
                await admin.Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task ReturnValueWithoutDeclaredScope_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            static FactorialToken Load() => FactorialToken.FromAccessToken("a", FactorialScope.Read);

            async Task RunAsync(TerminateRequest body)
            {
                var admin = new HrAdmin(Load());
                await admin.Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task ReassignedFromUnknownOnOnePath_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(bool reload, ITokenStore store, string access, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                if (reload)
                {
                    token = (await store.LoadAsync())!;
                }

                var admin = new HrAdmin(token);
                await admin.Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task ReadWriteOnOnePath_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(bool admin, FactorialOAuth oauth, string key, TerminateRequest body)
            {
                var request = admin ? oauth.Authorize(FactorialScope.ReadWrite) : oauth.Authorize(FactorialScope.Read);
                var client = new HrAdmin(await oauth.ObtainAccessTokenAsync(request, key));
                await client.Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task ReadWriteToken_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key, string access, TerminateRequest body)
            {
                var admin = new HrAdmin(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite));
                await admin.Employees.Employees.TerminateAsync(body);
                await admin.Employees.Employees.GetAsync("1");

                var fromDefault = new HrAdmin(await oauth.ObtainAccessTokenAsync(oauth.Authorize(), key));
                await fromDefault.Attendance.Shifts.ClockInAsync(new ClockInRequest("1"));
            }
        }
        """);

    [Fact]
    public Task ReadTokenReadCall_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key)
            {
                var request = oauth.Authorize(FactorialScope.Read);
                using var hr = new HrReports(await oauth.ObtainAccessTokenAsync(request, key));
                await hr.Employees.Employees.GetAsync("1");
            }
        }
        """);

    [Fact]
    public Task ApiKeyAndHttpClientClients_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(string key, HttpClient http, TerminateRequest body)
            {
                var admin = new HrAdmin(new FactorialApiKey(key));
                await admin.Employees.Employees.TerminateAsync(body);
                var viaConnection = new HrAdmin(new FactorialConnection(new FactorialApiKey(key)));
                await viaConnection.Employees.Employees.TerminateAsync(body);
                var viaHttp = new HrAdmin(http);
                await viaHttp.Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task LoopReassignsUnknownOnBackEdge_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(IReadOnlyList<ITokenStore> stores, string access, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                foreach (var store in stores)
                {
                    var admin = new HrAdmin(token);
                    await admin.Employees.Employees.TerminateAsync(body);
                    token = (await store.LoadAsync())!;
                }
            }
        }
        """);

    [Fact]
    public Task WrittenByRefOutRefConditionalOrInLambda_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            static void Swap(ref FactorialToken token) { }
            static bool TryLoad(out FactorialToken token) { token = null!; return false; }

            async Task RunAsync(bool flag, string access, Func<FactorialToken> load, TerminateRequest body)
            {
                var left = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                var right = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                (flag ? ref left : ref right) = load();
                await new HrAdmin(left).Employees.Employees.TerminateAsync(body);

                var byRef = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                Swap(ref byRef);
                await new HrAdmin(byRef).Employees.Employees.TerminateAsync(body);

                var byOut = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                TryLoad(out byOut);
                await new HrAdmin(byOut).Employees.Employees.TerminateAsync(body);

                var byLambda = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                Action reload = () => byLambda = load();
                reload();
                await new HrAdmin(byLambda).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task UnknownScopeSources_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            private FactorialToken _token = FactorialToken.FromAccessToken("a", FactorialScope.Read);

            async Task RunAsync(FactorialOAuth oauth, FactorialScope scope, string key, string refresh, bool flag, TerminateRequest body)
            {
                var bareKey = new HrAdmin(await oauth.ObtainAccessTokenAsync(key));
                await bareKey.Employees.Employees.TerminateAsync(body);

                var bareRefresh = new HrAdmin(await oauth.RefreshAccessTokenAsync(refresh));
                await bareRefresh.Employees.Employees.TerminateAsync(body);

                var variable = new HrAdmin(FactorialToken.FromAccessToken(key, scope));
                await variable.Employees.Employees.TerminateAsync(body);

                var either = new HrAdmin(FactorialToken.FromAccessToken(key, flag ? FactorialScope.Read : FactorialScope.Write));
                await either.Employees.Employees.TerminateAsync(body);

                var field = new HrAdmin(_token);
                await field.Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task AssignedInFinallyOrPattern_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;

        class Job
        {
            async Task RunAsync(string access, ITokenStore store, object cached, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                try
                {
                    await store.SaveAsync(token);
                }
                finally
                {
                    token = (await store.LoadAsync())!;
                }

                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);

                if (cached is FactorialToken fromCache)
                {
                    await new HrAdmin(fromCache).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task HandWrittenClientMembers_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Threading.Tasks;
        using FactorialGen;

        namespace Acme.Hr
        {
            // Members a user adds to the partial client are not the generated contract: they are not trusted to share
            // the client's token (a settable group property, a constructor that ignores its token).
            public partial class HrAdmin
            {
                public HrAdmin(FactorialToken ignored, string apiKey) : this(new FactorialApiKey(apiKey)) { }

                public EmployeesNamespace? Spare { get; set; }
            }

            class Job
            {
                async Task RunAsync(string access, string apiKey, TerminateRequest body)
                {
                    var admin = new HrAdmin(FactorialToken.FromAccessToken(access, FactorialScope.Read), apiKey);
                    await admin.Employees.Employees.TerminateAsync(body);

                    var other = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Read)|});
                    other.Spare = new HrAdmin(new FactorialApiKey(apiKey)).Employees;
                    await other.Spare.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task InGeneratedCode_DoesNotTrigger()
    {
        var test = new Verify(string.Empty);
        test.TestState.Sources.Add(("/0/Job.g.cs", /* lang=c#-test */ """
            // <auto-generated/>
            using System.Threading.Tasks;
            using Acme.Hr;
            using FactorialGen;

            class Job
            {
                async Task RunAsync(string access, TerminateRequest body)
                {
                    var admin = new HrAdmin(FactorialToken.FromAccessToken(access, FactorialScope.Read));
                    await admin.Employees.Employees.TerminateAsync(body);
                }
            }
            """));
        return test.RunAsync();
    }
}
