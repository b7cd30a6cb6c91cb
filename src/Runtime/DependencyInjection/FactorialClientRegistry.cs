using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace FactorialGen.DependencyInjection;

/// <summary>
/// What each registered client shares across the HTTP handlers the factory creates: one token source (so one refresh
/// serves every request), the OAuth flow that refreshes it, and the client options.
/// </summary>
internal sealed class FactorialClientRegistry(IServiceProvider services, IOptionsMonitor<FactorialServiceOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Entry>> _entries = new(StringComparer.Ordinal);

    public FactorialClientOptions ClientOptions(string name) => Get(name).ClientOptions;

    public FactorialTokenSource? TokenSource(string name) => Get(name).Tokens;

    /// <summary>The one handler chain (see <see cref="FactorialPipeline"/>), for each handler the factory creates.</summary>
    public DelegatingHandler CreatePipeline(string name)
    {
        var entry = Get(name);
        var loggerFactory = services.GetService<ILoggerFactory>();
        var auth = entry.ApiKey is { } key
            ? new FactorialAuthHandler(key, entry.ClientOptions.BaseAddress)
            : new FactorialAuthHandler(entry.Tokens!, entry.ClientOptions.BaseAddress, loggerFactory);
        var budget = entry.Budget is null ? null : new FactorialRequestBudgetHandler(entry.Budget, ownsBudget: false);
        return new FactorialPipeline(auth, loggerFactory, entry.Resilience, budget);
    }

    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            if (entry.IsValueCreated)
            {
                entry.Value.OAuth?.Dispose();
                entry.Value.Budget?.Dispose();
            }
        }
    }

    private Entry Get(string name) => _entries.GetOrAdd(name, n => new Lazy<Entry>(() => Create(n))).Value;

    private Entry Create(string name)
    {
        var settings = options.Get(name);
        var loggerFactory = services.GetService<ILoggerFactory>();
        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var clientOptions = new FactorialClientOptions
        {
            BaseAddress = settings.BaseAddress,
            ApiVersion = settings.ApiVersion,
            App = settings.App,
            TimeProvider = timeProvider,
            RefreshBeforeExpiry = settings.RefreshBeforeExpiry,
            LoggerFactory = loggerFactory,
            Timeout = settings.TotalTimeout, // the body's deadline too: a dripping body cannot outlast the call
            SentThroughPipeline = true,
            RequestBudget = settings.RequestBudget, // applied by the pipeline (CreatePipeline), not by the connection
        };
        var resilience = settings.EnableResilience ? FactorialResilience.Build(settings, timeProvider, loggerFactory) : null;
        // One per client: every handler the factory makes shares it; a limiter keyed by the client's name (a shared one) first.
        var budget = FactorialRequestBudget.Create(settings.RequestBudget, services.GetKeyedService<RateLimiter>(name), timeProvider);
        if (!string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            return new Entry(clientOptions, null, new FactorialApiKey(settings.ApiKey!), null, resilience, budget);
        }

        var store = services.GetKeyedService<ITokenStore>(name)
            ?? services.GetService<ITokenStore>()
            ?? new FileTokenStore(settings.TokenFile!, loggerFactory?.CreateLogger<FileTokenStore>());
        var oauth = settings.App is { } app
            ? new FactorialOAuth(app, new FactorialOAuthOptions { BaseAddress = settings.BaseAddress, TimeProvider = timeProvider, LoggerFactory = loggerFactory, Timeout = settings.AttemptTimeout })
            : null;
        var tokens = new FactorialTokenSource(store, oauth, new FactorialTokenSourceOptions
        {
            RefreshBeforeExpiry = settings.RefreshBeforeExpiry,
            TimeProvider = timeProvider,
            LoggerFactory = loggerFactory,
        });
        clientOptions.PipelineTokens = tokens; // client.RefreshAsync() refreshes what the pipeline sends
        return new Entry(clientOptions, tokens, null, oauth, resilience, budget);
    }

    private sealed record Entry(FactorialClientOptions ClientOptions, FactorialTokenSource? Tokens, FactorialApiKey? ApiKey, FactorialOAuth? OAuth, ResiliencePipeline<HttpResponseMessage>? Resilience, FactorialRequestBudget? Budget);
}
