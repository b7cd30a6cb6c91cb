using System;

namespace FactorialGen.Tests;

/// <summary>Scopes, tokens and apps as values: conversions, expiry, and text that never shows a secret.</summary>
public sealed class ValueTypeTests
{
    [Theory]
    [InlineData("read", FactorialScope.Read)]
    [InlineData("write", FactorialScope.Write)]
    [InlineData("read write", FactorialScope.ReadWrite)]
    [InlineData("read+write", FactorialScope.ReadWrite)]
    [InlineData("write read", FactorialScope.ReadWrite)]
    [InlineData(" READ ", FactorialScope.Read)]
    [InlineData("read employees", FactorialScope.Read)]
    public void Scope_strings_parse(string text, FactorialScope expected)
    {
        Assert.Equal(expected, FactorialScopes.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("admin")]
    [InlineData("   ")]
    public void Unknown_scope_strings_are_refused(string text)
    {
        Assert.False(FactorialScopes.TryParse(text, out _));
        Assert.Throws<FormatException>(() => FactorialScopes.Parse(text));
    }

    [Theory]
    [InlineData(FactorialScope.Read, "read")]
    [InlineData(FactorialScope.Write, "write")]
    [InlineData(FactorialScope.ReadWrite, "read write")]
    public void Scopes_convert_to_oauth_strings_and_back(FactorialScope scope, string text)
    {
        Assert.Equal(text, scope.ToOAuthString());
        Assert.Equal(scope, FactorialScopes.Parse(scope.ToOAuthString()));
    }

    [Fact]
    public void Covers_follows_the_flags()
    {
        Assert.True(FactorialScope.ReadWrite.Covers(FactorialScope.Write));
        Assert.False(FactorialScope.Read.Covers(FactorialScope.Write));
        Assert.False(FactorialScope.Write.Covers(FactorialScope.Read));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((FactorialScope)0).ToOAuthString());
    }

    [Fact]
    public void Token_expiry_comes_from_its_times()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var token = new FactorialToken("a", "r", FactorialScope.Read, time.GetUtcNow(), time.GetUtcNow().AddHours(1));

        Assert.False(token.IsExpired(time));
        time.Advance(TimeSpan.FromHours(1));
        Assert.True(token.IsExpired(time));
        Assert.False(FactorialToken.FromAccessToken("x", FactorialScope.Read).IsExpired(time));
    }

    [Fact]
    public void Text_of_tokens_apps_and_keys_never_shows_a_secret()
    {
        var token = new FactorialToken("ACCESS-SECRET-1", "REFRESH-SECRET-2", FactorialScope.ReadWrite, DateTimeOffset.UnixEpoch, null);
        var app = new FactorialApp("client-id", "CLIENT-SECRET-3", "urn:ietf:wg:oauth:2.0:oob");
        var key = new FactorialApiKey("API-KEY-SECRET-4");

        var text = string.Join(" | ", token, app, key, app with { ClientId = "other" });

        Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
        Assert.Contains("client-id", text, StringComparison.Ordinal);
        Assert.Contains(token.Fingerprint, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorization_request_text_leaves_out_the_code_verifier()
    {
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", FactorialApp.OutOfBandRedirectUri));
        var request = oauth.Authorize(FactorialScope.Read);

        Assert.DoesNotContain(request.CodeVerifier, request.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://api.factorialhr.com")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("ftp://127.0.0.1")]
    public void Plain_http_base_addresses_are_refused_unless_loopback(string address)
    {
        var app = new FactorialApp("id", "secret", FactorialApp.OutOfBandRedirectUri);
        var error = Assert.Throws<ArgumentException>(() => new FactorialOAuth(app, new FactorialOAuthOptions { BaseAddress = new Uri(address) }));
        Assert.Contains("HTTPS", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new FactorialConnection(new FactorialApiKey("k"), new FactorialClientOptions { BaseAddress = new Uri(address) }));
    }

    [Theory]
    [InlineData("https://api.factorialhr.com")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void Https_and_loopback_base_addresses_are_accepted(string address)
    {
        using var connection = new FactorialConnection(new FactorialApiKey("k"), new FactorialClientOptions { BaseAddress = new Uri(address) });
        Assert.EndsWith("/", connection.Options.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
    }
}
