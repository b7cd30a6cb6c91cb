using System;
using System.Threading.RateLimiting;
using FactorialGen;
using FactorialGen.DependencyInjection;
using FactorialGen.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares the request budget of a client registered with <c>AddFactorialClient&lt;TClient&gt;()</c> across replicas, in Redis.</summary>
public static class RedisRequestBudgetServiceCollectionExtensions
{
    /// <summary>
    /// Takes this client's request-budget permits from Redis under <paramref name="key"/>, shared by every replica: at
    /// most <see cref="RedisRequestBudgetOptions.PermitLimit"/> counted requests (by default Factorial's documented 200
    /// POSTs per minute) in any window across all of them; requests over it wait (see <see cref="RedisRequestBudget"/>).
    /// Which requests count is <see cref="FactorialServiceOptions.RequestBudget"/>'s <see cref="FactorialRequestBudgetOptions.Methods"/>.
    /// </summary>
    /// <param name="builder">What <c>services.AddFactorialClient&lt;TClient&gt;()</c> returned.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>.</param>
    /// <param name="key">The Redis key of the budget, one per company, e.g. <c>factorial:company-42:budget</c>.</param>
    /// <param name="configure">Budget settings (the same on every replica); the service provider is given.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddRedisRequestBudget(this IHttpClientBuilder builder, string connectionString, string key, Action<IServiceProvider, RedisRequestBudgetOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Register(builder, configure, options => new RedisRequestBudget(connectionString, key, options));
    }

    /// <summary>
    /// Takes this client's request-budget permits from Redis under <paramref name="key"/>, on a connection you own
    /// (create it with <c>abortConnect=false</c>). See the other overload.
    /// </summary>
    /// <param name="builder">What <c>services.AddFactorialClient&lt;TClient&gt;()</c> returned.</param>
    /// <param name="multiplexer">The Redis connection.</param>
    /// <param name="key">The Redis key of the budget, one per company.</param>
    /// <param name="configure">Budget settings (the same on every replica); the service provider is given.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddRedisRequestBudget(this IHttpClientBuilder builder, IConnectionMultiplexer multiplexer, string key, Action<IServiceProvider, RedisRequestBudgetOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(multiplexer);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Register(builder, configure, options => new RedisRequestBudget(multiplexer, key, options));
    }

    private static IHttpClientBuilder Register(IHttpClientBuilder builder, Action<IServiceProvider, RedisRequestBudgetOptions>? configure, Func<RedisRequestBudgetOptions, RedisRequestBudget> create)
    {
        // AddFactorialClient takes permits from a RateLimiter keyed by the client's name when there is one.
        builder.Services.AddKeyedSingleton<RateLimiter>(builder.Name, (provider, _) =>
        {
            var options = new RedisRequestBudgetOptions { TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System };
            configure?.Invoke(provider, options);
            return create(options);
        });
        builder.Services.Configure<FactorialServiceOptions>(builder.Name, options => options.RequestBudget ??= new FactorialRequestBudgetOptions());
        return builder;
    }
}
