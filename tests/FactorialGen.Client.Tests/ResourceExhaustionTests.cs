using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using FactorialGen.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.Client.Tests;

/// <summary>
/// Resource exhaustion through generated clients: a body that drips a byte at a time fails with a typed time-out within
/// the configured time-out, on a plain <c>new</c> client (<see cref="FactorialClientOptions.Timeout"/>) and on one
/// from DI (<see cref="FactorialServiceOptions.TotalTimeout"/>).
/// </summary>
public sealed class ResourceExhaustionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(40); // only a call that never times out reaches this

    [Theory]
    [InlineData("new")]
    [InlineData("DI")]
    public async Task Dripping_body_fails_typed_within_the_time_out(string construction)
    {
        await using var server = await HostileServer.StartAsync();
        server.Handle(Drip);
        await using var provider = Provider(server);
        using var plain = new HrReports(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress, Timeout = Timeout });
        var hr = construction == "DI" ? provider.GetRequiredService<HrReports>() : plain;

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<FactorialNetworkException>(async () =>
        {
            await foreach (var _ in hr.Attendance.Shifts.ListAllAsync(paging: new FactorialPaging { Mode = FactorialPagingMode.Page, Prefetch = 2 }).WithCancellation(default))
            {
            }
        }).WaitAsync(Guard);

        Assert.Contains("stopped arriving", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, Timeout - TimeSpan.FromMilliseconds(100), Timeout + TimeSpan.FromSeconds(4));
    }

    private static ServiceProvider Provider(HostileServer server)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Factorial:BaseAddress"] = server.BaseAddress.AbsoluteUri,
            ["Factorial:ApiKey"] = "key",
        }).Build());
        services.AddFactorialClient<HrReports>(options =>
        {
            options.MaxRetryAttempts = 0;
            options.TotalTimeout = Timeout;
            options.AttemptTimeout = Timeout;
        });
        return services.BuildServiceProvider();
    }

    private static async Task Drip(HttpContext ctx)
    {
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync("{\"data\": [ ");
        await ctx.Response.Body.FlushAsync();
        try
        {
            for (var i = 0; i < 240; i++) // a byte every 250 ms: a minute at most
            {
                await Task.Delay(250, ctx.RequestAborted);
                await ctx.Response.WriteAsync(" ", ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            }

            await ctx.Response.WriteAsync("]}");
        }
        catch (OperationCanceledException)
        {
            // the client gave up: what this test wants
        }
    }
}
