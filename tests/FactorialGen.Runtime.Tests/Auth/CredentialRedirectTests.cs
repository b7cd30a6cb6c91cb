using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests.Auth;

/// <summary>
/// Credentials crossing origins: a token endpoint or an API that answers 307/308 to a second server must never get the
/// client secret, the authorization key, the refresh token, the bearer token or the API key sent there — on every way
/// of building the client, including handlers and clients that follow redirects. The 3xx becomes a typed error that
/// names the target origin and no secret.
/// </summary>
public sealed class CredentialRedirectTests
{
    private const string Code = "code-SECRET-key";
    private const string RefreshToken = "rt-SECRET-refresh";
    private const string AccessToken = "at-SECRET-access";
    private const string ApiKey = "ak-SECRET-apikey";
    private static readonly string[] AllSecrets = [FakeFactorial.ClientSecret, Code, RefreshToken, AccessToken, ApiKey];
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string, int> OAuthPaths()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var path in new[] { "default handler", "HttpClientHandler that follows redirects", "SocketsHttpHandler that follows redirects, inside a DelegatingHandler", "HttpClient that follows redirects" })
        {
            foreach (var call in new[] { "exchange", "refresh", "revoke" })
            {
                data.Add(path, call, call == "refresh" ? 308 : 307);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OAuthPaths))]
    public async Task Token_endpoint_redirect_is_not_followed_and_the_other_origin_gets_nothing(string path, string call, int status)
    {
        await using var other = await HostileServer.StartAsync();
        other.AnswerJson("""{"access_token":"stolen","token_type":"Bearer"}""");
        await using var api = await HostileServer.StartAsync();
        api.Redirect(new Uri(other.BaseAddress, "oauth/" + (call == "revoke" ? "revoke" : "token")), status);
        using var http = path == "HttpClient that follows redirects" ? new HttpClient(new HttpClientHandler()) : null;
        var options = new FactorialOAuthOptions
        {
            BaseAddress = api.BaseAddress,
            HttpClient = http,
            HttpMessageHandler = path switch
            {
                "HttpClientHandler that follows redirects" => new HttpClientHandler { AllowAutoRedirect = true },
                "SocketsHttpHandler that follows redirects, inside a DelegatingHandler" => new PassThroughHandler(new PassThroughHandler(new SocketsHttpHandler())),
                _ => null,
            },
        };
        using var oauth = new FactorialOAuth(FakeFactorial.App, options);

        Task pending = call switch
        {
            "exchange" => oauth.ObtainAccessTokenAsync(Code),
            "refresh" => oauth.RefreshAccessTokenAsync(RefreshToken),
            _ => oauth.RevokeAsync(new FactorialToken(AccessToken, RefreshToken, FactorialScope.Read, DateTimeOffset.UtcNow, null)),
        };
        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => pending.WaitAsync(Guard));

        Assert.Empty(other.Received);
        Assert.Single(api.Received);
        Assert.Equal("redirect", error.Error);
        Assert.Equal(status, (int)error.StatusCode!);
        Assert.Contains(other.BaseAddress.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped), error.Message, StringComparison.Ordinal);
        AssertNoSecret(error);
    }

    [Fact]
    public async Task Caller_handler_that_already_sent_with_redirects_on_is_refused_before_any_credential_is_sent()
    {
        await using var other = await HostileServer.StartAsync();
        await using var api = await HostileServer.StartAsync();
        api.Redirect(new Uri(other.BaseAddress, "oauth/token"), 307);
        using var started = new HttpClient(new HttpClientHandler()) { BaseAddress = api.BaseAddress }; // AllowAutoRedirect = true
        (await started.GetAsync(new Uri(other.BaseAddress, "warm-up"))).Dispose();
        var seenBefore = other.Received.Count;

        var error = Assert.Throws<ArgumentException>(() => new FactorialOAuth(FakeFactorial.App, new FactorialOAuthOptions { BaseAddress = api.BaseAddress, HttpClient = started }));

        Assert.Contains("redirect", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(seenBefore, other.Received.Count);
        Assert.Empty(api.Received);
    }

    public static TheoryData<string> ConnectionPaths() =>
    [
        "default handler, expired token, first call",
        "primary SocketsHttpHandler that follows redirects, refresh before the first call",
        "primary HttpClientHandler that follows redirects, expired token, first call",
        "token source shared with a redirecting primary handler, refresh before any connection call",
    ];

    [Theory]
    [MemberData(nameof(ConnectionPaths))]
    public async Task Refresh_through_a_connection_that_meets_a_redirect_sends_nothing_to_the_other_origin(string path)
    {
        await using var other = await HostileServer.StartAsync();
        other.AnswerJson("""{"access_token":"stolen","token_type":"Bearer","refresh_token":"stolen"}""");
        await using var api = await HostileServer.StartAsync();
        api.Redirect(new Uri(other.BaseAddress, "oauth/token"), 307);
        var options = new FactorialClientOptions
        {
            BaseAddress = api.BaseAddress,
            App = FakeFactorial.App,
            PrimaryHandler = path switch
            {
                { } p when p.StartsWith("primary SocketsHttpHandler", StringComparison.Ordinal) || p.StartsWith("token source", StringComparison.Ordinal) => new SocketsHttpHandler(),
                { } p when p.StartsWith("primary HttpClientHandler", StringComparison.Ordinal) => new HttpClientHandler(),
                _ => null,
            },
        };
        var expired = new FactorialToken(AccessToken, RefreshToken, FactorialScope.Read, DateTimeOffset.UtcNow.AddHours(-3), DateTimeOffset.UtcNow.AddHours(-1));
        var store = new InMemoryTokenStore(expired);
        using var connection = new FactorialConnection(expired, store, options);

        Task pending = path.Contains("refresh before", StringComparison.Ordinal)
            ? connection.TokenSource!.RefreshAsync()
            : connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials"));
        var error = await Assert.ThrowsAnyAsync<FactorialException>(() => pending.WaitAsync(Guard));

        Assert.Empty(other.Received);
        Assert.Same(expired, store.Current);
        Assert.Contains(other.BaseAddress.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped), error.Message, StringComparison.Ordinal);
        AssertNoSecret(error);
    }

    [Theory]
    [InlineData("bearer", "default handler", 307)]
    [InlineData("bearer", "HttpClientHandler that follows redirects", 308)]
    [InlineData("api key", "default handler", 308)]
    [InlineData("api key", "HttpClientHandler that follows redirects", 307)]
    [InlineData("api key", "SocketsHttpHandler that follows redirects", 302)]
    public async Task Api_redirect_is_not_followed_and_becomes_a_typed_error_naming_the_target(string credential, string handler, int status)
    {
        await using var other = await HostileServer.StartAsync();
        other.AnswerJson("{}");
        await using var api = await HostileServer.StartAsync();
        api.Redirect(new Uri(other.BaseAddress, "steal"), status);
        var options = new FactorialClientOptions
        {
            BaseAddress = api.BaseAddress,
            PrimaryHandler = handler switch
            {
                "HttpClientHandler that follows redirects" => new HttpClientHandler(),
                "SocketsHttpHandler that follows redirects" => new SocketsHttpHandler(),
                _ => null,
            },
        };
        using var connection = credential == "api key"
            ? new FactorialConnection(new FactorialApiKey(ApiKey), options)
            : new FactorialConnection(new FactorialToken(AccessToken, null, FactorialScope.Read, DateTimeOffset.UtcNow, null), options: options);

        var error = await Assert.ThrowsAsync<FactorialApiException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials")).WaitAsync(Guard));

        Assert.Empty(other.Received);
        Assert.True(api.SawSecret(credential == "api key" ? ApiKey : AccessToken));
        Assert.Equal(status, (int)error.StatusCode);
        Assert.Equal("redirect", error.ErrorCode);
        Assert.Contains(other.BaseAddress.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped), error.Message, StringComparison.Ordinal);
        AssertNoSecret(error);
    }

    [Fact]
    public async Task Api_key_through_a_caller_pipeline_whose_handler_follows_redirects_stays_home()
    {
        await using var other = await HostileServer.StartAsync();
        other.AnswerJson("{}");
        await using var api = await HostileServer.StartAsync();
        api.Redirect(new Uri(other.BaseAddress, "steal"), 308);
        using var http = new HttpClient(new FactorialAuthHandler(new FactorialApiKey(ApiKey), api.BaseAddress) { InnerHandler = new HttpClientHandler() });
        using var connection = new FactorialConnection(http, new FactorialClientOptions { BaseAddress = api.BaseAddress });

        var error = await Assert.ThrowsAsync<FactorialApiException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials")).WaitAsync(Guard));

        Assert.Empty(other.Received);
        Assert.Equal("redirect", error.ErrorCode);
        AssertNoSecret(error);
    }

    internal static void AssertNoSecret(Exception error)
    {
        var text = error.ToString();
        foreach (var secret in AllSecrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            Assert.DoesNotContain("Refit", inner.GetType().FullName!, StringComparison.Ordinal);
        }
    }
}
