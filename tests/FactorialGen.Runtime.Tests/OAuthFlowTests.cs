using System;
using System.Net.Http;
using System.Threading.Tasks;
using FactorialGen.Sandbox;

namespace FactorialGen.Tests;

/// <summary>The seed's OAuth flow, end to end against the sandbox over loopback HTTP.</summary>
public sealed class OAuthFlowTests
{
    [Theory]
    [InlineData(FactorialScope.Read)]
    [InlineData(FactorialScope.Write)]
    [InlineData(FactorialScope.ReadWrite)]
    public async Task Authorize_then_exchange_grants_the_requested_scope(FactorialScope scope)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var token = await sandbox.AuthorizeAsync(scope);

        Assert.Equal(scope, token.Scope);
        Assert.Equal("Bearer", token.TokenType);
        Assert.NotNull(token.RefreshToken);
        Assert.Equal(sandbox.Time.GetUtcNow().ToUnixTimeSeconds(), token.CreatedAt.ToUnixTimeSeconds());
        Assert.Equal(token.CreatedAt + sandbox.Server.Options.AccessTokenLifetime, token.ExpiresAt);
        Assert.False(token.IsExpired(sandbox.Time));
    }

    [Fact]
    public async Task Authorization_link_carries_state_and_pkce_and_the_scope()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();

        var request = oauth.Authorize(FactorialScope.ReadWrite);
        var query = System.Web.HttpUtility.ParseQueryString(request.Url.Query);

        Assert.Equal("/oauth/authorize", request.Url.AbsolutePath);
        Assert.Equal(sandbox.App.ClientId, query["client_id"]);
        Assert.Equal(sandbox.App.RedirectUri, query["redirect_uri"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("read write", query["scope"]);
        Assert.Equal(request.State, query["state"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.DoesNotContain(request.CodeVerifier, request.Url.AbsoluteUri, StringComparison.Ordinal);
        Assert.NotEqual(request.State, oauth.Authorize().State);
    }

    [Fact]
    public async Task Authorization_key_shown_by_the_authorize_page_over_http_can_be_exchanged()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        using var http = new HttpClient();

        var request = oauth.Authorize(FactorialScope.Read);
        var key = await FactorialSandbox.FetchAuthorizationKeyAsync(http, request.Url);
        var token = await oauth.ObtainAccessTokenAsync(request, key);

        Assert.Equal(FactorialScope.Read, token.Scope);
    }

    [Fact]
    public async Task Same_authorization_key_again_before_expiry_returns_the_same_token()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        var request = oauth.Authorize(FactorialScope.Read);
        var key = sandbox.Server.ApproveAuthorization(request.Url);

        var first = await oauth.ObtainAccessTokenAsync(request, key);
        var second = await oauth.ObtainAccessTokenAsync(request, key);

        Assert.Equal(first.AccessToken, second.AccessToken);
        Assert.Equal(first.RefreshToken, second.RefreshToken);
    }

    [Fact]
    public async Task Same_user_authorized_with_two_scopes_gets_two_tokens()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var read = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var write = await sandbox.AuthorizeAsync(FactorialScope.ReadWrite);

        Assert.NotEqual(read.AccessToken, write.AccessToken);
        Assert.Equal(FactorialScope.Read, read.Scope);
        Assert.Equal(FactorialScope.ReadWrite, write.Scope);
    }

    [Fact]
    public async Task Plain_seed_overload_exchanges_a_key_without_pkce()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        // A link made by hand, as the seed's authorize() prints it: no PKCE challenge.
        var link = new Uri(sandbox.BaseAddress, $"oauth/authorize?client_id={sandbox.App.ClientId}&redirect_uri={Uri.EscapeDataString(sandbox.App.RedirectUri)}&response_type=code&scope=read+write&state=seed");
        var key = sandbox.Server.ApproveAuthorization(link);

        var token = await oauth.ObtainAccessTokenAsync(key);

        Assert.Equal(FactorialScope.ReadWrite, token.Scope);
    }

    [Fact]
    public async Task Wrong_authorization_key_is_refused_with_invalid_grant()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        var request = oauth.Authorize(FactorialScope.Read);

        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => oauth.ObtainAccessTokenAsync(request, "not-a-real-key"));

        Assert.Equal("invalid_grant", error.Error);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.DoesNotContain("not-a-real-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_authorization_key_is_refused()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        var request = oauth.Authorize(FactorialScope.Read);
        var key = sandbox.Server.ApproveAuthorization(request.Url);

        sandbox.Time.Advance(sandbox.Server.Options.AuthorizationCodeLifetime + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => oauth.ObtainAccessTokenAsync(request, key));
        Assert.Equal("invalid_grant", error.Error);
    }

    [Fact]
    public async Task Authorization_key_of_another_pkce_request_is_refused()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        var approved = oauth.Authorize(FactorialScope.Read);
        var other = oauth.Authorize(FactorialScope.Read);
        var key = sandbox.Server.ApproveAuthorization(approved.Url);

        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => oauth.ObtainAccessTokenAsync(other, key));

        Assert.Equal("invalid_grant", error.Error);
    }

    [Fact]
    public async Task Wrong_client_secret_is_refused_with_invalid_client()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var good = sandbox.CreateOAuth();
        var request = good.Authorize(FactorialScope.Read);
        var key = sandbox.Server.ApproveAuthorization(request.Url);
        using var bad = new FactorialOAuth(sandbox.App with { ClientSecret = "wrong-secret" }, new FactorialOAuthOptions { BaseAddress = sandbox.BaseAddress });

        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => bad.ObtainAccessTokenAsync(request, key));

        Assert.Equal("invalid_client", error.Error);
        Assert.DoesNotContain("wrong-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_rotates_and_the_old_refresh_token_stops_working()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);

        var refreshed = await oauth.RefreshAccessTokenAsync(token);

        Assert.NotEqual(token.AccessToken, refreshed.AccessToken);
        Assert.NotEqual(token.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(FactorialScope.Read, refreshed.Scope);
        var error = await Assert.ThrowsAsync<FactorialReauthorizationRequiredException>(() => oauth.RefreshAccessTokenAsync(token));
        Assert.Equal("invalid_grant", error.Error);
        var again = await oauth.RefreshAccessTokenAsync(refreshed.RefreshToken!);
        Assert.Equal(FactorialScope.Read, again.Scope);
    }

    [Fact]
    public async Task Revoked_token_can_neither_call_nor_refresh()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);

        await oauth.RevokeAsync(token);

        await Assert.ThrowsAsync<FactorialReauthorizationRequiredException>(() => oauth.RefreshAccessTokenAsync(token));
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions());
        await Assert.ThrowsAsync<FactorialReauthorizationRequiredException>(
            () => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials")));
    }

    [Fact]
    public async Task Company_token_comes_without_expiry()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var token = await sandbox.AuthorizeAsync(FactorialScope.Read, FactorialResourceOwner.Company);

        Assert.Null(token.ExpiresAt);
        Assert.Equal(FactorialResourceOwner.Company, token.ResourceOwner);
        sandbox.Time.Advance(TimeSpan.FromDays(400));
        Assert.False(token.IsExpired(sandbox.Time));
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions());
        await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials"));
    }
}
