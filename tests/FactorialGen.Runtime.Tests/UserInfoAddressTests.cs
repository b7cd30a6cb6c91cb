using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactorialGen.Tests;

/// <summary>
/// Addresses that carry user info (<c>https://user:pass@host</c>) are refused on every path that accepts an address
/// (client options, OAuth options, caller-supplied HttpClients, DI options, redirect URIs), and no message built from
/// an address ever shows the user info.
/// </summary>
public sealed class UserInfoAddressTests
{
    private readonly string _user = $"alice{Guid.NewGuid():N}"[..14];
    private readonly string _password = $"pw{Guid.NewGuid():N}";

    private string UserInfo => $"{_user}:{_password}";

    private void AssertQuiet(Exception error)
    {
        var scan = new SecretScan();
        scan.Secret(_password);
        scan.Secret(_user);
        scan.Error("refusal", error);
        scan.AssertClean();
    }

    [Theory]
    [InlineData("https://{0}@api.factorialhr.com/")]
    [InlineData("https://{0}@api.factorialhr.com:8443/api")]
    [InlineData("http://{0}@127.0.0.1:5000/")]
    [InlineData("http://{0}@example.com/")] // refused twice over (plain HTTP off loopback): the message still hides it
    public void Client_options_refuse_a_base_address_with_user_info_without_echoing_it(string template)
    {
        var address = new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, UserInfo));

        var withToken = Assert.Throws<ArgumentException>(() => new FactorialConnection(FactorialToken.FromAccessToken("t", FactorialScope.Read), options: new FactorialClientOptions { BaseAddress = address }));
        var withKey = Assert.Throws<ArgumentException>(() => new FactorialConnection(new FactorialApiKey("k"), new FactorialClientOptions { BaseAddress = address }));
        using var http = new HttpClient();
        var withClient = Assert.Throws<ArgumentException>(() => new FactorialConnection(http, new FactorialClientOptions { BaseAddress = address }));
        var handler = Assert.Throws<ArgumentException>(() => new FactorialAuthHandler(new FactorialApiKey("k"), address));

        foreach (var error in new[] { withToken, withKey, withClient, handler })
        {
            AssertQuiet(error);
        }

        Assert.Contains("user info", withToken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OAuth_options_refuse_a_base_address_with_user_info_without_echoing_it()
    {
        var app = new FactorialApp("id", "secret", FactorialApp.OutOfBandRedirectUri);

        var error = Assert.Throws<ArgumentException>(() => new FactorialOAuth(app, new FactorialOAuthOptions { BaseAddress = new Uri($"https://{UserInfo}@api.factorialhr.com/") }));

        AssertQuiet(error);
        Assert.Contains("user info", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_caller_supplied_HttpClient_whose_base_address_has_user_info_is_refused()
    {
        var app = new FactorialApp("id", "secret", FactorialApp.OutOfBandRedirectUri);
        using var oauthClient = new HttpClient { BaseAddress = new Uri($"https://{UserInfo}@api.factorialhr.com/") };
        using var apiClient = new HttpClient { BaseAddress = new Uri($"https://{UserInfo}@api.factorialhr.com/") };

        var oauth = Assert.Throws<ArgumentException>(() => new FactorialOAuth(app, new FactorialOAuthOptions { HttpClient = oauthClient }));
        var connection = Assert.Throws<ArgumentException>(() => new FactorialConnection(apiClient));

        AssertQuiet(oauth);
        AssertQuiet(connection);
    }

    [Fact]
    public void Dependency_injection_refuses_a_base_address_with_user_info_without_echoing_it()
    {
        var services = new ServiceCollection();
        services.AddFactorialClient<ProbeClient>(options =>
        {
            options.BaseAddress = new Uri($"https://{UserInfo}@api.factorialhr.com/");
            options.ApiKey = "key";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ProbeClient>());

        AssertQuiet(error);
        Assert.Contains("user info", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependency_injection_refuses_a_redirect_uri_with_user_info_without_echoing_it()
    {
        var services = new ServiceCollection();
        services.AddFactorialClient<ProbeClient>(options =>
        {
            options.ApiKey = "key";
            options.ClientId = "id";
            options.ClientSecret = "secret";
            options.RedirectUri = $"https://{UserInfo}@app.example.com/callback";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ProbeClient>());

        AssertQuiet(error);
        Assert.Contains("RedirectUri", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://{0}@127.0.0.1:53682/callback")]
    [InlineData("https://{0}@app.example.com/callback")]
    public void A_redirect_uri_with_user_info_is_refused_and_never_printed(string template)
    {
        var redirect = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, UserInfo);
        var app = new FactorialApp("id", "secret", redirect);

        var error = Assert.Throws<ArgumentException>(() => new FactorialOAuth(app));

        AssertQuiet(error);
        var scan = new SecretScan();
        scan.Secret(_password);
        scan.Secret(_user);
        scan.Text("FactorialApp.ToString", app.ToString());
        scan.AssertClean();
        Assert.Contains("***@", app.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_to_an_address_with_user_info_is_refused_by_the_auth_handler_without_echoing_it()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("{}");
        using var http = new HttpClient(new FactorialAuthHandler(new FactorialApiKey("k"), server.BaseAddress) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false } });
        var target = new UriBuilder(server.BaseAddress) { UserName = _user, Password = _password, Path = "/api/x" }.Uri;

        var error = await Assert.ThrowsAnyAsync<FactorialException>(() => http.GetAsync(target));

        AssertQuiet(error);
        Assert.Empty(server.Received);
    }

    [Fact]
    public void Messages_describe_addresses_by_scheme_host_and_port_only()
    {
        var described = BaseAddressPolicy.Describe(new Uri($"https://{UserInfo}@api.factorialhr.com:8443/a/b?c=d"));

        Assert.Equal("https://api.factorialhr.com:8443", described);
        Assert.Equal("(a relative URI)", BaseAddressPolicy.Describe(new Uri("relative/path", UriKind.Relative)));
    }

    /// <summary>The smallest client DI can create: only construction is exercised.</summary>
    private sealed class ProbeClient(HttpClient http) : IFactorialClient<ProbeClient>
    {
        public HttpClient Http { get; } = http;

        public static ProbeClient Create(HttpClient httpClient, FactorialClientOptions options) => new(httpClient);
    }
}
