using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.Tests;

/// <summary>
/// <c>await client.RefreshAsync()</c> refreshes the token the client's requests carry, on every construction path that
/// has one (token, token source, dependency injection), and says plainly when there is none (API key).
/// </summary>
public sealed class ClientRefreshShortcutTests
{
    [Fact]
    public async Task Client_over_a_token_refreshes_it_and_sends_the_new_one()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var store = new InMemoryTokenStore();
        using var client = new ProbeClient(new FactorialConnection(token, store, sandbox.ClientOptions()));

        var fresh = await client.RefreshAsync();

        Assert.NotEqual(token.AccessToken, fresh.AccessToken);
        Assert.Same(fresh, client.Connection.TokenSource!.Current);
        Assert.Equal(fresh.AccessToken, (await store.LoadAsync())!.AccessToken);
        await client.Connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees/1")); // the new token works
    }

    [Fact]
    public async Task Client_from_dependency_injection_refreshes_the_token_its_pipeline_sends()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var store = new InMemoryTokenStore();
        await store.SaveAsync(token);
        var services = new ServiceCollection();
        services.AddSingleton<ITokenStore>(store);
        services.AddSingleton<TimeProvider>(sandbox.Time);
        services.AddFactorialClient<ProbeClient>(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.ClientId = sandbox.App.ClientId;
            options.ClientSecret = sandbox.App.ClientSecret;
            options.RedirectUri = sandbox.App.RedirectUri;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ProbeClient>();

        var fresh = await client.RefreshAsync();

        Assert.NotEqual(token.AccessToken, fresh.AccessToken);
        Assert.Equal(fresh.AccessToken, (await store.LoadAsync())!.AccessToken);
        await client.Connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees/1"));
    }

    [Fact]
    public async Task Client_over_an_api_key_says_there_is_no_token_to_refresh()
    {
        using var client = new ProbeClient(new FactorialConnection(new FactorialApiKey("key")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RefreshAsync());

        Assert.Contains("ProbeClient has no OAuth token to refresh", error.Message, StringComparison.Ordinal);
        Assert.Contains("API key", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A client as the generator writes it, as far as RefreshAsync is concerned: a public Connection.</summary>
    private sealed class ProbeClient(FactorialConnection connection) : IFactorialClient<ProbeClient>, IDisposable
    {
        public FactorialConnection Connection { get; } = connection;

        public static ProbeClient Create(HttpClient httpClient, FactorialClientOptions options) => new(new FactorialConnection(httpClient, options));

        public void Dispose() => Connection.Dispose();
    }
}
