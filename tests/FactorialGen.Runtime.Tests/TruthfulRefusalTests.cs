using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace FactorialGen.Tests;

/// <summary>
/// A refresh the token source cannot even try says why it was wanted: a token Factorial rejected with 401 (revoked) is
/// not reported as "expired", nor is a refresh the caller asked for; each message names the fix and no token.
/// </summary>
public sealed class TruthfulRefusalTests
{
    [Fact]
    public async Task Revoked_token_without_an_app_is_reported_as_rejected_not_expired()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using (var oauth = sandbox.CreateOAuth())
        {
            await oauth.RevokeAsync(token);
        }

        var options = sandbox.ClientOptions();
        options.App = null; // no app configured: nothing to refresh with
        using var connection = new FactorialConnection(token, options: options);

        var error = await Assert.ThrowsAsync<FactorialReauthorizationRequiredException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees")));

        Assert.Contains("rejected", error.Message, StringComparison.Ordinal);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("revoked", error.Message, StringComparison.Ordinal);
        Assert.Contains("FactorialClientOptions.App", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired at", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error, token);
    }

    [Fact]
    public async Task Expired_token_without_an_app_says_when_it_expired()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var token = new FactorialToken($"access-{Guid.NewGuid():N}", $"refresh-{Guid.NewGuid():N}", FactorialScope.Read, time.GetUtcNow().AddHours(-3), time.GetUtcNow().AddHours(-1));
        var tokens = new FactorialTokenSource(token, oauth: null, options: new FactorialTokenSourceOptions { TimeProvider = time });

        var error = await Assert.ThrowsAsync<FactorialReauthorizationRequiredException>(() => tokens.GetTokenAsync().AsTask());

        Assert.Contains("expired at 2026-03-02 08:00:00Z", error.Message, StringComparison.Ordinal);
        Assert.Contains("no FactorialApp", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error, token);
    }

    [Fact]
    public async Task Requested_refresh_of_a_valid_token_without_an_app_does_not_claim_it_expired()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var token = new FactorialToken($"access-{Guid.NewGuid():N}", $"refresh-{Guid.NewGuid():N}", FactorialScope.Read, time.GetUtcNow(), time.GetUtcNow().AddHours(2));
        var tokens = new FactorialTokenSource(token, oauth: null, options: new FactorialTokenSourceOptions { TimeProvider = time });

        var error = await Assert.ThrowsAsync<FactorialReauthorizationRequiredException>(() => tokens.RefreshAsync());

        Assert.Contains("A refresh was asked for", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-02 11:00:00Z", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error, token);
    }

    [Fact]
    public async Task Rejected_token_without_a_refresh_token_is_reported_as_rejected()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var issued = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using (var oauth = sandbox.CreateOAuth())
        {
            await oauth.RevokeAsync(issued);
        }

        var token = new FactorialToken(issued.AccessToken, refreshToken: null, issued.Scope, issued.CreatedAt, issued.ExpiresAt);
        using var connection = new FactorialConnection(token, options: sandbox.ClientOptions());

        var error = await Assert.ThrowsAsync<FactorialReauthorizationRequiredException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees")));

        Assert.Contains("rejected", error.Message, StringComparison.Ordinal);
        Assert.Contains("no refresh token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired at", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error, issued);
    }

    private static void AssertNoSecret(Exception error, FactorialToken token)
    {
        var scan = new SecretScan();
        scan.Secret(token.AccessToken);
        if (token.RefreshToken is { } refresh)
        {
            scan.Secret(refresh);
        }

        scan.Error("refusal", error);
        scan.AssertClean();
    }
}
