using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace FactorialGen.Tests;

/// <summary>
/// The token lifecycle under load and under injected faults: tokens that expire while calls are in flight, refresh
/// requests that fail in every way (network, 5xx, time-out, garbage, refusal), saves that fail, a corrupt store.
/// Every test counts what reached the server: a fault must never turn into a storm of refresh requests.
/// </summary>
public sealed class TokenFaultTests
{
    private const int Callers = 200;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60); // only ever reached if something hangs

    private static FactorialRequest Credentials() => new(HttpMethod.Get, "api_public/credentials");

    /// <summary>Runs <paramref name="count"/> calls at once; returns each one's exception, or null for success.</summary>
    internal static async Task<Exception?[]> ConcurrentlyAsync(int count, Func<Task> call) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            try
            {
                await call().ConfigureAwait(false);
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        })).WaitAsync(Guard);

    [Fact]
    public async Task Token_that_expires_while_200_calls_are_in_flight_is_refreshed_once_and_every_call_succeeds()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var store = new InMemoryTokenStore(token);
        using var connection = new FactorialConnection(token, store, sandbox.ClientOptions());
        var before = sandbox.Server.Stats.ResourceRequests;

        // Every call leaves with a valid token and is held at the server; then the token expires; then all are judged.
        Task<Exception?[]> calls;
        using (var pause = sandbox.Server.Control.PauseResourceRequests())
        {
            calls = ConcurrentlyAsync(Callers, () => connection.SendJsonAsync(Credentials()));
            await pause.WhenHeldAsync(Callers).WaitAsync(Guard);
            sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));
        }

        var errors = await calls;

        Assert.All(errors, Assert.Null);
        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
        Assert.Equal(before + (2 * Callers), sandbox.Server.Stats.ResourceRequests); // each call: one 401, one retry
        Assert.NotEqual(token.RefreshToken, store.Current!.RefreshToken);
        Assert.Same(connection.TokenSource!.Current, store.Current);
    }

    public static TheoryData<string> RefreshFaults => ["network error", "500", "503", "time-out", "html instead of json", "truncated json"];

    [Theory]
    [MemberData(nameof(RefreshFaults))]
    public async Task Failed_refresh_sends_one_request_for_200_callers_keeps_the_stored_token_and_recovers_with_the_server(string fault)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var folder = new TempFolder();
        var store = new FileTokenStore(folder.File("token.json"));
        await store.SaveAsync(token);
        var storedBytes = await File.ReadAllBytesAsync(store.Path);
        using var faults = new FaultHandler();
        var options = sandbox.ClientOptions();
        options.PrimaryHandler = faults;
        using var connection = new FactorialConnection(token, store, options);
        var source = connection.TokenSource!;
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Break(fault, sandbox, faults, entered);
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));
        var resourcesBefore = sandbox.Server.Stats.ResourceRequests;

        var calls = ConcurrentlyAsync(Callers, () => connection.SendJsonAsync(Credentials()));
        if (fault == "time-out")
        {
            await entered.Task.WaitAsync(Guard);
            sandbox.Time.Advance(source.RefreshTimeout); // the refresh request hangs: its time-out runs out
        }

        var errors = await calls;

        // One typed error, shared by every caller; one request sent for all of them.
        var first = Assert.IsAssignableFrom<FactorialException>(errors[0]);
        Assert.All(errors, error => Assert.Same(first, error));
        Assert.IsNotType<FactorialReauthorizationRequiredException>(first);
        Assert.Equal(1, faults.TokenRequests);

        // No retry storm: calls during the back-off get the same error without a request.
        for (var i = 0; i < 50; i++)
        {
            Assert.Same(first, await Assert.ThrowsAnyAsync<FactorialException>(() => connection.SendJsonAsync(Credentials())));
        }

        Assert.Equal(1, faults.TokenRequests);
        Assert.Equal(resourcesBefore, sandbox.Server.Stats.ResourceRequests); // nothing was sent with the dead token
        Assert.Equal(storedBytes, await File.ReadAllBytesAsync(store.Path)); // the previous token, untouched

        // The server recovers; after the back-off the next call refreshes and succeeds.
        faults.Intercept = null;
        sandbox.Server.Control.TokenEndpointFailureStatus = null;
        sandbox.Time.Advance(source.RefreshRetryDelay);
        await connection.SendJsonAsync(Credentials());

        Assert.Equal(2, faults.TokenRequests);
        var stored = await store.LoadAsync();
        Assert.NotEqual(token.RefreshToken, stored!.RefreshToken);
        Assert.Equal(source.Current!.AccessToken, stored.AccessToken);
    }

    private static void Break(string fault, TestSandbox sandbox, FaultHandler faults, TaskCompletionSource entered)
    {
        switch (fault)
        {
            case "network error":
                faults.Intercept = FaultHandler.NetworkErrorAt("/oauth/token");
                break;
            case "500":
                sandbox.Server.Control.TokenEndpointFailureStatus = 500;
                break;
            case "503":
                sandbox.Server.Control.TokenEndpointFailureStatus = 503;
                break;
            case "time-out":
                faults.Intercept = async (request, cancellationToken) =>
                {
                    if (request.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal))
                    {
                        entered.TrySetResult();
                        await Task.Delay(Timeout.Infinite, cancellationToken);
                    }

                    return null;
                };
                break;
            case "html instead of json":
                faults.Intercept = Answer("<html><body>Bad gateway</body></html>", "text/html");
                break;
            case "truncated json":
                faults.Intercept = Answer("{\"access_token\": \"abc", "application/json");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage?>> Answer(string body, string mediaType) =>
        (request, _) => Task.FromResult(request.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) }
            : null);

    [Fact]
    public async Task Refused_refresh_token_is_sent_once_for_200_callers_and_a_token_saved_later_by_a_new_authorization_is_adopted()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using (var elsewhere = sandbox.CreateOAuth())
        {
            await elsewhere.RefreshAccessTokenAsync(token); // spent by someone else, and the result lost
        }

        using var folder = new TempFolder();
        var store = new FileTokenStore(folder.File("token.json"));
        await store.SaveAsync(token);
        var storedBytes = await File.ReadAllBytesAsync(store.Path);
        using var connection = new FactorialConnection(token, store, sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));

        var errors = await ConcurrentlyAsync(Callers, () => connection.SendJsonAsync(Credentials()));
        for (var i = 0; i < 50; i++)
        {
            await Assert.ThrowsAsync<FactorialReauthorizationRequiredException>(() => connection.SendJsonAsync(Credentials()));
        }

        var refusal = Assert.IsType<FactorialReauthorizationRequiredException>(errors[0]);
        Assert.All(errors, error => Assert.Same(refusal, error));
        Assert.Equal("invalid_grant", refusal.Error);
        Assert.Equal(2, sandbox.Server.Stats.RefreshGrants); // the one spent elsewhere, and a single try here
        Assert.Equal(storedBytes, await File.ReadAllBytesAsync(store.Path));

        // The user authorizes again (say in another process) and the new token lands in the shared store.
        var fresh = await sandbox.AuthorizeAsync(FactorialScope.Read);
        await new FileTokenStore(store.Path).SaveAsync(fresh);

        await connection.SendJsonAsync(Credentials());

        Assert.Equal(fresh.AccessToken, connection.TokenSource!.Current!.AccessToken);
        Assert.Equal(2, sandbox.Server.Stats.RefreshGrants);
    }

    [Fact]
    public async Task Caller_that_cancels_during_a_refresh_stops_waiting_at_once_and_the_refresh_still_completes_and_is_saved()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var store = new InMemoryTokenStore(token);
        using var connection = new FactorialConnection(token, store, sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));

        using (var pause = sandbox.Server.Control.PauseTokenRequests())
        {
            using var cancel = new CancellationTokenSource();
            var call = connection.SendJsonAsync(Credentials(), cancel.Token);
            await pause.WhenHeldAsync(1).WaitAsync(Guard);

            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Guard));
            Assert.Same(token, store.Current); // the refresh is still held at the server
        }

        await connection.SendJsonAsync(Credentials()).WaitAsync(Guard);

        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
        Assert.NotEqual(token.RefreshToken, store.Current!.RefreshToken);
    }

    [Fact]
    public async Task Rotated_token_that_cannot_be_saved_is_not_used_until_it_is_saved_and_is_not_refreshed_twice()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var folder = new TempFolder();
        var store = new FileTokenStore(folder.File("token.json"));
        await store.SaveAsync(token);
        using var connection = new FactorialConnection(token, store, sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));
        var resourcesBefore = sandbox.Server.Stats.ResourceRequests;

        store.BeforeReplace = _ => throw new IOException("No space left on device (injected)");
        var errors = await ConcurrentlyAsync(20, () => connection.SendJsonAsync(Credentials()));

        Assert.All(errors, error => Assert.IsType<FactorialTokenStoreException>(error));
        Assert.Equal(resourcesBefore, sandbox.Server.Stats.ResourceRequests); // the unsaved token was not used
        Assert.Equal(token.RefreshToken, (await store.LoadAsync())!.RefreshToken);
        Assert.Single(Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories), f => !f.EndsWith(".lock", StringComparison.Ordinal)); // no stray temporary file

        store.BeforeReplace = null;
        await connection.SendJsonAsync(Credentials());

        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
        Assert.Equal(connection.TokenSource!.Current!.RefreshToken, (await store.LoadAsync())!.RefreshToken);
    }

    [Fact]
    public async Task Corrupt_token_file_is_reported_on_load_and_kept_aside_not_overwritten_when_a_refresh_saves()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var folder = new TempFolder();
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateFactory();
        var store = new FileTokenStore(folder.File("token.json"), loggerFactory.CreateLogger<FileTokenStore>());
        const string Corrupt = "{\"access_token\": \"half-written";
        await File.WriteAllTextAsync(store.Path, Corrupt);

        // Loading it is an error the caller sees, not an empty store: the file stays as it was.
        using var oauth = sandbox.CreateOAuth();
        var lazy = new FactorialTokenSource(store, oauth, new FactorialTokenSourceOptions { TimeProvider = sandbox.Time });
        using (var fromStore = new FactorialConnection(lazy, sandbox.ClientOptions()))
        {
            var error = await Assert.ThrowsAsync<FactorialTokenStoreException>(() => fromStore.SendJsonAsync(Credentials()));
            Assert.Equal(store.Path, error.StorePath);
        }

        await Assert.ThrowsAsync<FactorialTokenStoreException>(() => FactorialTokenSource.FromStoreAsync(store, oauth));
        Assert.Equal(Corrupt, await File.ReadAllTextAsync(store.Path));

        // A client already holding a token refreshes and saves: the corrupt file is moved aside and reported.
        using var connection = new FactorialConnection(token, store, sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));
        await connection.SendJsonAsync(Credentials());

        var kept = Assert.Single(Directory.GetFiles(folder.Path, "token.json.corrupt-*"));
        Assert.Equal(Corrupt, await File.ReadAllTextAsync(kept));
        Assert.Equal(connection.TokenSource!.Current!.AccessToken, (await store.LoadAsync())!.AccessToken);
        var warning = Assert.Single(logs.Entries, e => e.EventId.Id == 30);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(Path.GetFileName(kept), warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_ahead_of_expiry_that_fails_keeps_using_the_valid_token_without_asking_again_during_the_back_off()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var faults = new FaultHandler { Intercept = FaultHandler.NetworkErrorAt("/oauth/token") };
        var options = sandbox.ClientOptions();
        options.PrimaryHandler = faults;
        using var connection = new FactorialConnection(token, new InMemoryTokenStore(token), options);
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime - TimeSpan.FromMinutes(1)); // inside the 2-minute margin

        var errors = await ConcurrentlyAsync(50, () => connection.SendJsonAsync(Credentials()));
        for (var i = 0; i < 20; i++)
        {
            await connection.SendJsonAsync(Credentials());
        }

        Assert.All(errors, Assert.Null);
        Assert.Equal(1, faults.TokenRequests);
        Assert.Same(token, connection.TokenSource!.Current);

        sandbox.Time.Advance(connection.TokenSource.RefreshRetryDelay);
        await connection.SendJsonAsync(Credentials());
        Assert.Equal(2, faults.TokenRequests); // tried again after the back-off (and failed again: still the old token)

        faults.Intercept = null;
        sandbox.Time.Advance(connection.TokenSource.RefreshRetryDelay * 2); // the back-off doubled
        await connection.SendJsonAsync(Credentials());
        Assert.Equal(3, faults.TokenRequests);
        Assert.NotSame(token, connection.TokenSource.Current);
    }

    [Fact]
    public async Task Explicit_refresh_is_not_held_back_by_the_back_off()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var connection = new FactorialConnection(token, new InMemoryTokenStore(token), sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));
        sandbox.Server.Control.TokenEndpointFailureStatus = 502;
        await Assert.ThrowsAsync<FactorialAuthException>(() => connection.SendJsonAsync(Credentials()));

        sandbox.Server.Control.TokenEndpointFailureStatus = null;
        var refreshed = await connection.TokenSource!.RefreshAsync();

        Assert.NotEqual(token.AccessToken, refreshed.AccessToken);
        Assert.Equal(2, sandbox.Server.Stats.RefreshGrants);
    }
}
