using System;
using System.Net.Http;
using System.Threading;
using FactorialGen;
using FactorialGen.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers generated Factorial clients with dependency injection and IHttpClientFactory.</summary>
public static class FactorialServiceCollectionExtensions
{
    /// <summary>The configuration section the settings are read from by default.</summary>
    public const string DefaultSection = "Factorial";

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a typed client: settings from the <c>Factorial</c> configuration
    /// section (then <paramref name="configure"/>), validated on start; credentials from an API key or OAuth tokens
    /// (an <see cref="FactorialGen.ITokenStore"/> from DI, keyed by the client's full type name or not, else
    /// <c>TokenFile</c>), refreshed once for all concurrent requests; telemetry; and a resilience pipeline (429
    /// <c>Retry-After</c>, retries of idempotent calls, time-outs). Returns the <see cref="IHttpClientBuilder"/> so you
    /// can add handlers.
    /// </summary>
    /// <typeparam name="TClient">A generated client (a <c>[FactorialClient]</c> class).</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the settings after configuration binding.</param>
    /// <param name="configurationSection">The configuration section to bind; <c>Factorial</c> by default.</param>
    public static IHttpClientBuilder AddFactorialClient<TClient>(this IServiceCollection services, Action<FactorialServiceOptions>? configure = null, string configurationSection = DefaultSection)
        where TClient : class, FactorialGen.IFactorialClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(configurationSection);
        var name = typeof(TClient).FullName ?? typeof(TClient).Name;

        var settings = services.AddOptions<FactorialServiceOptions>(name)
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(configurationSection).Bind(options));
        if (configure is not null)
        {
            settings.Configure(configure);
        }

        settings.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FactorialServiceOptions>, FactorialServiceOptionsValidator>());
        services.TryAddSingleton<FactorialClientRegistry>();

        // The handler chain is FactorialPipeline, the same one `new FactorialConnection(…)` builds: handlers added to
        // the returned builder sit below it, next to the wire.
        var builder = services.AddHttpClient(name, static (provider, http) => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => FactorialPipeline.NewWireHandler())
            .AddHttpMessageHandler(provider => provider.GetRequiredService<FactorialClientRegistry>().CreatePipeline(name));
        builder.AddTypedClient<TClient>((http, provider) => TClient.Create(http, provider.GetRequiredService<FactorialClientRegistry>().ClientOptions(name)));
        return builder;
    }
}
