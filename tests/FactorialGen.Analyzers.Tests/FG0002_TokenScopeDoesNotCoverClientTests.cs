using Microsoft.CodeAnalysis.Testing;
using Verify = FactorialGen.Analyzers.Tests.ScopeAnalyzerTest;

namespace FactorialGen.Analyzers.Tests;

/// <summary>FG0002: a client declared with a scope is given a token whose known scope does not cover it.</summary>
public sealed class FG0002_TokenScopeDoesNotCoverClientTests
{
    [Fact]
    public Task ReadTokenForReadWriteClient_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using FactorialGen;
        using Acme.Hr;

        class Setup
        {
            HrAdmin Create(string access)
            {
                return new HrAdmin({|#0:FactorialToken.FromAccessToken(access, {|#1:FactorialScope.Read|})|});
            }
        }
        """,
        Verify.Diagnostic("FG0002").WithLocation(0).WithLocation(1)
            .WithArguments("HrAdmin", "ReadWrite", "Read", "FactorialScope.Read passed to FactorialToken.FromAccessToken on line 8"));

    [Fact]
    public Task ReadTokenForWriteClient_And_WriteTokenForReadClient_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using FactorialGen;
        using Acme.Hr;

        class Setup
        {
            void Create(string access)
            {
                var clock = new HrClock({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Read)|});
                var reports = new HrReports({|FG0002:FactorialToken.FromAccessToken(access, FactorialScope.Write)|});
            }
        }
        """);

    [Fact]
    public Task TargetTypedNewConnectionAndTokenSource_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using FactorialGen;
        using Acme.Hr;

        class Setup
        {
            void Create(string access, ITokenStore store)
            {
                var token = FactorialToken.FromAccessToken(access, FactorialScope.Read);
                HrAdmin direct = new({|FG0002:token|}, store);
                var viaConnection = new HrAdmin({|FG0002:new FactorialConnection(token, store)|});
                var viaSource = new HrAdmin({|FG0002:new FactorialConnection(new FactorialTokenSource(token, oauth: null, store))|});
            }
        }
        """);

    [Fact]
    public Task DeclaredScopeParameterAndFieldInitializer_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using FactorialGen;
        using Acme.Hr;

        class Setup
        {
            private readonly HrAdmin _admin = new({|FG0002:FactorialToken.FromAccessToken("access", FactorialScope.Read)|});

            HrAdmin Create([FactorialTokenScope(FactorialScope.Read)] FactorialToken token) => new HrAdmin({|FG0002:token|});
        }
        """);

    [Fact]
    public Task ReadOrWriteForReadWriteClient_Triggers() => Verify.VerifyAsync(/* lang=c#-test */ """
        using FactorialGen;
        using Acme.Hr;

        class Setup
        {
            HrAdmin Create(bool clockOnly, string access)
            {
                var token = clockOnly
                    ? FactorialToken.FromAccessToken(access, {|#1:FactorialScope.Write|})
                    : FactorialToken.FromAccessToken(access, {|#2:FactorialScope.Read|});
                return new HrAdmin({|#0:token|});
            }
        }
        """,
        Verify.Diagnostic("FG0002").WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("HrAdmin", "ReadWrite", "Read or Write",
                "FactorialScope.Write passed to FactorialToken.FromAccessToken on line 9 and FactorialScope.Read passed to FactorialToken.FromAccessToken on line 10"));

    [Fact]
    public Task PragmaAndSuppressMessage_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Diagnostics.CodeAnalysis;
        using FactorialGen;
        using Acme.Hr;

        class Setup
        {
            HrAdmin First(string access)
            {
        #pragma warning disable FG0002
                return new HrAdmin(FactorialToken.FromAccessToken(access, FactorialScope.Read));
        #pragma warning restore FG0002
            }

            [SuppressMessage("FactorialGen.Scope", "FG0002:Token scope does not cover the client's declared scope", Justification = "Read-only use")]
            HrAdmin Second(string access) => new HrAdmin(FactorialToken.FromAccessToken(access, FactorialScope.Read));
        }
        """);

    [Fact]
    public Task EditorConfigSeverityNone_DoesNotTrigger()
    {
        var test = new Verify(/* lang=c#-test */ """
            using FactorialGen;
            using Acme.Hr;

            class Setup
            {
                HrAdmin Create(string access) => new HrAdmin(FactorialToken.FromAccessToken(access, FactorialScope.Read));
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.FG0002.severity = none\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task CoveringOrUnknownTokens_DoesNotTrigger() => Verify.VerifyAsync(/* lang=c#-test */ """
        using System.Net.Http;
        using System.Threading.Tasks;
        using FactorialGen;
        using Acme.Hr;

        class Setup
        {
            async Task CreateAsync(bool flag, string access, FactorialOAuth oauth, ITokenStore store, HttpClient http, FactorialToken unknown)
            {
                var reports = new HrReports(FactorialToken.FromAccessToken(access, FactorialScope.Read));
                var reportsFromReadWrite = new HrReports(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite));
                var clock = new HrClock(FactorialToken.FromAccessToken(access, FactorialScope.Write));
                var admin = new HrAdmin(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite));
                var byDefault = new HrAdmin(await oauth.ObtainAccessTokenAsync(oauth.Authorize(), "key"));
                var mixed = new HrAdmin(flag ? FactorialToken.FromAccessToken(access, FactorialScope.Read) : FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite));
                var apiKey = new HrAdmin(new FactorialApiKey(access));
                var viaHttp = new HrAdmin(http);
                var fromParameter = new HrAdmin(unknown);
                var source = await FactorialTokenSource.FromStoreAsync(store);
                var fromStore = new HrAdmin(new FactorialConnection(source));
            }
        }
        """);
}
