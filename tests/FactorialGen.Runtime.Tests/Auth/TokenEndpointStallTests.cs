using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FactorialGen.Tests.Auth;

/// <summary>
/// Resource exhaustion at the token endpoint: an endpoint that never sends its headers, or drips its body at one byte a
/// second, fails with a typed time-out within the configured time-out on every path (FactorialOAuth with its own handler,
/// a caller's handler or HttpClient, a connection refreshing before a call, an explicit refresh).
/// </summary>
public sealed class TokenEndpointStallTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5); // scheduling on a busy machine; the old limit was 100 s
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var stall in new[] { "headers never come", "body drips 1 byte/s" })
        {
            foreach (var path in new[] { "oauth default", "oauth with a caller handler", "oauth with a caller HttpClient", "connection refreshing before a call", "explicit refresh through a token source" })
            {
                data.Add(stall, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Stalled_or_dripping_token_endpoint_fails_with_a_typed_timeout_within_the_configured_timeout(string stall, string path)
    {
        await using var server = await HostileServer.StartAsync(context => StallAsync(context, stall));
        using var http = path == "oauth with a caller HttpClient" ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress } : null;
        var oauthOptions = new FactorialOAuthOptions
        {
            BaseAddress = server.BaseAddress,
            Timeout = Timeout,
            HttpClient = http,
            HttpMessageHandler = path == "oauth with a caller handler" ? new SocketsHttpHandler { AllowAutoRedirect = false } : null,
        };
        var expired = new FactorialToken("access-0", "refresh-0", FactorialScope.Read, DateTimeOffset.UtcNow.AddHours(-3), DateTimeOffset.UtcNow.AddHours(-1));
        var store = new SavingTokenStore(expired);
        var clientOptions = new FactorialClientOptions { BaseAddress = server.BaseAddress, App = FakeFactorial.App, Timeout = Timeout };
        using var oauth = new FactorialOAuth(FakeFactorial.App, oauthOptions);
        using var connection = new FactorialConnection(expired, store, clientOptions);
        var started = Stopwatch.StartNew();

        Task pending = path switch
        {
            "connection refreshing before a call" => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials")),
            "explicit refresh through a token source" => new FactorialTokenSource(expired, oauth, store).RefreshAsync(),
            _ => oauth.RefreshAccessTokenAsync(expired),
        };
        var error = await Assert.ThrowsAnyAsync<FactorialException>(() => pending.WaitAsync(Guard));
        started.Stop();

        Assert.True(
            error is FactorialNetworkException || error is FactorialAuthException { Error: "timeout" },
            $"expected a typed time-out, got {error.GetType().Name}: {error.Message}");
        Assert.True(started.Elapsed < Timeout + Slack, $"took {started.Elapsed.TotalSeconds:0.0} s with a time-out of {Timeout.TotalSeconds} s");
        Assert.Same(expired, store.Current);
        CredentialRedirectTests.AssertNoSecret(error);
    }

    private static async Task StallAsync(HttpContext context, string stall)
    {
        try
        {
            if (stall == "headers never come")
            {
                await Task.Delay(System.Threading.Timeout.Infinite, context.RequestAborted);
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            for (var i = 0; i < 600; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
                await context.Response.WriteAsync(" ", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up: what the test wants.
        }
    }
}
