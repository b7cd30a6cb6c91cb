using System;
using System.Net.Http;

namespace FactorialGen.Tests;

/// <summary>
/// The mistakes of a first hour get messages that say what to do: an unset environment variable behind an empty
/// client id or secret, an HttpClient pointed at another host, an API version that is not a dated one.
/// </summary>
public sealed class FirstHourMessageTests
{
    [Fact]
    public void Empty_client_id_or_secret_points_at_the_environment_variable_the_readme_reads()
    {
        var id = Assert.Throws<ArgumentException>(() => new FactorialOAuth(new FactorialApp(Environment.GetEnvironmentVariable("FACTORIALGEN_UNSET_" + Guid.NewGuid().ToString("N"))!, "secret", FactorialApp.OutOfBandRedirectUri)));
        var secret = Assert.Throws<ArgumentException>(() => new FactorialOAuth(new FactorialApp("id", "  ", FactorialApp.OutOfBandRedirectUri)));

        Assert.Contains("client id", id.Message, StringComparison.Ordinal);
        Assert.Contains("FACTORIAL_CLIENT_ID", id.Message, StringComparison.Ordinal);
        Assert.Contains("FACTORIAL_CLIENT_SECRET", secret.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpClient_for_another_host_names_both_hosts_and_the_fix()
    {
        using var http = new HttpClient { BaseAddress = new Uri("https://other.example.com/") };

        var error = Assert.Throws<ArgumentException>(() => new FactorialConnection(http, new FactorialClientOptions()));

        Assert.Contains("https://other.example.com", error.Message, StringComparison.Ordinal);
        Assert.Contains("https://api.factorialhr.com", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set the same host on both", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Api_version_with_a_slash_asks_for_a_dated_version()
    {
        var error = Assert.Throws<ArgumentException>(() => new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { ApiVersion = "api/2026-07-01" }));

        Assert.Contains("'api/2026-07-01'", error.Message, StringComparison.Ordinal);
        Assert.Contains("dated version such as '2026-07-01'", error.Message, StringComparison.Ordinal);
    }
}
