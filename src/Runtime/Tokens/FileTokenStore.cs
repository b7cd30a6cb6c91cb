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
/// deleted: <see cref="LoadAsync"/> leaves it alone, and <see cref="SaveAsync"/> first moves it aside to
/// <c>&lt;file&gt;.corrupt-&lt;time&gt;</c>, so whatever refresh token it held can still be recovered by hand.
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
    /// <exception cref="FactorialTokenStoreException">Another client held the lock for longer than <see cref="LockTimeout"/>, or the lock file cannot be created.</exception>
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
            try
            {
                return new LockHandle(OpenLockFile());
            }
            catch (Exception ex) when (ex is DirectoryNotFoundException or PathTooLongException or UnauthorizedAccessException or NotSupportedException)
            {
                throw new FactorialTokenStoreException($"Could not create the lock file '{LockPath}' beside the token file: {ex.Message}", Path, ex);
            }
            catch (IOException ex)
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
            }
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
            await KeepCorruptFileAsync().ConfigureAwait(false);
            await WriteAtomicallyAsync(ToStored(token)).ConfigureAwait(false);
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
        StoredToken? stored;
        try
        {
            await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, useAsync: true);
            stored = await JsonSerializer.DeserializeAsync(stream, FactorialRuntimeJsonContext.Default.StoredToken, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException ex)
        {
            throw Corrupt($"is not valid token JSON (line {ex.LineNumber + 1})", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FactorialTokenStoreException($"Could not read the token file '{Path}': {ex.Message}", Path, ex);
        }

        return FromStored(stored) ?? throw Corrupt("does not hold a complete token (access_token, scope and created_at are required)", null);
    }

    private FactorialTokenStoreException Corrupt(string what, Exception? inner) =>
        new($"The token file '{Path}' {what}. It was left untouched: restore or delete it, then authorize again if needed.", Path, inner);

    private async Task KeepCorruptFileAsync()
    {
        try
        {
            await ReadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (FactorialTokenStoreException) when (File.Exists(Path))
        {
            var backup = $"{Path}.corrupt-{DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}";
            File.Move(Path, backup);
            Log.CorruptTokenFileKept(_logger, Path, backup);
        }
    }

    private async Task WriteAtomicallyAsync(StoredToken stored)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            EnsureDirectory();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(temp, options))
            {
                await JsonSerializer.SerializeAsync(stream, stored, FactorialRuntimeJsonContext.Default.StoredToken).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            BeforeReplace?.Invoke(temp);
            File.Move(temp, Path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new FactorialTokenStoreException($"Could not write the token file '{Path}': {ex.Message}. The previous file was left as it was.", Path, ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
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
        return new FactorialToken(stored.AccessToken, stored.RefreshToken, scope, createdAt, stored.ExpiresAt, string.IsNullOrWhiteSpace(stored.TokenType) ? "Bearer" : stored.TokenType, owner);
    }
}
