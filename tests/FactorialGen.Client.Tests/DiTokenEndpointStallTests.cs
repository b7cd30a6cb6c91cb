using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Client.Tests.FactorialApi;
using FactorialGen.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.Client.Tests;

/// <summary>
/// Resource exhaustion at the token endpoint through <c>AddFactorialClient</c>: a token endpoint that never answers or drips
/// its body fails the call with a typed time-out within the attempt time-out, with or without the resilience pipeline.
/// </summary>
public sealed class DiTokenEndpointStallTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("headers never come", false)]
    [InlineData("body drips 1 byte/s", false)]
    [InlineData("headers never come", true)]
    [InlineData("body drips 1 byte/s", true)]
    public async Task Stalled_token_endpoint_fails_a_registered_client_with_a_typed_timeout(string stall, bool resilience)
    {
        await using var server = await HostileServer.StartAsync(context => StallAsync(context, stall));
        var expired = new FactorialToken("access-0", "refresh-0", FactorialScope.ReadWrite, DateTimeOffset.UtcNow.AddHours(-3), DateTimeOffset.UtcNow.AddHours(-1));
        var store = new InMemoryTokenStore(expired);
        var services = new ServiceCollection();
        services.AddSingleton<ITokenStore>(store);
        services.AddFactorialClient<HrReports>(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.ClientId = "client-id";
            options.ClientSecret = "cs-SECRET-client";
            options.AttemptTimeout = AttemptTimeout;
            options.TotalTimeout = TimeSpan.FromSeconds(4);
            options.RetryDelay = TimeSpan.FromMilliseconds(10);
            options.EnableResilience = resilience;
        });
        await using var provider = services.BuildServiceProvider();
        var started = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<FactorialException>(() => provider.GetRequiredService<HrReports>().ApiPublic.Credentials.ListAsync().WaitAsync(Guard));
        started.Stop();

        Assert.True(
            error is FactorialNetworkException || error is FactorialAuthException { Error: "timeout" },
            $"expected a typed time-out, got {error.GetType().Name}: {error.Message}");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed.TotalSeconds:0.0} s");
        Assert.Same(expired, store.Current);
    }

    private static async Task StallAsync(HttpContext context, string stall)
    {
        try
        {
            if (stall == "headers never come")
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return;
            }

            context.Response.ContentType = "application/json";
            for (var i = 0; i < 600; i++)
            {
                await context.Response.WriteAsync(i == 0 ? "{" : " ", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up.
        }
    }
}
