using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FactorialGen.Sandbox;

/// <summary>
/// <c>GET /sandbox/stats</c>: the <see cref="SandboxStats"/> counters as JSON, for tools that run the sandbox as a
/// separate process (the replicas sample). Not part of Factorial's API; the sandbox only listens on loopback.
/// </summary>
internal static class SandboxStatsEndpoint
{
    public static void MapSandboxStats(this WebApplication app, SandboxState state) =>
        app.MapGet("/sandbox/stats", http =>
        {
            SandboxStats stats = state.Stats;
            http.Response.ContentType = "application/json; charset=utf-8";
            return http.Response.WriteAsync(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{{\"refreshGrants\":{stats.RefreshGrants},\"tokenRequests\":{stats.TokenRequests},\"resourceRequests\":{stats.ResourceRequests},\"rateLimited\":{stats.RateLimited},\"maxPostsPerWindow\":{stats.MaxPostsPerWindow},\"windowSeconds\":{state.Options.RateLimitWindow.TotalSeconds},\"tokenLifetimeSeconds\":{state.Options.AccessTokenLifetime.TotalSeconds}}}"),
                http.RequestAborted);
        });
}
