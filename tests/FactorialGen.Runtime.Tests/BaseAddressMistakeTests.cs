using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactorialGen.Tests;

/// <summary>
/// A base address that already holds the API's path (<c>…/api/</c> + <c>/api/…</c>) is refused on every construction
/// path with a message that names the doubled path and the fix, instead of 404s that name the right path; an address
/// written without its scheme is refused naming the scheme it was read with, never as <c>''</c>.
/// </summary>
public sealed class BaseAddressMistakeTests
{
    [Theory]
    [InlineData("https://api.factorialhr.com/api/", "'/api/'")]
    [InlineData("https://api.factorialhr.com/api", "'/api/'")]
    [InlineData("https://api.factorialhr.com/api/2026-07-01/", "'/api/2026-07-01/'")]
    [InlineData("https://api.factorialhr.com/api/2026-07-01/resources/", "'/api/2026-07-01/'")]
    [InlineData("https://gateway.example.com/factorial/api/", "'/api/'")]
    [InlineData("http://127.0.0.1:5080/api/", "'/api/'")]
    public void Base_address_with_the_api_path_is_refused_on_every_path_naming_the_doubling(string address, string shown)
    {
        var uri = new Uri(address);
        var errors = new Exception[]
        {
            Assert.Throws<ArgumentException>(() => new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = uri })),
            Assert.Throws<ArgumentException>(() => new FactorialConnection(FactorialToken.FromAccessToken("access", FactorialScope.Read), options: new FactorialClientOptions { BaseAddress = uri })),
            Assert.Throws<ArgumentException>(() => new FactorialOAuth(new FactorialApp("id", "secret", FactorialApp.OutOfBandRedirectUri), new FactorialOAuthOptions { BaseAddress = uri })),
            Assert.Throws<ArgumentException>(() => new FactorialAuthHandler(new FactorialApiKey("key"), uri)),
        };

        foreach (var error in errors)
        {
            Assert.Contains(shown, error.Message, StringComparison.Ordinal);
            Assert.Contains("/api/api/", error.Message, StringComparison.Ordinal);
            Assert.Contains("'https://api.factorialhr.com/'", error.Message, StringComparison.Ordinal);
            Assert.Contains("ApiVersion", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("factorial/api", error.Message, StringComparison.Ordinal); // the rest of the path is never shown
        }
    }

    [Fact]
    public void Dependency_injection_refuses_the_doubled_path_when_the_host_starts()
    {
        var services = new ServiceCollection();
        services.AddFactorialClient<ProbeClient>(options =>
        {
            options.BaseAddress = new Uri("https://api.factorialhr.com/api/");
            options.ApiKey = "key";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ProbeClient>());

        Assert.Contains("Factorial:BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains("/api/api/", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://proxy.example.com/factorial/")]
    [InlineData("https://gateway.example.com/api/factorial/")]
    [InlineData("https://apis.example.com/application/")]
    public async Task Base_address_with_a_proxy_prefix_is_kept_and_prefixes_every_call(string address)
    {
        var handler = new CannedHandler(System.Net.HttpStatusCode.OK, "[]");
        using var connection = new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = new Uri(address), PrimaryHandler = handler });

        await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"));

        Assert.Equal(address + "api/" + FactorialClientOptions.DefaultApiVersion + "/resources/employees/employees", handler.LastRequest!.RequestUri!.AbsoluteUri);
    }

    [Theory]
    [InlineData("localhost:5080", "'localhost'")]
    [InlineData("api.factorialhr.com:443", "'api.factorialhr.com'")]
    [InlineData("ftp://127.0.0.1/", "'ftp'")]
    public void Address_without_its_scheme_is_refused_naming_the_scheme_it_was_read_with(string address, string scheme)
    {
        var error = Assert.Throws<ArgumentException>(() => new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = new Uri(address) }));

        Assert.Contains($"its scheme is {scheme}", error.Message, StringComparison.Ordinal);
        Assert.Contains("https://api.factorialhr.com/", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTPS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("''", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_address_is_refused_with_an_example_of_an_absolute_one()
    {
        var error = Assert.Throws<ArgumentException>(() => new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = new Uri("api.factorialhr.com", UriKind.Relative) }));

        Assert.Contains("not an absolute URI", error.Message, StringComparison.Ordinal);
        Assert.Contains("'https://api.factorialhr.com/'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The smallest client DI can create.</summary>
    private sealed class ProbeClient(HttpClient http) : IFactorialClient<ProbeClient>
    {
        public HttpClient Http { get; } = http;

        public static ProbeClient Create(HttpClient httpClient, FactorialClientOptions options) => new(httpClient);
    }
}
