using static FactorialGen.Analyzers.Tests.Sources;
using Verify = FactorialGen.Analyzers.Tests.ScopeAnalyzerTest;

namespace FactorialGen.Analyzers.Tests;

/// <summary>
/// Class 1: a reassignment whose value the flow graph captures (<c>??</c>, <c>??=</c>, <c>?:</c>, <c>?? throw</c>,
/// switch expressions, is-pattern results) replaces the variable's scope, for later uses and for lambdas.
/// </summary>
public sealed class FlowCaptureReassignmentTests
{
    [Fact]
    public Task Coalesce_ReassignedToReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, FactorialToken maybe, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                token = maybe ?? FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task Coalesce_BothSidesKnownReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                var wide = FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                token = wide ?? FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task Coalesce_ReassignedToRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                var narrow = FactorialToken.FromAccessToken(b, FactorialScope.Read);
                token = narrow ?? FactorialToken.FromAccessToken(a, FactorialScope.Read);
                var admin = new HrAdmin({|FG0002:token|});
                await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task Coalesce_OneSideReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                token = FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite) ?? token;
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task CoalesceAssignment_NullThenRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                FactorialToken token = null;
                token ??= FactorialToken.FromAccessToken(a, FactorialScope.Read);
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task CoalesceAssignment_NullThenReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                FactorialToken token = null;
                token ??= FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task CoalesceAssignment_MaybeReadThenReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, bool flag, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                if (flag)
                {
                    token = null;
                }

                token ??= FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task Conditional_ReassignedToReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, bool flag, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                token = flag ? FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite) : FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task Conditional_ReassignedToRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, bool flag, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                token = flag ? FactorialToken.FromAccessToken(a, FactorialScope.Read) : FactorialToken.FromAccessToken(b, FactorialScope.Read);
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task Conditional_MixedArms_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, bool flag, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                token = flag ? FactorialToken.FromAccessToken(a, FactorialScope.Read) : FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task Conditional_ThrowArm_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, bool flag, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                token = flag ? FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite) : throw new InvalidOperationException("no token");
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task CoalesceThrow_ReassignedToReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                token = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite) ?? throw new InvalidOperationException("no token");
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task CoalesceThrow_ReassignedToRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                token = FactorialToken.FromAccessToken(a, FactorialScope.Read) ?? throw new InvalidOperationException("no token");
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task SwitchExpression_ReassignedToReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, int mode, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                token = mode switch
                {
                    0 => FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite),
                    _ => FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite),
                };
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task SwitchExpression_AllArmsRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, int mode, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                token = mode switch
                {
                    0 => FactorialToken.FromAccessToken(a, FactorialScope.Read),
                    1 => throw new ArgumentOutOfRangeException(nameof(mode)),
                    _ => FactorialToken.FromAccessToken(b, FactorialScope.Read),
                };
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task SwitchExpression_OneArmReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, int mode, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                token = mode switch
                {
                    0 => FactorialToken.FromAccessToken(a, FactorialScope.Read),
                    _ => FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite),
                };
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task IsPatternResult_ReassignedToReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                object other = FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                token = other is FactorialToken found ? found : FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task IsPatternResult_ReassignedToRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                object other = FactorialToken.FromAccessToken(b, FactorialScope.Read);
                token = other is FactorialToken found ? found : FactorialToken.FromAccessToken(a, FactorialScope.Read);
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task Lambda_SeesReassignmentThroughConditional_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Func<Task> Run(string a, string b, bool flag, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                token = flag ? FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite) : FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                return () => new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task Lambda_SeesReassignmentThroughCoalesce_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Func<Task> Run(string a, FactorialToken maybe, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                token = maybe ?? token;
                return () => new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task Lambda_AllValuesRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            Func<Task> Run(string a, string b, bool flag, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                token = flag ? FactorialToken.FromAccessToken(b, FactorialScope.Read) : token;
                return () => {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task DeclaredParameter_ReassignedThroughCoalesce_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync([FactorialTokenScope(FactorialScope.Read)] FactorialToken token, string a, TerminateRequest body)
            {
                token = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite) ?? token;
                token = token is null ? null : FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task ConditionalArgument_AllRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, bool flag, TerminateRequest body)
            {
                var admin = new HrAdmin({|FG0002:flag ? FactorialToken.FromAccessToken(a, FactorialScope.Read) : FactorialToken.FromAccessToken(b, FactorialScope.Read)|});
                await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task ClientReassignedThroughCoalesce_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync([FactorialTokenScope(FactorialScope.Read)] HrAdmin admin, HrAdmin other, TerminateRequest body)
            {
                admin = other ?? admin;
                await admin.Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task UnknownValueThroughCoalesce_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, FactorialToken maybe, bool flag, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                token = flag ? maybe : maybe ?? token;
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);
}
