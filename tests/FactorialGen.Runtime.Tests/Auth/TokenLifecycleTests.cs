using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests.Auth;

/// <summary>
/// The token lifecycle against a hostile token endpoint: a refresh answer without a refresh token keeps the current one
/// (RFC 6749 §6); out-of-range times give a typed error or the documented clamp, never an ArgumentOutOfRange/Overflow
/// exception, and leave the stored pair untouched; a token type other than Bearer or a control character in any token
/// field is a typed error and never becomes a header; disposing while a refresh is in flight still saves the pair
/// the server issued.
/// </summary>
public sealed class TokenLifecycleTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private static FactorialRequest Credentials() => new(HttpMethod.Get, "api_public/credentials");

    // ---- refresh answers without a refresh token --------------------------------------------------------------

    [Theory]
    [InlineData("")]
    [InlineData(""","refresh_token":null""")]
    [InlineData(",\"refresh_token\":\"\"")]
    public async Task Refresh_answer_without_a_refresh_token_keeps_the_current_one(string refreshField)
    {
        await using var factorial = await FakeFactorial.StartAsync();
        factorial.TokenAnswer = n => $$"""{"access_token":"access-{{n}}","token_type":"Bearer","expires_in":7200,"scope":"read write"{{refreshField}}}""";
        var expired = factorial.Token();
        var store = new SavingTokenStore(expired);
        using var connection = new FactorialConnection(expired, store, factorial.ClientOptions());

        await connection.SendJsonAsync(Credentials()).WaitAsync(Guard);
        using var oauth = new FactorialOAuth(FakeFactorial.App, new FactorialOAuthOptions { BaseAddress = factorial.BaseAddress, TimeProvider = factorial.Time });
        var direct = await oauth.RefreshAccessTokenAsync(store.Current!).WaitAsync(Guard);

        Assert.Equal("access-1", store.Current!.AccessToken);
        Assert.Equal("refresh-0", store.Current.RefreshToken);
        Assert.Equal("access-2", direct.AccessToken);
        Assert.Equal("refresh-0", direct.RefreshToken);
    }

    // ---- out-of-range times --------------------------------------------------------------------------------------

    public static TheoryData<string, string, string> Times() => new()
    {
        // field, JSON value, outcome: "error", or the lifetime in seconds the token gets (created_at cases: 7200)
        { "expires_in", "1e30", "31536000" },
        { "expires_in", "9223372036854775807", "31536000" },
        { "expires_in", "1e400", "error" },
        { "expires_in", "-5", "error" },
        { "expires_in", "0", "error" },
        { "expires_in", "0.5", "error" },
        { "expires_in", "3600.7", "3600" },
        { "expires_in", "\"3600\"", "3600" },
        { "expires_in", "\"soon\"", "error" },
        { "expires_in", "true", "error" },
        { "created_at", "1e30", "7200" },
        { "created_at", "-1", "7200" },
        { "created_at", "0", "7200" },
        { "created_at", "-9.9e300", "7200" },
        { "created_at", "253402300800", "7200" }, // year 10000: past DateTimeOffset.MaxValue
        { "created_at", "99999999999", "7200" },
        { "created_at", "\"yesterday\"", "error" },
    };

    [Theory]
    [MemberData(nameof(Times))]
    public async Task Out_of_range_times_give_a_typed_error_or_the_documented_clamp_and_an_error_leaves_the_store_untouched(string field, string value, string outcome)
    {
        await using var factorial = await FakeFactorial.StartAsync();
        var now = factorial.Time.GetUtcNow();
        var expiresIn = field == "expires_in" ? value : "7200";
        var createdAt = field == "created_at" ? value : now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        factorial.TokenAnswer = n => $$"""{"access_token":"access-{{n}}","token_type":"Bearer","expires_in":{{expiresIn}},"refresh_token":"refresh-{{n}}","scope":"read","created_at":{{createdAt}}}""";
        var expired = factorial.Token();
        var store = new SavingTokenStore(expired);
        using var connection = new FactorialConnection(expired, store, factorial.ClientOptions());

        if (outcome == "error")
        {
            var error = await Assert.ThrowsAsync<FactorialInvalidResponseException>(() => connection.TokenSource!.RefreshAsync().WaitAsync(Guard));
            Assert.Contains(field, error.Message, StringComparison.Ordinal);
            Assert.Same(expired, store.Current);
            Assert.Equal(0, store.Saves);
            return;
        }

        var token = await connection.TokenSource!.RefreshAsync().WaitAsync(Guard);

        Assert.Equal(now, token.CreatedAt);
        Assert.Equal(now + TimeSpan.FromSeconds(long.Parse(outcome, System.Globalization.CultureInfo.InvariantCulture)), token.ExpiresAt);
        Assert.Same(token, store.Current);
        await connection.SendJsonAsync(Credentials()).WaitAsync(Guard); // a usable token: no refresh storm
        Assert.Equal(1, factorial.Grants);
    }

    [Fact]
    public async Task Created_at_within_the_clock_tolerance_is_believed_with_its_fraction()
    {
        await using var factorial = await FakeFactorial.StartAsync();
        var created = factorial.Time.GetUtcNow() - TimeSpan.FromSeconds(90.5);
        factorial.TokenAnswer = n => $$"""{"access_token":"access-{{n}}","token_type":"Bearer","expires_in":7200,"refresh_token":"refresh-{{n}}","created_at":{{FakeFactorial.Json(created.ToUnixTimeMilliseconds() / 1000.0)}}}""";
        using var oauth = new FactorialOAuth(FakeFactorial.App, new FactorialOAuthOptions { BaseAddress = factorial.BaseAddress, TimeProvider = factorial.Time });

        var token = await oauth.RefreshAccessTokenAsync("refresh-0").WaitAsync(Guard);

        Assert.Equal(created, token.CreatedAt);
        Assert.Equal(created + TimeSpan.FromHours(2), token.ExpiresAt);
    }

    // ---- token type and control characters -----------------------------------------------------------------------

    public static TheoryData<string, string> HostileFields() => new()
    {
        { "token_type", "\"mac\"" },
        { "token_type", "\"Basic\"" },
        { "token_type", "\"Bearer\\r\\nX-Evil: 1\"" },
        { "token_type", "\"Bearer \"" },
        { "access_token", "\"access\\r\\nX-Evil: 1\"" },
        { "access_token", "\"access\\nX-Evil: 1\"" },
        { "access_token", "\"access 1\"" },
        { "access_token", "\"acc\\u0000ess\"" },
        { "access_token", "\"access\\u2028x\"" },
        { "access_token", "\"accès\"" },
        { "refresh_token", "\"refresh\\r\\nX-Evil: 1\"" },
        { "refresh_token", "\"refresh\\u0085\"" },
        { "scope", "\"read\\r\\nwrite\"" },
    };

    [Theory]
    [MemberData(nameof(HostileFields))]
    public async Task Non_bearer_type_or_control_characters_in_a_token_field_are_a_typed_error_and_never_a_header(string field, string value)
    {
        await using var factorial = await FakeFactorial.StartAsync();
        factorial.TokenAnswer = n =>
        {
            string Field(string name, string normal) => $"\"{name}\":{(name == field ? value : normal)}";
            return "{" + string.Join(",", Field("access_token", $"\"access-{n}\""), Field("token_type", "\"Bearer\""), Field("refresh_token", $"\"refresh-{n}\""), Field("scope", "\"read\""), Field("expires_in", "7200")) + "}";
        };
        var expired = factorial.Token();
        var store = new SavingTokenStore(expired);
        using var connection = new FactorialConnection(expired, store, factorial.ClientOptions());

        var error = await Assert.ThrowsAnyAsync<FactorialException>(() => connection.SendJsonAsync(Credentials()).WaitAsync(Guard));

        Assert.IsType<FactorialInvalidResponseException>(error.InnerException ?? error, exactMatch: false);
        Assert.Same(expired, store.Current);
        Assert.Equal(0, store.Saves);
        Assert.All(factorial.Server.Received, r => Assert.StartsWith("/oauth/", r.PathAndQuery, StringComparison.Ordinal)); // no API call was sent
        Assert.DoesNotContain(factorial.Server.Received, r => r.Headers.ContainsKey("X-Evil"));
    }

    [Theory]
    [InlineData("access\r\nX-Evil: 1", "r", "Bearer")]
    [InlineData("access 1", "r", "Bearer")]
    [InlineData("access", "r\nx", "Bearer")]
    [InlineData("access", "r", "MAC")]
    [InlineData("access", "r", "Bearer\r\n")]
    public void Token_built_by_hand_refuses_what_cannot_be_sent(string access, string refresh, string type)
    {
        Assert.Throws<ArgumentException>(() => new FactorialToken(access, refresh, FactorialScope.Read, DateTimeOffset.UtcNow, null, type));
    }

    [Theory]
    [InlineData("\"token_type\":\"mac\"")]
    [InlineData("\"token_type\":\"Bearer\\r\\nX-Evil: 1\"")]
    [InlineData("\"refresh_token\":\"r\\nx\"")]
    public async Task Token_file_holding_a_token_that_could_not_be_sent_is_a_typed_store_error(string field)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fg-lifecycle-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            var path = System.IO.Path.Combine(folder, "token.json");
            await System.IO.File.WriteAllTextAsync(path, "{\"format\":1,\"access_token\":\"access\",\"scope\":\"read\",\"created_at\":\"2026-03-02T09:00:00+00:00\"," + field + "}");

            await Assert.ThrowsAsync<FactorialTokenStoreException>(() => new FileTokenStore(path).LoadAsync());
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Bearer_in_any_letter_case_is_accepted_and_sent_as_Bearer()
    {
        await using var factorial = await FakeFactorial.StartAsync();
        factorial.TokenAnswer = n => $$"""{"access_token":"access-{{n}}","token_type":"bEaReR","expires_in":7200,"refresh_token":"refresh-{{n}}"}""";
        var expired = factorial.Token();
        using var connection = new FactorialConnection(expired, new SavingTokenStore(expired), factorial.ClientOptions());

        await connection.SendJsonAsync(Credentials()).WaitAsync(Guard);

        Assert.Equal("Bearer access-1", factorial.Server.Received.Last().Headers["Authorization"]);
        Assert.Equal("Bearer", new FactorialToken("a", null, FactorialScope.Read, DateTimeOffset.UtcNow, null, "bearer").TokenType);
    }

    // ---- disposal while a refresh is in flight ------------------------------------------------------------------

    [Theory]
    [InlineData("connection")]
    [InlineData("generated-style connection over a token source")]
    [InlineData("oauth")]
    public async Task Disposing_while_a_refresh_is_in_flight_still_keeps_the_rotated_pair_the_server_issued(string what)
    {
        await using var factorial = await FakeFactorial.StartAsync();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factorial.BeforeTokenAnswer = async _ =>
        {
            arrived.TrySetResult();
            await release.Task.WaitAsync(Guard); // the server has rotated: it answers once the client was disposed
        };
        var expired = factorial.Token();
        var store = new SavingTokenStore(expired);
        Task call;
        IDisposable owner;
        if (what == "oauth")
        {
            var oauth = new FactorialOAuth(FakeFactorial.App, new FactorialOAuthOptions { BaseAddress = factorial.BaseAddress, TimeProvider = factorial.Time });
            var refreshing = oauth.RefreshAccessTokenAsync(expired);
            call = refreshing.ContinueWith(t => store.SaveAsync(t.Result), TaskScheduler.Default).Unwrap();
            owner = oauth;
        }
        else if (what == "connection")
        {
            var connection = new FactorialConnection(expired, store, factorial.ClientOptions());
            call = connection.SendJsonAsync(Credentials());
            owner = connection;
        }
        else
        {
            var options = factorial.ClientOptions();
            var oauth = new FactorialOAuth(FakeFactorial.App, new FactorialOAuthOptions { BaseAddress = factorial.BaseAddress, TimeProvider = factorial.Time });
            var source = new FactorialTokenSource(expired, oauth, store, new FactorialTokenSourceOptions { TimeProvider = factorial.Time });
            var connection = new FactorialConnection(source, options);
            call = connection.SendJsonAsync(Credentials());
            owner = new Both(connection, oauth);
        }

        await arrived.Task.WaitAsync(Guard);
        owner.Dispose();
        release.SetResult();
        var saved = await store.FirstSave.WaitAsync(Guard);
        try
        {
            await call.WaitAsync(Guard);
        }
        catch (Exception ex) when (ex is FactorialException or ObjectDisposedException or OperationCanceledException)
        {
            // The call itself may fail: its client is gone. The rotated pair must not be.
        }

        Assert.Equal("access-1", saved.AccessToken);
        Assert.Equal("refresh-1", saved.RefreshToken);
        Assert.Same(saved, store.Current);
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
