using static FactorialGen.Analyzers.Tests.Sources;
using Verify = FactorialGen.Analyzers.Tests.ScopeAnalyzerTest;

namespace FactorialGen.Analyzers.Tests;

/// <summary>
/// Class 5: where tokens come from — a <c>FactorialTokenSource</c> (its token, refreshes and current token keep the
/// source's scope), await wrappers, <c>out</c> parameters, tuple deconstruction, <c>foreach</c> over tokens of one
/// known scope, and local functions.
/// </summary>
public sealed class TokenOriginTests
{
    [Fact]
    public Task TokenSource_GetTokenAsync_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                var source = new FactorialTokenSource(FactorialToken.FromAccessToken(a, FactorialScope.Read));
                var token = await source.GetTokenAsync();
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task TokenSource_RefreshAsyncWithConfigureAwait_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync([FactorialTokenScope(FactorialScope.Read)] FactorialToken start, TerminateRequest body, CancellationToken cancellationToken)
            {
                var source = new FactorialTokenSource(start);
                var token = await source.RefreshAsync(cancellationToken).ConfigureAwait(false);
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|}.ConfigureAwait(false);
            }
        }
        """);

    [Fact]
    public Task TokenSource_ValueTaskConfigureAwaitAndCurrent_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync([FactorialTokenScope(FactorialScope.Read)] FactorialTokenSource source, TerminateRequest body)
            {
                var token = await source.GetTokenAsync().ConfigureAwait(false);
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                await {|FG0001:new HrAdmin({|FG0002:source.Current|}!).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task TokenSource_ReadWrite_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                var source = new FactorialTokenSource(FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite));
                var token = await source.RefreshAfterRejectionAsync(await source.GetTokenAsync());
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task TokenSource_FromStore_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(ITokenStore store, string a, TerminateRequest body)
            {
                var unused = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                var source = await FactorialTokenSource.FromStoreAsync(store);
                await new HrAdmin(await source.GetTokenAsync()).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task AwaitWrappers_WaitAsyncAndGetResult_Trigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key, TerminateRequest body)
            {
                var pending = oauth.ObtainAccessTokenAsync(oauth.Authorize(FactorialScope.Read), key);
                var token = await pending.WaitAsync(TimeSpan.FromSeconds(30));
                var again = pending.ConfigureAwait(false).GetAwaiter().GetResult();
                var third = pending.GetAwaiter().GetResult();
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                await {|FG0001:new HrAdmin({|FG0002:again|}).Employees.Employees.TerminateAsync(body)|};
                await {|FG0001:new HrAdmin({|FG0002:third|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task AwaitWrappers_UnknownTask_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(Task<FactorialToken> pending, string a, TerminateRequest body)
            {
                var unused = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                var token = await pending.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task OutParameter_DeclaredScope_Triggers() => Verify.VerifyAsync(Usings + """
        static class Vault
        {
            public static bool TryLoad(string name, [FactorialTokenScope(FactorialScope.Read)] out FactorialToken token)
            {
                token = FactorialToken.FromAccessToken(name, FactorialScope.Read);
                return true;
            }
        }

        class Job
        {
            async Task RunAsync(string name, TerminateRequest body)
            {
                if (Vault.TryLoad(name, out var token))
                {
                    await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }

                FactorialToken existing;
                Vault.TryLoad(name, out existing);
                await {|FG0001:new HrAdmin({|FG0002:existing|}).Employees.Employees.TerminateAsync(body)|};
            }
        }
        """);

    [Fact]
    public Task OutParameter_OverwritesKnownScope_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        static class Vault
        {
            public static bool TryLoad(string name, out FactorialToken token)
            {
                token = FactorialToken.FromAccessToken(name, FactorialScope.ReadWrite);
                return true;
            }
        }

        class Job
        {
            async Task RunAsync(string name, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(name, FactorialScope.Read);
                Vault.TryLoad(name, out token);
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task RefArgument_StaysUnknown_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        static class Vault
        {
            public static void Widen(ref FactorialToken token) => token = FactorialToken.FromAccessToken("b", FactorialScope.ReadWrite);
        }

        class Job
        {
            async Task RunAsync(string name, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(name, FactorialScope.Read);
                Vault.Widen(ref token);
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task TupleDeconstruction_Declaration_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var (narrow, wide) = (FactorialToken.FromAccessToken(a, FactorialScope.Read), FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite));
                await {|FG0001:new HrAdmin({|FG0002:narrow|}).Employees.Employees.TerminateAsync(body)|};
                await new HrAdmin(wide).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task TupleDeconstruction_Swap_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var first = FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                var second = FactorialToken.FromAccessToken(b, FactorialScope.Read);
                (first, second) = (second, first);
                await {|FG0001:new HrAdmin({|FG0002:first|}).Employees.Employees.TerminateAsync(body)|};
                await new HrAdmin(second).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task TupleDeconstruction_FromMethod_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            static (FactorialToken, int) Load() => (FactorialToken.FromAccessToken("a", FactorialScope.ReadWrite), 1);

            async Task RunAsync(string a, TerminateRequest body)
            {
                var token = FactorialToken.FromAccessToken(a, FactorialScope.Read);
                (token, _) = Load();
                await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
            }
        }
        """);

    [Fact]
    public Task Foreach_ArrayOfReadTokens_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var tokens = new[] { FactorialToken.FromAccessToken(a, FactorialScope.Read), FactorialToken.FromAccessToken(b, FactorialScope.Read) };
                foreach (var token in tokens)
                {
                    await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }

                foreach (var token in new FactorialToken[] { FactorialToken.FromAccessToken(a, FactorialScope.Read) })
                {
                    await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task Foreach_MixedScopes_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                FactorialToken[] tokens = { FactorialToken.FromAccessToken(a, FactorialScope.Read), FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite) };
                foreach (var token in tokens)
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task Foreach_ArrayElementReplaced_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, string b, TerminateRequest body)
            {
                var tokens = new[] { FactorialToken.FromAccessToken(a, FactorialScope.Read) };
                tokens[0] = FactorialToken.FromAccessToken(b, FactorialScope.ReadWrite);
                foreach (var token in tokens)
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task Foreach_ListMutatedElsewhere_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, List<FactorialToken> more, TerminateRequest body)
            {
                var tokens = new List<FactorialToken> { FactorialToken.FromAccessToken(a, FactorialScope.Read) };
                tokens.AddRange(more);
                foreach (var token in tokens)
                {
                    await new HrAdmin(token).Employees.Employees.TerminateAsync(body);
                }
            }
        }
        """);

    [Fact]
    public Task Foreach_ArrayOfReadClients_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync([FactorialTokenScope(FactorialScope.Read)] HrAdmin first, [FactorialTokenScope(FactorialScope.Read)] HrAdmin second, TerminateRequest body)
            {
                foreach (var admin in new[] { first, second })
                {
                    await {|FG0001:admin.Employees.Employees.TerminateAsync(body)|};
                }
            }
        }
        """);

    [Fact]
    public Task LocalFunction_ReturnsReadToken_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, TerminateRequest body)
            {
                await {|FG0001:new HrAdmin({|FG0002:Narrow()|}).Employees.Employees.TerminateAsync(body)|};

                FactorialToken Narrow() => FactorialToken.FromAccessToken(a, FactorialScope.Read);
            }
        }
        """);

    [Fact]
    public Task LocalFunction_AsyncReturnsReadToken_Triggers() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(FactorialOAuth oauth, string key, TerminateRequest body)
            {
                var token = await LoadAsync();
                await {|FG0001:new HrAdmin({|FG0002:token|}).Employees.Employees.TerminateAsync(body)|};

                async Task<FactorialToken> LoadAsync()
                {
                    var request = oauth.Authorize(FactorialScope.Read);
                    return await oauth.ObtainAccessTokenAsync(request, key);
                }
            }
        }
        """);

    [Fact]
    public Task LocalFunction_BranchesDiffer_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, bool wide, TerminateRequest body)
            {
                await new HrAdmin(Load()).Employees.Employees.TerminateAsync(body);

                FactorialToken Load()
                {
                    if (wide)
                    {
                        return FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
                    }

                    return FactorialToken.FromAccessToken(a, FactorialScope.Read);
                }
            }
        }
        """);

    [Fact]
    public Task LocalFunction_Recursive_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
        class Job
        {
            async Task RunAsync(string a, int depth, TerminateRequest body)
            {
                await new HrAdmin(Load(depth)).Employees.Employees.TerminateAsync(body);

                FactorialToken Load(int n) => n > 0 ? Load(n - 1) : FactorialToken.FromAccessToken(a, FactorialScope.ReadWrite);
            }
        }
        """);
}
