using static FactorialGen.Analyzers.Tests.Sources;
using Verify = FactorialGen.Analyzers.Tests.ScopeAnalyzerTest;

namespace FactorialGen.Analyzers.Tests;

/// <summary>
/// Class 2: a local declared by a pattern (<c>is FactorialToken t</c>, <c>is { } t</c>, <c>is var t</c>, property
/// patterns, switch arms) has the scope of the value it matched.
/// </summary>
public sealed class PatternLocalTests
{
    [Fact]
    public Task TypePattern_ReadToken_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                object stored = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                if (stored is FactorialToken token)
                {
                    await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task TypePattern_ReadWriteToken_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                object stored = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                if (stored is FactorialToken token)
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task TypePattern_UnknownInput_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(object stored, TerminateRequest body)
            {
                if (stored is FactorialToken token)
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task EmptyPropertyPattern_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                var maybe = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                if (maybe is { } token)
                {
                    await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task VarPattern_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                if (FactorialToken.FromAccessToken(a, FactorialScope.Read) is var token && token.AccessToken.Length > 0)
                {
                    await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task NegatedPattern_EarlyReturn_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                object stored = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                if (stored is not FactorialToken token)
                {
                    return;
                }

                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task PatternLocal_Reassigned_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                object stored = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                if (stored is FactorialToken token)
                {
                    token = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task PatternInput_JoinOfReadAndReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, bool flag, TerminateRequest body)
            {
                object stored = flag ? FactorialToken.FromAccessToken(a, FactorialScope.Read) : FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                if (stored is FactorialToken token)
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task ClientTypePattern_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync([FactorialTokenScope(FactorialScope.Read)] IDisposable client, TerminateRequest body)
            {
                if (client is HrAdmin admin)
                {
                    await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task ExtendedPropertyPattern_GroupOfReadClient_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync([FactorialTokenScope(FactorialScope.Read)] HrAdmin admin, TerminateRequest body)
            {
                if (admin is { Employees.Employees: var employees })
                {
                    await {|FG0001:employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task PropertyPattern_ConnectionOfReadClient_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync([FactorialTokenScope(FactorialScope.Read)] HrAdmin admin, TerminateRequest body)
            {
                if (admin is { Connection: { } connection })
                {
                    await {|FG0001:new HrAdmin({|FG0002:connection|}).Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task PropertyPattern_DeclaredProperty_Triggers() => Verify.VerifyAsync(Usings + """
        class Holder
        {
            [FactorialTokenScope(FactorialScope.Read)]
            public FactorialToken Token { get; set; }
        }

        class Job
        {
            async Task RunAsync(object value, TerminateRequest body)
            {
                if (value is Holder { Token: var token })
                {
                    await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task PropertyPattern_UndeclaredProperty_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Holder
        {
            public FactorialToken Token { get; set; }
        }

        class Job
        {
            async Task RunAsync(object value, TerminateRequest body)
            {
                if (value is Holder { Token: var token })
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task SwitchStatementArm_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, bool flag, TerminateRequest body)
            {
                object stored = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                switch (stored)
                {
                    case FactorialToken token when flag:
                        await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                        break;
                    case string:
                        break;
                }
            }
        }
        """);

    [Fact]
    public Task SwitchStatementArm_ReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                object stored = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                switch (stored)
                {
                    case FactorialToken token:
                        await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                        break;
                }
            }
        }
        """);

    [Fact]
    public Task SwitchExpressionArm_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            HrAdmin Create(string a)
            {
                object stored = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                return stored switch
                {
                    FactorialToken token => new HrAdmin({|FG0002:token|}),
                    _ => throw new InvalidOperationException("no token"),
                };
            }
        }
        """);

    [Fact]
    public Task SwitchExpressionArm_UnknownInput_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            HrAdmin Create(object stored) => stored switch
            {
                FactorialToken token => new HrAdmin(token),
                _ => throw new InvalidOperationException("no token"),
            };
        }
        """);

    [Fact]
    public Task PatternLocal_CapturedByLambda_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Func<Task> Run(string a, TerminateRequest body)
            {
                object stored = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                if (stored is FactorialToken token)
                {
                    return () => {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }

                return () => Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task OrPatternWithoutDeclaration_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, object other, TerminateRequest body)
            {
                object stored = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                if (other is FactorialToken or null)
                {
                    await new HrAdmin((FactorialToken)other).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);
}
