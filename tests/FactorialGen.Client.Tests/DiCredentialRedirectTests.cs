using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using FactorialGen.Client.Tests.FactorialApi;
using FactorialGen.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.Client.Tests;

/// <summary>
/// Credentials crossing origins, on the generated client's paths: <c>AddFactorialClient</c> (OAuth refresh before the
/// first call, API key, a primary handler that follows redirects) and a plain <c>new</c> of a generated client. A 307/308
/// to a second server never carries a secret there, and becomes a typed error.
/// </summary>
public sealed class DiCredentialRedirectTests
{
    private const string ClientSecret = "cs-SECRET-client";
    private const string RefreshToken = "rt-SECRET-refresh";
    private const string AccessToken = "at-SECRET-access";
    private const string ApiKey = "ak-SECRET-apikey";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private static FactorialToken Expired() =>
        new(AccessToken, RefreshToken, FactorialScope.ReadWrite, DateTimeOffset.UtcNow.AddHours(-3), DateTimeOffset.UtcNow.AddHours(-1));

    private static ServiceProvider Build(Uri baseAddress, ITokenStore? store, string? apiKey, bool redirectingPrimary)
    {
        var services = new ServiceCollection();
        if (store is not null)
        {
            services.AddSingleton(store);
        }

        var builder = services.AddFactorialClient<HrReports>(options =>
        {
            options.BaseAddress = baseAddress;
            options.ApiKey = apiKey;
            options.ClientId = apiKey is null ? "client-id" : null;
            options.ClientSecret = apiKey is null ? ClientSecret : null;
            options.EnableResilience = false;
        });
        if (redirectingPrimary)
        {
            builder.ConfigurePrimaryHttpMessageHandler(static () => new HttpClientHandler()); // AllowAutoRedirect = true
        }

        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(307, false)]
    [InlineData(308, true)]
    public async Task Registered_client_refreshing_before_its_first_call_sends_nothing_to_the_redirect_target(int status, bool redirectingPrimary)
    {
        await using var other = await HostileServer.StartAsync();
        other.AnswerJson("""{"access_token":"stolen","token_type":"Bearer"}""");
        await using var api = await HostileServer.StartAsync();
        api.Redirect(new Uri(other.BaseAddress, "oauth/token"), status);
        var store = new InMemoryTokenStore(Expired());
        await using var provider = Build(api.BaseAddress, store, apiKey: null, redirectingPrimary);

        var error = await Assert.ThrowsAnyAsync<FactorialException>(() => provider.GetRequiredService<HrReports>().ApiPublic.Credentials.ListAsync().WaitAsync(Guard));

        Assert.Empty(other.Received);
        Assert.Contains(other.BaseAddress.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped), error.Message, StringComparison.Ordinal);
        AssertNoSecret(error);
    }

    [Theory]
    [InlineData(307, false)]
    [InlineData(308, true)]
    public async Task Registered_api_key_client_does_not_follow_an_api_redirect(int status, bool redirectingPrimary)
    {
        await using var other = await HostileServer.StartAsync();
        other.AnswerJson("[]");
        await using var api = await HostileServer.StartAsync();
        api.Redirect(new Uri(other.BaseAddress, "steal"), status);
        await using var provider = Build(api.BaseAddress, store: null, ApiKey, redirectingPrimary);

        var error = await Assert.ThrowsAsync<FactorialApiException>(() => provider.GetRequiredService<HrReports>().ApiPublic.Credentials.ListAsync().WaitAsync(Guard));

        Assert.Empty(other.Received);
        Assert.True(api.SawSecret(ApiKey));
        Assert.Equal("redirect", error.ErrorCode);
        AssertNoSecret(error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Generated_client_made_with_new_refreshing_before_its_first_call_sends_nothing_to_the_redirect_target(bool redirectingPrimary)
    {
        await using var other = await HostileServer.StartAsync();
        other.AnswerJson("""{"access_token":"stolen","token_type":"Bearer"}""");
        await using var api = await HostileServer.StartAsync();
        api.Redirect(new Uri(other.BaseAddress, "oauth/token"), 307);
        var expired = Expired();
        var store = new InMemoryTokenStore(expired);
        using var hr = new HrReports(expired, store, new FactorialClientOptions
        {
            BaseAddress = api.BaseAddress,
            App = new FactorialApp("client-id", ClientSecret, FactorialApp.OutOfBandRedirectUri),
            PrimaryHandler = redirectingPrimary ? new HttpClientHandler() : null,
        });

        var error = await Assert.ThrowsAnyAsync<FactorialException>(() => hr.ApiPublic.Credentials.ListAsync().WaitAsync(Guard));

        Assert.Empty(other.Received);
        Assert.Same(expired, store.Current);
        Assert.Contains(other.BaseAddress.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped), error.Message, StringComparison.Ordinal);
        AssertNoSecret(error);
    }

    private static void AssertNoSecret(Exception error)
    {
        foreach (var secret in new[] { ClientSecret, RefreshToken, AccessToken, ApiKey })
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }
    }
}
