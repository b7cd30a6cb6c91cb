using System;
using FactorialGen.Sandbox.Api;
using FactorialGen.Sandbox.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.Sandbox;

/// <summary>Builds the web application shared by <see cref="FactorialSandbox"/> and the standalone program.</summary>
internal static class SandboxHost
{
    public static WebApplication Build(SandboxState state, WebApplicationOptions hostOptions, Action<WebApplicationBuilder> configure)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(hostOptions);
        configure(builder);
        builder.Services.AddHostedService(_ => new Webhooks.WebhookDispatcher(state));
        WebApplication app = builder.Build();

        app.MapGet("/", http =>
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync(
                "Factorial sandbox. OAuth: /oauth/authorize, /oauth/token, /oauth/revoke. API: /api/{YYYY-MM-DD}/resources/{namespace}/{resource}.\n",
                http.RequestAborted);
        });
        app.MapOAuth(state);
        app.MapResourceApi(state);
        app.MapSandboxStats(state);
        return app;
    }
}
