using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// One token file shared by several clients and several processes: a process killed in the middle of a write leaves
/// the old or the new pair, never a torn file; and the store's lock makes sure only one client spends a refresh token.
/// The other processes are this test assembly started again (<see cref="ChildProgram"/>).
/// </summary>
public sealed class SharedTokenFileTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60); // only ever reached if something hangs
    private readonly TempFolder _folder = new();

    private string TokenPath => _folder.File("token.json");

    private static FactorialRequest Credentials() => new(HttpMethod.Get, "api_public/credentials");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Process_killed_between_writing_the_new_token_and_renaming_it_leaves_the_old_pair()
    {
        await new FileTokenStore(TokenPath).SaveAsync(ChildProgram.Pair("old"));
        await using var child = ChildProcess.Start("hang-before-rename", TokenPath, "new");

        var line = await child.ReadLineAsync();
        Assert.StartsWith("renaming ", line, StringComparison.Ordinal);
        var temp = Path.Combine(_folder.Path, line["renaming ".Length..]);
        await child.KillAsync();

        var loaded = await new FileTokenStore(TokenPath).LoadAsync();
        Assert.Equal("access-old", loaded!.AccessToken);
        Assert.Equal("refresh-old", loaded.RefreshToken);

        // The dead process left its complete, flushed temporary file: harmless, never read as the token.
        Assert.Contains("refresh-new", await File.ReadAllTextAsync(temp), StringComparison.Ordinal);
        await new FileTokenStore(TokenPath).SaveAsync(ChildProgram.Pair("next"));
        Assert.Equal("refresh-next", (await new FileTokenStore(TokenPath).LoadAsync())!.RefreshToken);
    }

    [Fact]
    public async Task Process_killed_at_any_moment_of_a_stream_of_saves_leaves_a_whole_pair()
    {
        for (var round = 0; round < 3; round++)
        {
            await using var child = ChildProcess.Start("save-forever", TokenPath);
            var wanted = 20 + (round * 37);
            await child.ReadUntilAsync(l => l == $"saved {wanted}");
            await child.KillAsync(); // somewhere in the middle of a later save

            var loaded = await new FileTokenStore(TokenPath).LoadAsync();
            var number = int.Parse(loaded!.AccessToken["access-".Length..], CultureInfo.InvariantCulture);
            Assert.True(number >= wanted, $"the file went back to save {number}");
            Assert.Equal($"refresh-{number}", loaded.RefreshToken);
        }
    }

    [Fact]
    public async Task Lock_of_a_killed_process_is_released_by_the_operating_system()
    {
        await using var child = ChildProcess.Start("hold-lock", TokenPath);
        Assert.Equal("locked", await child.ReadLineAsync());
        var store = new FileTokenStore(TokenPath) { LockTimeout = TimeSpan.FromMilliseconds(100) };
        await Assert.ThrowsAsync<FactorialTokenStoreException>(async () => await store.AcquireLockAsync());

        await child.KillAsync();

        store.LockTimeout = Guard;
        await using var held = await store.AcquireLockAsync().AsTask().WaitAsync(Guard);
    }

    [Fact]
    public async Task Two_processes_that_refresh_the_same_token_file_at_once_spend_the_refresh_token_once()
    {
        // Real clocks here: the sandbox runs on the system clock, like the two child processes.
        await using var sandbox = await TestSandbox.StartAsync(options => options.TimeProvider = TimeProvider.System);
        var issued = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var expected = 0;
        for (var round = 0; round < 3; round++)
        {
            // Both processes load a token they believe expired (the server still takes it): each wants to refresh.
            var current = round == 0 ? issued : (await new FileTokenStore(TokenPath).LoadAsync())!;
            await new FileTokenStore(TokenPath).SaveAsync(new FactorialToken(current.AccessToken, current.RefreshToken, current.Scope, current.CreatedAt, current.CreatedAt));
            await using var first = ChildProcess.Start("refresh-when-told", TokenPath, sandbox.BaseAddress.AbsoluteUri);
            await using var second = ChildProcess.Start("refresh-when-told", TokenPath, sandbox.BaseAddress.AbsoluteUri);
            Assert.Equal("ready", await first.ReadLineAsync());
            Assert.Equal("ready", await second.ReadLineAsync());

            await Task.WhenAll(first.WriteLineAsync("go"), second.WriteLineAsync("go"));
            var answers = await Task.WhenAll(first.ReadLineAsync(), second.ReadLineAsync());

            expected++;
            var stored = await new FileTokenStore(TokenPath).LoadAsync();
            Assert.Equal(expected, sandbox.Server.Stats.RefreshGrants);
            Assert.Equal($"ok {stored!.Fingerprint}", answers[0]);
            Assert.Equal($"ok {stored.Fingerprint}", answers[1]);
            Assert.NotEqual(current.RefreshToken, stored.RefreshToken);
            Assert.Equal(0, await first.WaitForExitAsync());
            Assert.Equal(0, await second.WaitForExitAsync());
        }

        var options = sandbox.ClientOptions();
        options.TimeProvider = TimeProvider.System;
        options.App = null;
        using var check = new FactorialConnection((await new FileTokenStore(TokenPath).LoadAsync())!, options: options);
        await check.SendJsonAsync(Credentials()); // the token both processes ended with works
    }

    [Fact]
    public async Task Client_that_waits_for_the_store_lock_adopts_the_token_the_holder_saved()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        await new FileTokenStore(TokenPath).SaveAsync(token);
        var storeA = new WatchedStore(new FileTokenStore(TokenPath));
        var storeB = new WatchedStore(new FileTokenStore(TokenPath));
        using var clientA = new FactorialConnection(token, storeA, sandbox.ClientOptions());
        using var clientB = new FactorialConnection(token, storeB, sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));

        Task callA, callB;
        using (var pause = sandbox.Server.Control.PauseTokenRequests())
        {
            callA = clientA.SendJsonAsync(Credentials());
            await pause.WhenHeldAsync(1).WaitAsync(Guard); // A holds the lock, its refresh is at the server
            callB = clientB.SendJsonAsync(Credentials());
            await storeB.LockRequested.WaitAsync(Guard); // B wants the lock A holds
            Assert.Equal(1, pause.Held);
        }

        await Task.WhenAll(callA, callB).WaitAsync(Guard);

        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
        Assert.Equal(clientA.TokenSource!.Current!.AccessToken, clientB.TokenSource!.Current!.AccessToken);
        Assert.Equal(clientA.TokenSource.Current.AccessToken, (await new FileTokenStore(TokenPath).LoadAsync())!.AccessToken);
    }

    [Fact]
    public async Task Without_a_store_lock_two_clients_both_spend_the_refresh_token()
    {
        // The control experiment for the test above: a store that offers no lock lets both clients refresh at once.
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        await new FileTokenStore(TokenPath).SaveAsync(token);
        using var clientA = new FactorialConnection(token, new UnlockedStore(new FileTokenStore(TokenPath)), sandbox.ClientOptions());
        using var clientB = new FactorialConnection(token, new UnlockedStore(new FileTokenStore(TokenPath)), sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));

        Task<Exception?[]> calls;
        using (var pause = sandbox.Server.Control.PauseTokenRequests())
        {
            calls = Task.WhenAll(Capture(clientA.SendJsonAsync(Credentials())), Capture(clientB.SendJsonAsync(Credentials())));
            await pause.WhenHeldAsync(2).WaitAsync(Guard); // both sent the same refresh token
        }

        await calls.WaitAsync(Guard);
        Assert.Equal(2, sandbox.Server.Stats.RefreshGrants);
    }

    [Fact]
    public async Task Lock_that_stays_taken_gives_a_typed_error_after_the_wait_limit_and_sends_no_refresh()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var store = new FileTokenStore(TokenPath) { LockTimeout = TimeSpan.FromMilliseconds(150) };
        await store.SaveAsync(token);
        using var connection = new FactorialConnection(token, store, sandbox.ClientOptions());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));

        await using (await new FileTokenStore(TokenPath).AcquireLockAsync())
        {
            var error = await Assert.ThrowsAsync<FactorialTokenStoreException>(() => connection.SendJsonAsync(Credentials()));
            Assert.Contains(store.LockPath, error.Message, StringComparison.Ordinal);
            Assert.Equal(0, sandbox.Server.Stats.RefreshGrants);
        }

        await connection.SendJsonAsync(Credentials()); // lock free again: refreshes
        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
    }

    [Fact]
    public async Task Lock_file_is_owner_only_on_unix_and_released_on_dispose()
    {
        var store = new FileTokenStore(Path.Combine(_folder.Path, "new-folder", "token.json"));
        await using (await store.AcquireLockAsync())
        {
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.LockPath));
            }

            var other = new FileTokenStore(store.Path) { LockTimeout = TimeSpan.FromMilliseconds(50) };
            await Assert.ThrowsAsync<FactorialTokenStoreException>(async () => await other.AcquireLockAsync());
        }

        await using var again = await new FileTokenStore(store.Path) { LockTimeout = TimeSpan.FromMilliseconds(50) }.AcquireLockAsync();
    }

    private static async Task<Exception?> Capture(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>A file store that reports when a client asks for its lock.</summary>
    private sealed class WatchedStore(FileTokenStore inner) : ITokenStore, ITokenStoreLock
    {
        private readonly TaskCompletionSource _lockRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task LockRequested => _lockRequested.Task;

        public ValueTask<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken = default)
        {
            _lockRequested.TrySetResult();
            return inner.AcquireLockAsync(cancellationToken);
        }

        public Task<FactorialToken?> LoadAsync(CancellationToken cancellationToken = default) => inner.LoadAsync(cancellationToken);

        public Task SaveAsync(FactorialToken token, CancellationToken cancellationToken = default) => inner.SaveAsync(token, cancellationToken);

        public Task ClearAsync(CancellationToken cancellationToken = default) => inner.ClearAsync(cancellationToken);
    }

    /// <summary>The same file store, but offering no lock.</summary>
    private sealed class UnlockedStore(FileTokenStore inner) : ITokenStore
    {
        public Task<FactorialToken?> LoadAsync(CancellationToken cancellationToken = default) => inner.LoadAsync(cancellationToken);

        public Task SaveAsync(FactorialToken token, CancellationToken cancellationToken = default) => inner.SaveAsync(token, cancellationToken);

        public Task ClearAsync(CancellationToken cancellationToken = default) => inner.ClearAsync(cancellationToken);
    }
}
