using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// A token folder where nothing can be created is reported at once with <see cref="FactorialTokenStoreException"/>:
/// no retry loop until <see cref="FileTokenStore.LockTimeout"/> (30 s by default). Tests run as root in CI, where
/// <c>chmod</c> does not stop writes, so the folder conditions used are ones root cannot write through either: a
/// path whose parent is a regular file (ENOTDIR, every OS), and a folder under <c>/proc</c> (Linux: <c>/proc/self</c>
/// accepts no new files, not even from root). A folder without write permission (mode 0500) is added when the tests
/// do not run as root.
/// </summary>
public sealed class UnwritableTokenFolderTests : IDisposable
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(1);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"factorialgen-unwritable-{Guid.NewGuid():N}");

    public UnwritableTokenFolderTests() => Directory.CreateDirectory(_folder);

    public static IEnumerable<object[]> Conditions()
    {
        yield return ["parent is a regular file"];
        if (OperatingSystem.IsLinux())
        {
            yield return ["folder under /proc"];
        }

        if (!OperatingSystem.IsWindows() && !Environment.IsPrivilegedProcess)
        {
            yield return ["folder without write permission"];
        }
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public async Task Save_and_lock_fail_fast_and_typed(string condition)
    {
        var path = TokenPathFor(condition);
        await WarmUpAsync(); // JIT and first file-system calls, so the timings below measure the store's own behaviour

        var store = new FileTokenStore(path); // LockTimeout stays at its 30 s default: a retry loop would show
        var watch = Stopwatch.StartNew();
        var lockError = await Assert.ThrowsAsync<FactorialTokenStoreException>(async () => await store.AcquireLockAsync());
        var lockTime = watch.Elapsed;
        watch.Restart();
        var saveError = await Assert.ThrowsAsync<FactorialTokenStoreException>(() => store.SaveAsync(ChildProgram.Pair("x")));
        var saveTime = watch.Elapsed;

        Assert.True(lockTime < Fast, $"locking took {lockTime.TotalMilliseconds:0} ms");
        Assert.True(saveTime < Fast, $"saving took {saveTime.TotalMilliseconds:0} ms");
        Assert.Equal(store.Path, lockError.StorePath);
        Assert.Equal(store.Path, saveError.StorePath);
        Assert.NotNull(lockError.InnerException);
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public async Task A_token_source_refreshing_into_an_unwritable_folder_fails_fast_and_typed(string condition)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        using var oauth = sandbox.CreateOAuth();
        var store = new FileTokenStore(TokenPathFor(condition));
        var source = new FactorialTokenSource(token, oauth, store);
        await WarmUpAsync();

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<FactorialException>(() => source.RefreshAsync());
        var elapsed = watch.Elapsed;

        Assert.True(elapsed < Fast + Fast, $"the refresh took {elapsed.TotalMilliseconds:0} ms to fail");
        Assert.True(error is FactorialTokenStoreException || error.InnerException is FactorialTokenStoreException, error.ToString());
    }

    private string TokenPathFor(string condition)
    {
        switch (condition)
        {
            case "parent is a regular file":
                var blocker = Path.Combine(_folder, "blocker.txt");
                File.WriteAllText(blocker, "a file, not a folder");
                return Path.Combine(blocker, "token.json");
            case "folder under /proc":
                return Path.Combine("/proc/self", $"factorialgen-token-{Guid.NewGuid():N}.json");
            case "folder without write permission" when !OperatingSystem.IsWindows():
                var locked = Path.Combine(_folder, "locked");
                Directory.CreateDirectory(locked);
                File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
                return Path.Combine(locked, "token.json");
            default:
                throw new ArgumentOutOfRangeException(nameof(condition));
        }
    }

    private async Task WarmUpAsync()
    {
        var store = new FileTokenStore(Path.Combine(_folder, "warm", "token.json"));
        await (await store.AcquireLockAsync()).DisposeAsync();
        await store.SaveAsync(ChildProgram.Pair("warm"));
        _ = await store.LoadAsync();
    }

    public void Dispose()
    {
        var locked = Path.Combine(_folder, "locked");
        if (Directory.Exists(locked) && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_folder, recursive: true);
    }
}
