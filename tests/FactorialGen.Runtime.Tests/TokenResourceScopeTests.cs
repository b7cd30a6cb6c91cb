using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using FactorialGen.OAuth;
using FactorialGen.Tests.Auth;

namespace FactorialGen.Tests;

/// <summary>
/// A token's resource scopes: read from the token answer's <c>scope</c> on exchange and refresh (an answer without
/// <c>scope</c> means the scopes asked for, or the previous token's), and kept by every store, old files included.
/// </summary>
public sealed class TokenResourceScopeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"factorialgen-rs-{Guid.NewGuid():N}");

    [Theory]
    [InlineData("read write employees time_tracking", FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking)]
    [InlineData("employees time_tracking", FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking)]
    [InlineData("read time_off", FactorialScope.Read, FactorialResourceScopes.TimeOff)]
    [InlineData("read write", FactorialScope.ReadWrite, FactorialResourceScopes.None)]
    [InlineData("employees approvals", FactorialScope.ReadWrite, FactorialResourceScopes.Employees)]
    [InlineData("approvals", FactorialScope.Write, FactorialResourceScopes.None)] // neither known: read/write from the fallback
    [InlineData("", FactorialScope.Write, FactorialResourceScopes.Payroll)] // blank: both fallbacks
    [InlineData(null, FactorialScope.Write, FactorialResourceScopes.Payroll)]
    public void Scope_text_gives_the_read_write_scope_and_the_resource_scopes(string? text, FactorialScope scope, FactorialResourceScopes resources)
    {
        var (gotScope, gotResources) = TokenAnswer.ScopesOf(text, FactorialScope.Write, FactorialResourceScopes.Payroll);

        Assert.Equal(scope, gotScope);
        Assert.Equal(resources, gotResources);
    }

    [Fact]
    public async Task Exchange_reads_the_resource_scopes_of_the_answer_and_a_resource_only_answer_gives_a_usable_token()
    {
        await using var factorial = await FakeFactorial.StartAsync();
        factorial.TokenAnswer = _ => Answer("access-1", "refresh-1", "\"scope\":\"employees time_tracking\",");
        using var oauth = OAuthFor(factorial);
        var request = oauth.Authorize(FactorialScope.Read, FactorialResourceScopes.Employees);

        var token = await oauth.ObtainAccessTokenAsync(request, "key");

        Assert.Equal(FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking, token.ResourceScopes);
        Assert.Equal(FactorialScope.ReadWrite, token.Scope);
    }

    [Fact]
    public async Task Exchange_answer_without_scope_means_the_scopes_asked_for()
    {
        await using var factorial = await FakeFactorial.StartAsync();
        factorial.TokenAnswer = _ => Answer("access-1", "refresh-1", string.Empty);
        using var oauth = OAuthFor(factorial);

        var token = await oauth.ObtainAccessTokenAsync(oauth.Authorize(FactorialScope.Read, FactorialResourceScopes.TimeOff), "key");

        Assert.Equal(FactorialResourceScopes.TimeOff, token.ResourceScopes);
        Assert.Equal(FactorialScope.Read, token.Scope);
    }

    [Fact]
    public async Task Refresh_answer_without_scope_keeps_the_previous_resource_scopes_and_one_with_scope_replaces_them()
    {
        await using var factorial = await FakeFactorial.StartAsync();
        factorial.TokenAnswer = n => n == 1
            ? Answer("access-1", "refresh-1", string.Empty)
            : Answer("access-2", "refresh-2", "\"scope\":\"read write\",");
        using var oauth = OAuthFor(factorial);
        var old = new FactorialToken("access-0", "refresh-0", FactorialScope.ReadWrite, factorial.Time.GetUtcNow(), null)
        {
            ResourceScopes = FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking,
        };

        var kept = await oauth.RefreshAccessTokenAsync(old);
        var replaced = await oauth.RefreshAccessTokenAsync(kept);

        Assert.Equal("access-1", kept.AccessToken);
        Assert.Equal(old.ResourceScopes, kept.ResourceScopes);
        Assert.Equal(FactorialResourceScopes.None, replaced.ResourceScopes);
    }

    [Fact]
    public async Task File_store_keeps_the_resource_scopes()
    {
        var store = new FileTokenStore(Path.Combine(_folder, "token.json"));
        var token = new FactorialToken("at-1", "rt-1", FactorialScope.ReadWrite, DateTimeOffset.UnixEpoch, null)
        {
            ResourceScopes = FactorialResourceScopes.Employees | FactorialResourceScopes.Recruitment,
        };

        await store.SaveAsync(token);
        var loaded = await store.LoadAsync();

        Assert.NotNull(loaded);
        Assert.Equal(token.ResourceScopes, loaded.ResourceScopes);
        using var file = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(store.Path));
        Assert.Equal("employees recruitment", file.RootElement.GetProperty("resource_scopes").GetString());
        Assert.Equal("read write", file.RootElement.GetProperty("scope").GetString()); // older readers still find their scope
    }

    [Fact]
    public async Task File_store_reads_files_written_before_resource_scopes_and_ignores_names_it_does_not_know()
    {
        Directory.CreateDirectory(_folder);
        var old = Path.Combine(_folder, "old.json");
        await File.WriteAllTextAsync(old, """{"format":1,"access_token":"at-1","refresh_token":"rt-1","token_type":"Bearer","scope":"read write","created_at":"2026-03-02T09:00:00+00:00","resource_owner":"user"}""");
        var newer = Path.Combine(_folder, "newer.json");
        await File.WriteAllTextAsync(newer, """{"format":1,"access_token":"at-1","token_type":"Bearer","scope":"read","created_at":"2026-03-02T09:00:00+00:00","resource_scopes":"time_off some_future_scope"}""");

        var fromOld = await new FileTokenStore(old).LoadAsync();
        var fromNewer = await new FileTokenStore(newer).LoadAsync();

        Assert.NotNull(fromOld);
        Assert.Equal(FactorialResourceScopes.None, fromOld.ResourceScopes);
        Assert.Equal(FactorialScope.ReadWrite, fromOld.Scope);
        Assert.NotNull(fromNewer);
        Assert.Equal(FactorialResourceScopes.TimeOff, fromNewer.ResourceScopes);
    }

    [Fact]
    public async Task File_store_writes_no_field_for_a_token_without_resource_scopes()
    {
        var store = new FileTokenStore(Path.Combine(_folder, "token.json"));

        await store.SaveAsync(new FactorialToken("at-1", "rt-1", FactorialScope.Read, DateTimeOffset.UnixEpoch, null));

        Assert.DoesNotContain("resource_scopes", await File.ReadAllTextAsync(store.Path), StringComparison.Ordinal);
        Assert.Equal(FactorialResourceScopes.None, (await store.LoadAsync())!.ResourceScopes);
    }

    [Fact]
    public async Task In_memory_store_keeps_the_resource_scopes()
    {
        var store = new InMemoryTokenStore();
        await store.SaveAsync(FactorialToken.FromAccessToken("at-1", FactorialScope.ReadWrite, FactorialResourceScopes.Posts));

        Assert.Equal(FactorialResourceScopes.Posts, (await store.LoadAsync())!.ResourceScopes);
    }

    [Fact]
    public async Task A_refresh_by_the_connection_saves_the_resource_scopes_in_the_store()
    {
        await using var factorial = await FakeFactorial.StartAsync();
        factorial.TokenAnswer = n => Answer($"access-{n}", $"refresh-{n}", string.Empty); // a refresh answer without scope
        var expired = new FactorialToken("access-0", "refresh-0", FactorialScope.ReadWrite, factorial.Time.GetUtcNow() - TimeSpan.FromHours(3), factorial.Time.GetUtcNow() - TimeSpan.FromMinutes(1))
        {
            ResourceScopes = FactorialResourceScopes.TimeTracking,
        };
        var store = new FileTokenStore(Path.Combine(_folder, "token.json"));
        await store.SaveAsync(expired);
        using var connection = new FactorialConnection(expired, store, factorial.ClientOptions());

        await connection.SendAsync(new FactorialRequest(HttpMethod.Get, "attendance/shifts") { RequiredResource = FactorialResourceScopes.TimeTracking });

        var saved = await store.LoadAsync();
        Assert.Equal("access-1", saved!.AccessToken);
        Assert.Equal(FactorialResourceScopes.TimeTracking, saved.ResourceScopes);
        Assert.Equal(FactorialResourceScopes.TimeTracking, connection.TokenSource!.Current!.ResourceScopes);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static FactorialOAuth OAuthFor(FakeFactorial factorial) =>
        new(FakeFactorial.App, new FactorialOAuthOptions { BaseAddress = factorial.BaseAddress, TimeProvider = factorial.Time });

    private static string Answer(string access, string refresh, string scopeField) =>
        $$"""{"access_token":"{{access}}","token_type":"Bearer","expires_in":7200,"refresh_token":"{{refresh}}",{{scopeField}}"created_at":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}""";
}
