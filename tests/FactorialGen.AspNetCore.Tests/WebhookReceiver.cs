using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FactorialGen.AspNetCore.Tests;

/// <summary>A real Kestrel app on 127.0.0.1:0 with a webhook receiver, every log line captured (all levels).</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, CapturedLogs logs, Uri baseAddress)
    {
        _app = app;
        Logs = logs;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public CapturedLogs Logs { get; }

    public HttpClient Client { get; }

    public static Task<WebhookReceiver> StartAsync(Action<FactorialWebhookOptions> options, Action<FactorialWebhookHandlers> handlers, Action<IServiceCollection>? services = null) =>
        StartAsync<Hr>(options, handlers, services);

    public static async Task<WebhookReceiver> StartAsync<TClient>(Action<FactorialWebhookOptions> options, Action<FactorialWebhookHandlers> handlers, Action<IServiceCollection>? services = null)
        where TClient : FactorialGen.Webhooks.IFactorialWebhookSource
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.Services.AddFactorialWebhooks(options);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapFactorialWebhooks<TClient>("/factorial/webhooks", handlers);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new WebhookReceiver(app, logs, new Uri(address));
    }

    public Task<HttpResponseMessage> PostAsync(string type, string json, string? challenge, string prefix = "/factorial/webhooks/")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, prefix + type) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (challenge is not null)
        {
            request.Headers.TryAddWithoutValidation(FactorialWebhookOptions.ChallengeHeader, challenge);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Stops the host (draining the handler queue within its shutdown timeout).</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Every log line (message and exception text) of the app.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public bool Contains(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {exception} {state}");
    }
}
