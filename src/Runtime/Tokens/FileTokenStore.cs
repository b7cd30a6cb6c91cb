using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Json;
using FactorialGen.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactorialGen;

/// <summary>
/// Keeps the token in a JSON file. Writes are atomic (a temporary file in the same folder, flushed to disk,
/// then renamed over the old file), so a crash leaves either the old or the new token, never half of one. On
/// Unix the file is created readable and writable by its owner only (0600); on Windows it inherits the folder's
/// access rules, so keep it under the user's profile.
/// </summary>
/// <remarks>
/// <para>
/// A file that cannot be read as a token is reported with <see cref="FactorialTokenStoreException"/> and never
/// deleted: <see cref="LoadAsync"/> leaves it alone, and <see cref="SaveAsync"/> first keeps a copy of it as
/// <c>&lt;file&gt;.corrupt-&lt;fingerprint of its content&gt;</c> (one copy however many clients save over it at
/// once), so whatever refresh token it held can still be recovered by hand. Saves never move the token file itself,
/// so several clients saving at once over a corrupt file each replace it atomically and the last save wins.
/// </para>
/// <para>
/// A token file larger than <see cref="MaxFileBytes"/> is refused (typed error) without being read whole; a save
/// over it moves it aside to <c>&lt;file&gt;.corrupt-&lt;time&gt;-&lt;random&gt;</c>. Failures that waiting cannot
/// fix (a read-only or missing folder, no permission, a full disk) are reported at once with
/// <see cref="FactorialTokenStoreException"/>; only a lock held by another client is waited for.
/// </para>
/// <para>
/// The lock file is never followed through a symbolic link: if <see cref="LockPath"/> is a link (or not a regular
/// file), <see cref="AcquireLockAsync"/> refuses with <see cref="FactorialTokenStoreException"/> and leaves it and its
/// target alone. Keep the token folder writable by its owner only (the store creates it so on Unix): whoever can
/// write there can replace the token file anyway.
/// </para>
/// <para>
/// Several clients, in one process or in several, may share one token file. The store is an
/// <see cref="ITokenStoreLock"/>: <see cref="FactorialTokenSource"/> holds an operating-system lock on
/// <see cref="LockPath"/> (<c>&lt;file&gt;.lock</c>, opened exclusively) while it re-reads the file, refreshes and saves
/// the rotated token, so only one of them spends a given refresh token and the others adopt the token it saved. The
/// lock is released when the handle is closed, including when the process dies, so a crash never leaves it stuck; the
/// lock file itself stays (it holds nothing secret). Waiting is bounded by <see cref="LockTimeout"/>. The guarantee
/// needs a local file system whose locks the operating system enforces between processes (not a network share), and
/// .NET's file locking left on (it is off when <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> is set).
/// </para>
/// </remarks>
public sealed class FileTokenStore : ITokenStore, ITokenStoreLock
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger;
    private TimeSpan _lockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Creates a store over <paramref name="path"/>; the file and its folder are created on first save.</summary>
    public FileTokenStore(string path, ILogger<FileTokenStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// The largest token file the store reads: 64 KiB, far more than a token needs. A larger file is refused with
    /// <see cref="FactorialTokenStoreException"/> before it is read.
    /// </summary>
    public const int MaxFileBytes = 64 * 1024;

    /// <summary>The full path of the token file.</summary>
    public string Path { get; }

    /// <summary>The lock file beside the token file (<c>&lt;file&gt;.lock</c>); see <see cref="AcquireLockAsync"/>.</summary>
    public string LockPath => Path + ".lock";

    /// <summary>The longest <see cref="AcquireLockAsync"/> waits for another client to release the lock. Default: 30 seconds.</summary>
    public TimeSpan LockTimeout
    {
        get => _lockTimeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _lockTimeout = value;
        }
    }

    /// <summary>
    /// Takes the exclusive lock shared by every client of this token file, in this process or another: opens
    /// <see cref="LockPath"/> with no sharing, retrying until <see cref="LockTimeout"/>. Dispose the handle to release
    /// it; the operating system releases it too if the process dies.
    /// </summary>
    /// <exception cref="FactorialTokenStoreException">Another client held the lock for longer than <see cref="LockTimeout"/>; or the lock file cannot be created (reported at once, without waiting); or <see cref="LockPath"/> is a symbolic link or not a regular file.</exception>
    public async ValueTask<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            EnsureDirectory();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FactorialTokenStoreException($"Could not create the folder of the token file '{Path}': {ex.Message}", Path, ex);
        }

        var started = Stopwatch.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(2);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RefuseUnsafeLockFile();
            FileStream stream;
            try
            {
                stream = OpenLockFile();
            }
            catch (IOException ex) when (IsHeldByAnotherClient(ex))
            {
                // Held by another client (a sharing violation): wait a little and try again, up to the limit.
                var waited = Stopwatch.GetElapsedTime(started);
                if (waited >= LockTimeout)
                {
                    throw new FactorialTokenStoreException(
                        $"Could not lock the token file: another client held '{LockPath}' for more than {LockTimeout.TotalSeconds:0.###} s ({ex.Message}). Try again later.", Path, ex);
                }

                var remaining = LockTimeout - waited;
                await Task.Delay(pause < remaining ? pause : remaining, cancellationToken).ConfigureAwait(false);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 50));
                continue;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                // Anything but a lock held by someone else (a read-only or missing folder, no permission, a full
                // disk) does not go away by waiting: report it at once.
                throw new FactorialTokenStoreException(
                    $"Could not create or open the lock file '{LockPath}' beside the token file: {ex.Message}. Check that the folder exists and is writable.", Path, ex);
            }

            // The check above and the open are two steps: if the path became a link in between, let go of it.
            if (IsLinkOrSpecial(LockPath))
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                RefuseUnsafeLockFile();
            }

            return new LockHandle(stream);
        }
    }

    /// <inheritdoc />
    public async Task<FactorialToken?> LoadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(FactorialToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await KeepCorruptFileAsync(cancellationToken).ConfigureAwait(false);
            var content = JsonSerializer.SerializeToUtf8Bytes(ToStored(token), FactorialRuntimeJsonContext.Default.StoredToken);
            await ReplaceAtomicallyAsync(Path, content, isTokenFile: true).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            File.Delete(Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FactorialTokenStoreException($"Could not delete the token file '{Path}': {ex.Message}", Path, ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"FileTokenStore {{ Path = {Path} }}";

    private async Task<FactorialToken?> ReadAsync(CancellationToken cancellationToken)
    {
        var (token, _, failure) = await InspectAsync(cancellationToken).ConfigureAwait(false);
        return failure is null ? token : throw failure;
    }

    /// <summary>
    /// Reads the token file (at most <see cref="MaxFileBytes"/> + 1 bytes): the token, or no token (no file), or the
    /// error that <see cref="LoadAsync"/> reports, with the file's content when it was read but is not a token.
    /// </summary>
    private async Task<(FactorialToken? Token, byte[]? CorruptContent, FactorialTokenStoreException? Failure)> InspectAsync(CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            // FileShare.Delete: a writer may rename a new token over the file while it is being read (Windows).
            await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1, useAsync: true);
            var length = stream.CanSeek ? stream.Length : 0;
            if (length > MaxFileBytes)
            {
                return (null, null, TooLarge(length));
            }

            // The length can change under us (or be unknown, as for a device): read at most one byte past the cap,
            // never the whole file.
            var buffer = new byte[(int)Math.Min(Math.Max(length, 512), MaxFileBytes) + 1];
            var read = 0;
            while (true)
            {
                if (read == buffer.Length)
                {
                    if (buffer.Length > MaxFileBytes)
                    {
                        return (null, null, TooLarge(null));
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxFileBytes + 1));
                }

                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            content = buffer.AsSpan(0, read).ToArray();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, null, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, null, new FactorialTokenStoreException($"Could not read the token file '{Path}': {ex.Message}", Path, ex));
        }

        StoredToken? stored;
        try
        {
            stored = JsonSerializer.Deserialize(content, FactorialRuntimeJsonContext.Default.StoredToken);
        }
        catch (JsonException ex)
        {
            // No inner exception: a JSON error can quote a piece of the file, and the file holds secrets.
            return (null, content, Corrupt($"is not valid token JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})"));
        }

        return FromStored(stored) is { } token
            ? (token, null, null)
            : (null, content, Corrupt("does not hold a complete token (access_token, scope and created_at are required)"));
    }

    private FactorialTokenStoreException TooLarge(long? length) =>
        new($"The token file '{Path}' is larger than {MaxFileBytes / 1024} KiB{(length is { } l ? $" ({l} bytes)" : string.Empty)}, far more than a token needs, so it was not read. It was left untouched: restore or delete it, then authorize again if needed.", Path);

    private FactorialTokenStoreException Corrupt(string what) =>
        new($"The token file '{Path}' {what}. It was left untouched: restore or delete it, then authorize again if needed.", Path);

    /// <summary>
    /// Before a save replaces a file that is not a token, keeps it: a copy named for its content (so clients saving
    /// at the same moment keep one copy, and none of them moves a good token another one just saved), or, for a file
    /// too large or unreadable to copy, the file itself moved aside.
    /// </summary>
    private async Task KeepCorruptFileAsync(CancellationToken cancellationToken)
    {
        var (_, corrupt, failure) = await InspectAsync(cancellationToken).ConfigureAwait(false);
        if (failure is null)
        {
            return;
        }

        if (corrupt is not null)
        {
            var backup = $"{Path}.corrupt-{Secrets.Fingerprint(Convert.ToBase64String(corrupt))}";
            await ReplaceAtomicallyAsync(backup, corrupt, isTokenFile: false).ConfigureAwait(false);
            Log.CorruptTokenFileKept(_logger, Path, backup);
            return;
        }

        var aside = $"{Path}.corrupt-{TimeProvider.System.GetUtcNow().ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        try
        {
            File.Move(Path, aside);
            Log.CorruptTokenFileKept(_logger, Path, aside);
        }
        catch (FileNotFoundException)
        {
            // Another client moved it aside or replaced it meanwhile: nothing left to keep.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FactorialTokenStoreException($"Could not move the unreadable token file '{Path}' aside before saving: {ex.Message}. It was left as it was.", Path, ex);
        }
    }

    /// <summary>Writes <paramref name="content"/> to a new temporary file beside <paramref name="target"/>, flushes it to disk, and renames it over the target.</summary>
    private async Task ReplaceAtomicallyAsync(string target, byte[] content, bool isTokenFile)
    {
        var directory = System.IO.Path.GetDirectoryName(target)!;
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            EnsureDirectory();

            // CreateNew never opens an existing file or follows a link planted at the temporary name.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(temp, options))
            {
                await stream.WriteAsync(content).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            if (isTokenFile)
            {
                BeforeReplace?.Invoke(temp);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            var what = isTokenFile ? "write the token file" : "keep a copy of the corrupt token file before saving";
            throw new FactorialTokenStoreException($"Could not {what} '{target}': {ex.Message}. The previous file was left as it was; check that the folder exists and is writable.", Path, ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Whether the lock file failed to open only because another client holds it (worth waiting for).</summary>
    private static bool IsHeldByAnotherClient(IOException ex)
    {
        if (ex is FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return (ex.HResult & 0xFFFF) is 32 or 33; // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
        }

        // On Unix .NET reports the errno as HResult; a held lock (flock LOCK_NB) fails with EWOULDBLOCK/EAGAIN.
        return ex.HResult == (OperatingSystem.IsLinux() || OperatingSystem.IsAndroid() ? 11 : 35);
    }

    /// <summary>Refuses a lock file that is a symbolic link (or a directory, device or pipe): opening it would act on whatever it points at.</summary>
    private void RefuseUnsafeLockFile()
    {
        if (IsLinkOrSpecial(LockPath))
        {
            throw new FactorialTokenStoreException(
                $"Refusing to use the lock file '{LockPath}': it is a symbolic link or not a regular file, and FactorialGen never opens a lock file through a link. Remove it (nothing is lost: it holds no data) and make sure only you can write to the token's folder.",
                Path);
        }
    }

    private static bool IsLinkOrSpecial(string path)
    {
        // FileInfo looks at the path itself (lstat), not at what a link points to: a dangling link does not "exist",
        // yet has a link target.
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                return true;
            }

            if (info.Exists)
            {
                return (info.Attributes & (FileAttributes.ReparsePoint | FileAttributes.Directory | FileAttributes.Device)) != 0;
            }

            return Directory.Exists(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // cannot even look at it: the open that follows reports why
        }
    }

    private void EnsureDirectory()
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private FileStream OpenLockFile()
    {
        // FileShare.None is an exclusive lock the operating system enforces between processes (flock on Unix, a
        // sharing violation on Windows); it goes away with the handle, also when the process dies.
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(LockPath, options);
    }

    /// <summary>Releases the lock file when disposed (once).</summary>
    private sealed class LockHandle(FileStream stream) : IAsyncDisposable
    {
        private FileStream? _stream = stream;

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _stream, null)?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>Test hook: runs between writing the temporary file and renaming it over the token file.</summary>
    internal Action<string>? BeforeReplace { get; set; }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temporary file is harmless and never read as the token.
        }
    }

    private static StoredToken ToStored(FactorialToken token) => new()
    {
        AccessToken = token.AccessToken,
        RefreshToken = token.RefreshToken,
        TokenType = token.TokenType,
        Scope = token.Scope.ToOAuthString(),
        CreatedAt = token.CreatedAt,
        ExpiresAt = token.ExpiresAt,
        ResourceOwner = token.ResourceOwner == FactorialResourceOwner.Company ? "company" : "user",
        ResourceScopes = token.ResourceScopes == FactorialResourceScopes.None ? null : token.ResourceScopes.ToOAuthString(),
    };

    private static FactorialToken? FromStored(StoredToken? stored)
    {
        if (stored is null
            || string.IsNullOrWhiteSpace(stored.AccessToken)
            || !FactorialToken.IsHeaderSafe(stored.AccessToken) || FactorialToken.HasControlCharacters(stored.RefreshToken)
            || !(string.IsNullOrWhiteSpace(stored.TokenType) || string.Equals(stored.TokenType, FactorialToken.BearerType, StringComparison.OrdinalIgnoreCase))
            || !FactorialScopes.TryParse(stored.Scope, out var scope)
            || stored.CreatedAt is not { } createdAt)
        {
            return null;
        }

        var owner = string.Equals(stored.ResourceOwner, "company", StringComparison.OrdinalIgnoreCase) ? FactorialResourceOwner.Company : FactorialResourceOwner.User;
        FactorialScopes.TryParseResources(stored.ResourceScopes, out var resources); // absent in older files: none known
        return new FactorialToken(stored.AccessToken, stored.RefreshToken, scope, createdAt, stored.ExpiresAt, string.IsNullOrWhiteSpace(stored.TokenType) ? "Bearer" : stored.TokenType, owner)
        {
            ResourceScopes = resources,
        };
    }
}
