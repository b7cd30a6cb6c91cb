using System;
using System.Collections.Generic;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using FactorialGen.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.Tests;

/// <summary>
/// The request budget on the dependency-injection path: a client's own budget by default (bound from configuration),
/// and <c>AddRedisRequestBudget</c> sharing one budget between replicas (separate service providers).
/// </summary>
public sealed class RequestBudgetDependencyInjectionTests
{
    private static ServiceProvider Replica(TestSandbox sandbox, FactorialToken token, Action<IHttpClientBuilder>? budget, Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        var configuration = new Dictionary<string, string?>
        {
            ["Factorial:BaseAddress"] = sandbox.BaseAddress.AbsoluteUri,
            ["Factorial:RequestBudget:Methods"] = "All", // the Read client only has GETs
            ["Factorial:RequestBudget:QueueLimit"] = "0",
        };
        foreach (var (name, value) in settings ?? [])
        {
            configuration[name] = value;
        }

        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddSingleton<TimeProvider>(sandbox.Time);
        services.AddKeyedSingleton<ITokenStore>(typeof(Hr).FullName, new MemoryStore(token));
        var builder = services.AddFactorialClient<Hr>(options => options.EnableResilience = false);
        budget?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task A_registered_client_has_its_own_budget_from_configuration()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        await using var provider = Replica(sandbox, token, budget: null, new() { ["Factorial:RequestBudget:PermitLimit"] = "2" });
        var hr = provider.GetRequiredService<Hr>();

        await hr.ApiPublic.Credentials.ListAsync();
        await hr.ApiPublic.Credentials.ListAsync();
        var before = sandbox.Server.Stats.ResourceRequests;
        await Assert.ThrowsAsync<FactorialRequestBudgetException>(() => hr.ApiPublic.Credentials.ListAsync());

        Assert.Equal(before, sandbox.Server.Stats.ResourceRequests); // nothing sent
    }

    [Fact]
    public async Task AddRedisRequestBudget_shares_one_budget_between_replicas()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var key = $"factorial:budget-{Guid.NewGuid():N}";
        void Shared(IHttpClientBuilder builder) => builder.AddRedisRequestBudget(redis.ConnectionString, key, (_, options) =>
        {
            options.PermitLimit = 3;
            options.Window = TimeSpan.FromMinutes(10);
            options.QueueLimit = 0;
        });
        await using var first = Replica(sandbox, token, Shared);
        await using var second = Replica(sandbox, token, Shared);

        Assert.IsType<RedisRequestBudget>(first.GetRequiredKeyedService<RateLimiter>(typeof(Hr).FullName));
        await first.GetRequiredService<Hr>().ApiPublic.Credentials.ListAsync();
        await second.GetRequiredService<Hr>().ApiPublic.Credentials.ListAsync();
        await first.GetRequiredService<Hr>().ApiPublic.Credentials.ListAsync();
        var before = sandbox.Server.Stats.ResourceRequests;

        await Assert.ThrowsAsync<FactorialRequestBudgetException>(() => second.GetRequiredService<Hr>().ApiPublic.Credentials.ListAsync());
        await Assert.ThrowsAsync<FactorialRequestBudgetException>(() => first.GetRequiredService<Hr>().ApiPublic.Credentials.ListAsync());
        Assert.Equal(before, sandbox.Server.Stats.ResourceRequests);
    }

    private sealed class MemoryStore(FactorialToken token) : ITokenStore
    {
        private FactorialToken? _token = token;

        public Task<FactorialToken?> LoadAsync(System.Threading.CancellationToken cancellationToken = default) => Task.FromResult(_token);

        public Task SaveAsync(FactorialToken token, System.Threading.CancellationToken cancellationToken = default)
        {
            _token = token;
            return Task.CompletedTask;
        }

        public Task ClearAsync(System.Threading.CancellationToken cancellationToken = default)
        {
            _token = null;
            return Task.CompletedTask;
        }
    }
}
