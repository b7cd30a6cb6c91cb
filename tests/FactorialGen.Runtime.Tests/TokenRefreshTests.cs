using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>The auth handler and token source against the sandbox: proactive refresh, 401 retry, single flight, store first.</summary>
public sealed class TokenRefreshTests
{
    private static FactorialRequest Credentials() => new(HttpMethod.Get, "api_public/credentials");

    [Fact]
    public async Task Expired_token_is_refreshed_before_the_call_and_the_rotated_token_is_stored()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var store = new InMemoryTokenStore(token);
        using var connection = new FactorialConnection(token, store, sandbox.ClientOptions());

        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromMinutes(1));
        Assert.True(token.IsExpired(sandbox.Time));
        var requestsBefore = sandbox.Server.Stats.ResourceRequests;
        await connection.SendJsonAsync(Credentials());

        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
        Assert.Equal(requestsBefore + 1, sandbox.Server.Stats.ResourceRequests); // no failed call first
        Assert.NotEqual(token.RefreshToken, store.Current!.RefreshToken);
        Assert.Same(connection.TokenSource!.Current, store.Current);
    }

    [Fact]
    public async Task Token_is_refreshed_shortly_before_expiry()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, new InMemoryTokenStore(token), sandbox.ClientOptions());

        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime - TimeSpan.FromMinutes(10));
        await connection.SendJsonAsync(Credentials());
        Assert.Equal(0, sandbox.Server.Stats.RefreshGrants);

        sandbox.Time.Advance(TimeSpan.FromMinutes(9)); // one minute left, inside the two-minute margin
        await connection.SendJsonAsync(Credentials());
        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
    }

    [Fact]
    public async Task Rejected_token_is_refreshed_once_and_the_call_retried()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var issued = await sandbox.AuthorizeAsync(FactorialScope.Read);
        // The client believes the token never expires; the server lets it expire: the first call gets 401.
        var believed = new FactorialToken(issued.AccessToken, issued.RefreshToken, issued.Scope, issued.CreatedAt, expiresAt: null);
        var store = new InMemoryTokenStore(believed);
        using var connection = new FactorialConnection(believed, store, sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromMinutes(1));

        var credentials = await connection.SendJsonAsync(Credentials());

        Assert.Equal(System.Text.Json.JsonValueKind.Object, credentials.ValueKind);
        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
        Assert.NotEqual(issued.AccessToken, store.Current!.AccessToken);
    }

    [Fact]
    public async Task Two_hundred_concurrent_calls_on_an_expired_token_cause_exactly_one_refresh_and_none_fails()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var path = Path.Combine(Path.GetTempPath(), $"factorialgen-{Guid.NewGuid():N}", "token.json");
        var store = new FileTokenStore(path);
        await store.SaveAsync(token);
        using var connection = new FactorialConnection(token, store, sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));

        var resourcesBefore = sandbox.Server.Stats.ResourceRequests;

        var errors = await TokenFaultTests.ConcurrentlyAsync(200, () => connection.SendJsonAsync(Credentials()));

        Assert.All(errors, Assert.Null);
        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
        Assert.Equal(resourcesBefore + 200, sandbox.Server.Stats.ResourceRequests); // refreshed first: no call got a 401
        var stored = await store.LoadAsync();
        Assert.Equal(connection.TokenSource!.Current!.AccessToken, stored!.AccessToken);
        Assert.NotEqual(token.RefreshToken, stored.RefreshToken);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public async Task Two_hundred_concurrent_401s_cause_exactly_one_refresh_and_none_fails()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var issued = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var believed = new FactorialToken(issued.AccessToken, issued.RefreshToken, issued.Scope, issued.CreatedAt, expiresAt: null);
        using var connection = new FactorialConnection(believed, new InMemoryTokenStore(believed), sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));

        var errors = await TokenFaultTests.ConcurrentlyAsync(200, () => connection.SendJsonAsync(Credentials()));

        Assert.All(errors, Assert.Null);
        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
    }

    [Fact]
    public async Task Refused_refresh_leaves_the_store_untouched_and_needs_reauthorization()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        await oauth.RefreshAccessTokenAsync(token); // someone else spent this refresh token
        var store = new InMemoryTokenStore(token);
        using var connection = new FactorialConnection(token, store, sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));

        var first = await Assert.ThrowsAsync<FactorialReauthorizationRequiredException>(() => connection.SendJsonAsync(Credentials()));
        var second = await Assert.ThrowsAsync<FactorialReauthorizationRequiredException>(() => connection.SendJsonAsync(Credentials()));

        Assert.Same(token, store.Current);
        Assert.Equal("invalid_grant", first.Error);
        Assert.Same(first, second);
        Assert.Equal(2, sandbox.Server.Stats.RefreshGrants); // the spent one above, and one try here: no retry storm
    }

    [Fact]
    public async Task Failing_token_endpoint_gives_a_typed_error_and_a_later_call_recovers()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var store = new InMemoryTokenStore(token);
        using var connection = new FactorialConnection(token, store, sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));

        sandbox.Server.Control.TokenEndpointFailureStatus = 500;
        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => connection.SendJsonAsync(Credentials()));
        Assert.IsNotType<FactorialReauthorizationRequiredException>(error);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Same(token, store.Current);

        sandbox.Server.Control.TokenEndpointFailureStatus = null;
        sandbox.Time.Advance(connection.TokenSource!.RefreshRetryDelay); // no new refresh request during the back-off
        await connection.SendJsonAsync(Credentials());
        Assert.NotSame(token, store.Current);
    }

    [Fact]
    public async Task Expired_token_without_app_credentials_asks_for_reauthorization_without_sending()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var options = sandbox.ClientOptions();
        options.App = null;
        using var connection = new FactorialConnection(token, options: options);
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));
        var before = sandbox.Server.Stats.ResourceRequests;

        await Assert.ThrowsAsync<FactorialReauthorizationRequiredException>(() => connection.SendJsonAsync(Credentials()));

        Assert.Equal(before, sandbox.Server.Stats.ResourceRequests);
    }

    [Fact]
    public async Task Token_source_adopts_a_newer_token_another_client_saved()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var store = new InMemoryTokenStore(token);
        using var first = new FactorialConnection(token, store, sandbox.ClientOptions());
        using var second = new FactorialConnection(token, store, sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));

        await first.SendJsonAsync(Credentials());
        await second.SendJsonAsync(Credentials()); // would spend a dead refresh token without adoption

        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
        Assert.Equal(first.TokenSource!.Current!.AccessToken, second.TokenSource!.Current!.AccessToken);
    }

    [Fact]
    public async Task Source_over_a_store_loads_the_token_on_first_use()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var store = new InMemoryTokenStore(token);
        using var oauth = sandbox.CreateOAuth();
        var source = new FactorialTokenSource(store, oauth, new FactorialTokenSourceOptions { TimeProvider = sandbox.Time });
        using var connection = new FactorialConnection(source, sandbox.ClientOptions());

        Assert.Null(source.Current);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => connection.SendJsonAsync(Credentials())));

        Assert.Same(token, source.Current);
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime);
        await connection.SendJsonAsync(Credentials());
        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
        Assert.Same(source.Current, store.Current);
    }

    [Fact]
    public async Task Source_over_an_empty_store_asks_for_authorization_and_tries_again_later()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var store = new InMemoryTokenStore();
        var source = new FactorialTokenSource(store, options: new FactorialTokenSourceOptions { TimeProvider = sandbox.Time });
        using var connection = new FactorialConnection(source, sandbox.ClientOptions());

        await Assert.ThrowsAsync<FactorialReauthorizationRequiredException>(() => connection.SendJsonAsync(Credentials()));

        await store.SaveAsync(await sandbox.AuthorizeAsync(FactorialScope.Read));
        await connection.SendJsonAsync(Credentials());
    }
}
