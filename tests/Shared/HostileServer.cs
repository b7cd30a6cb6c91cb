using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FactorialGen.Testing;

/// <summary>
/// A real Kestrel server on a free loopback port that answers every request with a handler the test sets, and keeps a
/// copy of every request it received (method, path and query, headers, body). Tests play a hostile token endpoint, a
/// hostile API server, or "the other origin" a redirect points at, and then assert on what reached it.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedRequest> _received = [];
    private volatile Func<HttpContext, Task> _handler = NotFound;

    private HostileServer(Func<HostileServer, WebApplication> build)
    {
        _app = build(this);
    }

    /// <summary>The server's origin, with a trailing slash (<c>http://127.0.0.1:PORT/</c>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The requests received so far, in arrival order (a copy).</summary>
    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    /// <summary>Starts a server; without a handler it answers 404 to everything.</summary>
    public static async Task<HostileServer> StartAsync(Func<HttpContext, Task>? handler = null)
    {
        var server = new HostileServer(self =>
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, 0);
                kestrel.Limits.MinResponseDataRate = null; // a hostile server may drip its answer as slowly as it likes
            });
            var app = builder.Build();
            app.Run(async context =>
            {
                var copy = await ReceivedRequest.CopyAsync(context.Request);
                lock (self._received)
                {
                    self._received.Add(copy);
                }

                await self._handler(context);
            });
            return app;
        });
        if (handler is not null)
        {
            server.Handle(handler);
        }

        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Replaces the handler for the requests that come next.</summary>
    public void Handle(Func<HttpContext, Task> handler) => _handler = handler;

    /// <summary>Answers every request with a JSON body and a status.</summary>
    public void AnswerJson(string json, int status = 200) => Handle(async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    });

    /// <summary>Answers every request with a redirect to <paramref name="location"/>.</summary>
    public void Redirect(Uri location, int status = 307) => Handle(context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location.ToString();
        return Task.CompletedTask;
    });

    /// <summary>Whether any received request carries <paramref name="secret"/> anywhere (target, headers, body).</summary>
    public bool SawSecret(string secret) => Received.Any(r => r.Contains(secret));

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
}

/// <summary>One request as the hostile server saw it.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public bool Contains(string text) =>
        PathAndQuery.Contains(text, StringComparison.Ordinal)
        || Uri.UnescapeDataString(PathAndQuery).Contains(text, StringComparison.Ordinal)
        || Headers.Values.Any(v => v.Contains(text, StringComparison.Ordinal))
        || Body.Contains(text, StringComparison.Ordinal)
        || Uri.UnescapeDataString(Body.Replace('+', ' ')).Contains(text, StringComparison.Ordinal);

    internal static async Task<ReceivedRequest> CopyAsync(HttpRequest request)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        return new ReceivedRequest(request.Method, request.Path + request.QueryString, headers, body);
    }
}
