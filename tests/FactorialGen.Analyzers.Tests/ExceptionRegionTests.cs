using static FactorialGen.Analyzers.Tests.Sources;
using Verify = FactorialGen.Analyzers.Tests.ScopeAnalyzerTest;

namespace FactorialGen.Analyzers.Tests;

/// <summary>
/// Class 3: <c>catch</c>, filters and <c>finally</c> start from the join of every state the <c>try</c> region passes
/// through; <c>goto</c> and retry loops through <c>catch</c> follow the graph's edges.
/// </summary>
public sealed class ExceptionRegionTests
{
    [Fact]
    public Task Catch_TokenKnownBeforeTry_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                try
                {
                    await Task.Delay(1);
                }
                catch (Exception)
                {
                    await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task Catch_ReassignedInTry_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                try
                {
                    token = FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                    await Task.Delay(1);
                }
                catch (Exception)
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task Catch_ReadWriteBeforeTryReadInside_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                try
                {
                    await Task.Delay(1);
                    token = FactorialToken.FromAccessToken(b, FactorialScope.Read);
                }
                catch (HttpRequestException)
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task Catch_TwoWritesInOneBlock_MiddleStateCounts_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                try
                {
                    token = FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                    Console.WriteLine(token.AccessToken.Length);
                    token = FactorialToken.FromAccessToken(b, FactorialScope.Read);
                }
                catch (Exception)
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task Catch_AllTryStatesRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                try
                {
                    await Task.Delay(1);
                    token = FactorialToken.FromAccessToken(b, FactorialScope.Read);
                }
                catch (Exception)
                {
                    await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task Finally_TokenKnownBeforeTry_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                try
                {
                    await Task.Delay(1);
                }
                finally
                {
                    await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task Finally_ReassignedInCatch_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                try
                {
                    await Task.Delay(1);
                }
                catch (Exception)
                {
                    token = FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                }
                finally
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task ExceptionFilter_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, bool retry, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                try
                {
                    await Task.Delay(1);
                }
                catch (HttpRequestException) when (retry)
                {
                    await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task NestedTry_InnerCatchSeesOuterState_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                try
                {
                    try
                    {
                        await Task.Delay(1);
                    }
                    catch (TimeoutException)
                    {
                        await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                    }
                }
                catch (Exception)
                {
                    await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task NestedTry_OuterCatchSeesInnerReassignment_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                try
                {
                    try
                    {
                        token = FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                        await Task.Delay(1);
                    }
                    finally
                    {
                        Console.WriteLine("done");
                    }
                }
                catch (Exception)
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task RetryLoop_CatchRefreshesWithRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                        return;
                    }
                    catch (HttpRequestException)
                    {
                        token = FactorialToken.FromAccessToken(b, FactorialScope.Read);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task RetryLoop_CatchWidensToReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                while (true)
                {
                    try
                    {
                        await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                        return;
                    }
                    catch (HttpRequestException)
                    {
                        token = FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task AfterTryCatch_BothPathsRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                try
                {
                    token = FactorialToken.FromAccessToken(b, FactorialScope.Read);
                }
                catch (Exception)
                {
                    token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                }

                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task AfterTryFinally_FinallyWrites_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                try
                {
                    await Task.Delay(1);
                }
                finally
                {
                    token = FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                }

                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task Goto_BackEdgeWithRead_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, bool again, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
            retry:
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                if (again)
                {
                    token = FactorialToken.FromAccessToken(b, FactorialScope.Read);
                    goto retry;
                }
            }
        }
        """);

    [Fact]
    public Task Goto_BackEdgeWithReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, bool again, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
            retry:
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                if (again)
                {
                    token = FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                    goto retry;
                }
            }
        }
        """);

    [Fact]
    public Task Goto_ForwardSkipsReassignment_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, bool skip, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                if (skip)
                {
                    goto call;
                }

                token = FactorialToken.FromAccessToken(b, FactorialScope.Read);
            call:
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task Catch_UnknownTokenBeforeTry_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(FactorialToken token, string a, TerminateRequest body)
            {
                try
                {
                    await Task.Delay(1);
                    token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                }
                catch (Exception)
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);
}
