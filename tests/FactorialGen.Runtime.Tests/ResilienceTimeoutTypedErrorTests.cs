using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.Tests;

/// <summary>
/// A time-out of the resilience pipeline of <c>AddFactorialClient</c> (per attempt or in total) reaches the caller as
/// a typed <see cref="FactorialNetworkException"/>, not as Polly's <c>TimeoutRejectedException</c>.
/// </summary>
public sealed class ResilienceTimeoutTypedErrorTests
{
    [Theory]
    [InlineData("attempt")]
    [InlineData("total")]
    public async Task A_resilience_time_out_is_a_typed_network_error(string which)
    {
        await using var server = await HostileServer.StartAsync(async context => await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted));
        var services = new ServiceCollection();
        services.AddFactorialClient<Probe>(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.ApiKey = "key";
            options.MaxRetryAttempts = 0;
            options.AttemptTimeout = which == "attempt" ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromMinutes(1);
            options.TotalTimeout = which == "total" ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromMinutes(1);
        });
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<FactorialNetworkException>(
            () => provider.GetRequiredService<Probe>().Connection.SendJsonAsync(new FactorialRequest(HttpMethod.Post, "attendance/shifts")).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    private sealed class Probe(FactorialConnection connection) : IFactorialClient<Probe>
    {
        public FactorialConnection Connection { get; } = connection;

        public static Probe Create(HttpClient httpClient, FactorialClientOptions options) => new(new FactorialConnection(httpClient, options));
    }
}
