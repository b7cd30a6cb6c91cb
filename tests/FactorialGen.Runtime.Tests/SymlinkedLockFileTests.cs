using System;
using System.IO;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// The store never opens its lock file through a symbolic link (nor a directory in its place): it refuses with
/// <see cref="FactorialTokenStoreException"/>, at once, and the link's target is neither created nor changed.
/// </summary>
public sealed class SymlinkedLockFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"factorialgen-symlink-{Guid.NewGuid():N}");

    public SymlinkedLockFileTests() => Directory.CreateDirectory(_folder);

    private string TokenPath => Path.Combine(_folder, "token.json");

    [Fact]
    public async Task A_lock_file_linked_to_a_victim_file_is_refused_and_the_victim_is_unchanged()
    {
        var victim = Path.Combine(_folder, "victim.txt");
        File.WriteAllText(victim, "victim content");
        var modified = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(victim, modified);
        var mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(victim);
        var store = new FileTokenStore(TokenPath);
        File.CreateSymbolicLink(store.LockPath, victim);

        var error = await Assert.ThrowsAsync<FactorialTokenStoreException>(async () => await store.AcquireLockAsync());

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Equal("victim content", File.ReadAllText(victim));
        Assert.Equal(modified, File.GetLastWriteTimeUtc(victim));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(mode, File.GetUnixFileMode(victim));
        }

        Assert.Equal(victim, new FileInfo(store.LockPath).LinkTarget); // the link itself is left for the user to inspect
    }

    [Fact]
    public async Task A_dangling_lock_file_link_is_refused_and_its_target_is_never_created()
    {
        var target = Path.Combine(_folder, "elsewhere", "created-by-attacker.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var store = new FileTokenStore(TokenPath);
        File.CreateSymbolicLink(store.LockPath, target);

        await Assert.ThrowsAsync<FactorialTokenStoreException>(async () => await store.AcquireLockAsync());

        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task A_refresh_through_a_token_source_is_refused_too_and_the_victim_is_unchanged()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var oauth = sandbox.CreateOAuth();
        var store = new FileTokenStore(TokenPath);
        await store.SaveAsync(token);
        var victim = Path.Combine(_folder, "victim.txt");
        File.WriteAllText(victim, "victim content");
        File.CreateSymbolicLink(store.LockPath, victim);
        var source = new FactorialTokenSource(token, oauth, store);

        var error = await Assert.ThrowsAnyAsync<FactorialException>(() => source.RefreshAsync());

        Assert.True(error is FactorialTokenStoreException || error.InnerException is FactorialTokenStoreException, error.ToString());
        Assert.Equal("victim content", File.ReadAllText(victim));
        Assert.Equal(token.RefreshToken, (await store.LoadAsync())!.RefreshToken); // the refresh token was not spent
    }

    [Fact]
    public async Task A_directory_in_place_of_the_lock_file_is_refused_at_once()
    {
        var store = new FileTokenStore(TokenPath);
        Directory.CreateDirectory(store.LockPath);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAsync<FactorialTokenStoreException>(async () => await store.AcquireLockAsync());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_regular_lock_file_still_locks()
    {
        var store = new FileTokenStore(TokenPath);
        await using (await store.AcquireLockAsync())
        {
            var other = new FileTokenStore(TokenPath) { LockTimeout = TimeSpan.FromMilliseconds(200) };
            await Assert.ThrowsAsync<FactorialTokenStoreException>(async () => await other.AcquireLockAsync());
        }

        await (await new FileTokenStore(TokenPath).AcquireLockAsync()).DisposeAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
