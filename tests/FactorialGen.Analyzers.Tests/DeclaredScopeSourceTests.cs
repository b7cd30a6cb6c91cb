using static FactorialGen.Analyzers.Tests.Sources;
using Verify = FactorialGen.Analyzers.Tests.ScopeAnalyzerTest;

namespace FactorialGen.Analyzers.Tests;

/// <summary>
/// Class 4: where a scope is declared — primary-constructor parameters, record positional parameters (with and
/// without <c>property:</c>), <c>static readonly</c> scope values and tokens, readonly fields written only by
/// initializers and constructors, and attributes on the interface or base member a member implements.
/// </summary>
public sealed class DeclaredScopeSourceTests
{
    [Fact]
    public Task PrimaryConstructorParameter_InMethod_Triggers() => Verify.VerifyAsync(Usings + """
        class Job([FactorialTokenScope(FactorialScope.Read)] FactorialToken token)
        {
            async Task RunAsync(TerminateRequest body)
            {
                var admin = new HrAdmin({|FG0002:token|});
                await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task PrimaryConstructorParameter_InFieldInitializer_Triggers() => Verify.VerifyAsync(Usings + """
        class Job([FactorialTokenScope(FactorialScope.Read)] FactorialToken token)
        {
            private readonly HrAdmin _admin = new({|FG0002:token|});

            Task RunAsync(TerminateRequest body) => {|FG0001:_admin.Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task PrimaryConstructorParameter_InLambda_Triggers() => Verify.VerifyAsync(Usings + """
        class Job([FactorialTokenScope(FactorialScope.Read)] FactorialToken token)
        {
            Func<Task> Run(TerminateRequest body) => () => {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task PrimaryConstructorParameter_AssignedInAnotherMember_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job([FactorialTokenScope(FactorialScope.Read)] FactorialToken token)
        {
            public void Replace(FactorialToken next) => token = next;

            Task RunAsync(TerminateRequest body) => new HrAdmin(token).Employees.Employees.TerminateAsync(body);
        }
        """);

    [Fact]
    public Task PrimaryConstructorParameter_Undeclared_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job(FactorialToken token)
        {
            Task RunAsync(TerminateRequest body) => new HrAdmin(token).Employees.Employees.TerminateAsync(body);
        }
        """);

    [Fact]
    public Task PrimaryConstructorParameter_ReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job([FactorialTokenScope(FactorialScope.ReadWrite)] FactorialToken token)
        {
            Task RunAsync(TerminateRequest body) => new HrAdmin(token).Employees.Employees.TerminateAsync(body);
        }
        """);

    [Fact]
    public Task RecordPositionalParameter_ReadThroughProperty_Triggers() => Verify.VerifyAsync(Usings + """
        record Job([FactorialTokenScope(FactorialScope.Read)] FactorialToken Token)
        {
            Task RunAsync(TerminateRequest body) => {|FG0001:new HrAdmin({|FG0002:Token|}).Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task RecordPositionalParameter_PropertyTarget_Triggers() => Verify.VerifyAsync(Usings + """
        record Job([property: FactorialTokenScope(FactorialScope.Read)] FactorialToken Token)
        {
            private readonly HrReports _reports = new(Token);

            Task RunAsync(TerminateRequest body) => {|FG0001:new HrAdmin({|FG0002:Token|}).Employees.Employees.TerminateAsync(body)|};

            HrAdmin Initial { get; } = new({|FG0002:Token|});
        }
        """);

    [Fact]
    public Task RecordPositionalParameter_UsedFromOutside_Triggers() => Verify.VerifyAsync(Usings + """
        sealed record Settings([FactorialTokenScope(FactorialScope.Read)] FactorialToken Token);

        class Job
        {
            Task RunAsync(Settings settings, TerminateRequest body) =>
                {|FG0001:new HrAdmin({|FG0002:settings.Token|}).Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task RecordPositionalParameter_ReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        record Job([FactorialTokenScope(FactorialScope.ReadWrite)] FactorialToken Token)
        {
            Task RunAsync(TerminateRequest body) => new HrAdmin(Token).Employees.Employees.TerminateAsync(body);
        }
        """);

    [Fact]
    public Task RecordPositionalParameter_Undeclared_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        record Job(FactorialToken Token, [FactorialTokenScope(FactorialScope.Read)] FactorialToken Other)
        {
            Task RunAsync(TerminateRequest body) => new HrAdmin(Token).Employees.Employees.TerminateAsync(body);
        }
        """);

    [Fact]
    public Task StaticReadonlyScope_PassedToFromAccessToken_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private static readonly FactorialScope Narrow = FactorialScope.Read;

            Task RunAsync(string a, TerminateRequest body) =>
                {|FG0001:new HrAdmin({|FG0002:FactorialToken.FromAccessToken(a, Narrow)|}).Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task StaticReadonlyScope_AssignedInStaticConstructor_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private static readonly FactorialScope Narrow = FactorialScope.Read;

            static Job()
            {
                if (Environment.GetEnvironmentVariable("WIDE") is not null)
                {
                    Narrow = FactorialScope.ReadWrite;
                }
            }

            Task RunAsync(string a, TerminateRequest body) =>
                new HrAdmin(FactorialToken.FromAccessToken(a, Narrow)).Employees.Employees.TerminateAsync(body);
        }
        """);

    [Fact]
    public Task StaticReadonlyToken_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private static readonly FactorialToken Shared = FactorialToken.FromAccessToken(Environment.GetEnvironmentVariable("T") ?? "", FactorialScope.Read);

            Task RunAsync(TerminateRequest body) => {|FG0001:new HrAdmin({|FG0002:Shared|}).Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task StaticReadonlyToken_FromUnknown_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private static readonly FactorialToken Shared = Load();

            static FactorialToken Load() => FactorialToken.FromAccessToken("", FactorialScope.Read);

            Task RunAsync(TerminateRequest body) => new HrAdmin(Shared).Employees.Employees.TerminateAsync(body);
        }
        """);

    [Fact]
    public Task ReadonlyField_AssignedInEveryConstructorWithRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private readonly FactorialToken _token;

            public Job(string a) => _token = FactorialToken.FromAccessToken(a, FactorialScope.Read);

            public Job(string a, int attempts)
            {
                this._token = FactorialToken.FromAccessToken(a + attempts, FactorialScope.Read);
            }

            Task RunAsync(TerminateRequest body) => {|FG0001:new HrAdmin({|FG0002:_token|}).Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task ReadonlyField_OneConstructorReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private readonly FactorialToken _token;

            public Job(string a) => _token = FactorialToken.FromAccessToken(a, FactorialScope.Read);

            public Job(string a, bool admin) => _token = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);

            Task RunAsync(TerminateRequest body) => new HrAdmin(_token).Employees.Employees.TerminateAsync(body);
        }
        """);

    [Fact]
    public Task ReadonlyField_FromDeclaredConstructorParameter_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private readonly FactorialToken _token;

            public Job([FactorialTokenScope(FactorialScope.Read)] FactorialToken token) => _token = token ?? throw new ArgumentNullException(nameof(token));

            Task RunAsync(TerminateRequest body) => {|FG0001:new HrAdmin({|FG0002:_token|}).Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task ReadonlyField_FromUndeclaredConstructorParameter_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private readonly FactorialToken _token;

            public Job(FactorialToken token) => _token = token;

            Task RunAsync(TerminateRequest body) => new HrAdmin(_token).Employees.Employees.TerminateAsync(body);
        }
        """);

    [Fact]
    public Task ReadonlyField_PassedByRefInConstructor_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private readonly FactorialToken _token = FactorialToken.FromAccessToken("a", FactorialScope.Read);

            public Job(bool wide)
            {
                if (wide)
                {
                    Widen(ref _token);
                }
            }

            static void Widen(ref FactorialToken token) => token = FactorialToken.FromAccessToken("b", FactorialScope.ReadWrite);

            Task RunAsync(TerminateRequest body) => new HrAdmin(_token).Employees.Employees.TerminateAsync(body);
        }
        """);

    [Fact]
    public Task MutableField_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private FactorialToken _token = FactorialToken.FromAccessToken("a", FactorialScope.Read);

            public void Replace(FactorialToken token) => _token = token;

            Task RunAsync(TerminateRequest body) => new HrAdmin(_token).Employees.Employees.TerminateAsync(body);
        }
        """);

    [Fact]
    public Task ReadonlyClientField_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            private readonly HrAdmin _admin;

            public Job(string a) => _admin = new HrAdmin({|FG0002:FactorialToken.FromAccessToken(a, FactorialScope.Read)|});

            Task RunAsync(TerminateRequest body) => {|FG0001:_admin.Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task InterfaceParameterAttribute_Triggers() => Verify.VerifyAsync(Usings + """
        interface IJob
        {
            Task RunAsync([FactorialTokenScope(FactorialScope.Read)] FactorialToken token, TerminateRequest body);
        }

        class Job : IJob
        {
            public Task RunAsync(FactorialToken token, TerminateRequest body) =>
                {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task ExplicitInterfaceImplementation_Triggers() => Verify.VerifyAsync(Usings + """
        interface IJob
        {
            Task RunAsync([FactorialTokenScope(FactorialScope.Read)] HrAdmin admin, TerminateRequest body);
        }

        class Job : IJob
        {
            Task IJob.RunAsync(HrAdmin admin, TerminateRequest body) => {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task BaseMethodParameterAttribute_Triggers() => Verify.VerifyAsync(Usings + """
        abstract class JobBase
        {
            public abstract Task RunAsync([FactorialTokenScope(FactorialScope.Read)] FactorialToken token, TerminateRequest body);
        }

        class Job : JobBase
        {
            public override Task RunAsync(FactorialToken token, TerminateRequest body) =>
                {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task InterfacePropertyAttribute_Triggers() => Verify.VerifyAsync(Usings + """
        interface ITokens
        {
            [FactorialTokenScope(FactorialScope.Read)]
            FactorialToken Token { get; }
        }

        sealed class Tokens : ITokens
        {
            public FactorialToken Token { get; } = FactorialToken.FromAccessToken("a", FactorialScope.Read);
        }

        class Job
        {
            Task RunAsync(Tokens tokens, TerminateRequest body) => {|FG0001:new HrAdmin({|FG0002:tokens.Token|}).Employees.Employees.TerminateAsync(body)|};
        }
        """);

    [Fact]
    public Task InterfaceReturnAttribute_Triggers() => Verify.VerifyAsync(Usings + """
        interface ITokens
        {
            [return: FactorialTokenScope(FactorialScope.Read)]
            Task<FactorialToken> LoadAsync();
        }

        sealed class Tokens : ITokens
        {
            public Task<FactorialToken> LoadAsync() => Task.FromResult(FactorialToken.FromAccessToken("a", FactorialScope.Read));
        }

        class Job
        {
            async Task RunAsync(Tokens tokens, TerminateRequest body)
            {
                var token = await tokens.LoadAsync();
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task InterfaceDeclaresReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        interface IJob
        {
            Task RunAsync([FactorialTokenScope(FactorialScope.ReadWrite)] FactorialToken token, TerminateRequest body);
        }

        class Job : IJob
        {
            public Task RunAsync(FactorialToken token, TerminateRequest body) => new HrAdmin(token).Employees.Employees.TerminateAsync(body);
        }
        """);

    [Fact]
    public Task BaseMethodWithoutAttribute_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        abstract class JobBase
        {
            public abstract Task RunAsync(FactorialToken token, TerminateRequest body);
        }

        class Job : JobBase
        {
            public override Task RunAsync(FactorialToken token, TerminateRequest body) => new HrAdmin(token).Employees.Employees.TerminateAsync(body);
        }
        """);
}
