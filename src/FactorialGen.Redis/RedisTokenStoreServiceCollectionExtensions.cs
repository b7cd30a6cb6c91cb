using System;
using FactorialGen;
using FactorialGen.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps the token of a client registered with <c>AddFactorialClient&lt;TClient&gt;()</c> in Redis.</summary>
public static class RedisTokenStoreServiceCollectionExtensions
{
    /// <summary>
    /// Keeps this client's token in Redis under <paramref name="key"/>, shared by every replica: one refresh per expiry
    /// across processes, never an older pair over a newer one (see <see cref="RedisTokenStore"/>). The store connects
    /// with <paramref name="connectionString"/> on first use and reconnects by itself after an outage.
    /// </summary>
    /// <param name="builder">What <c>services.AddFactorialClient&lt;TClient&gt;()</c> returned.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>.</param>
    /// <param name="key">The Redis key of the token, one per company, e.g. <c>factorial:company-42</c>.</param>
    /// <param name="configure">Store settings; the service provider is given so a protector can be made from it.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddRedisTokenStore(this IHttpClientBuilder builder, string connectionString, string key, Action<IServiceProvider, RedisTokenStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Register(builder, configure, options => new RedisTokenStore(connectionString, key, options));
    }

    /// <summary>
    /// Keeps this client's token in Redis under <paramref name="key"/>, on a connection you own (create it with
    /// <c>abortConnect=false</c> so it recovers by itself after an outage). See the other overload.
    /// </summary>
    /// <param name="builder">What <c>services.AddFactorialClient&lt;TClient&gt;()</c> returned.</param>
    /// <param name="multiplexer">The Redis connection.</param>
    /// <param name="key">The Redis key of the token, one per company, e.g. <c>factorial:company-42</c>.</param>
    /// <param name="configure">Store settings; the service provider is given so a protector can be made from it.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddRedisTokenStore(this IHttpClientBuilder builder, IConnectionMultiplexer multiplexer, string key, Action<IServiceProvider, RedisTokenStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(multiplexer);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Register(builder, configure, options => new RedisTokenStore(multiplexer, key, options));
    }

    private static IHttpClientBuilder Register(IHttpClientBuilder builder, Action<IServiceProvider, RedisTokenStoreOptions>? configure, Func<RedisTokenStoreOptions, RedisTokenStore> create)
    {
        // AddFactorialClient looks for an ITokenStore keyed by the client's name before any unkeyed one.
        builder.Services.AddKeyedSingleton<ITokenStore>(builder.Name, (provider, _) =>
        {
            var options = new RedisTokenStoreOptions { LoggerFactory = provider.GetService<ILoggerFactory>() };
            configure?.Invoke(provider, options);
            return create(options);
        });
        return builder;
    }
}
