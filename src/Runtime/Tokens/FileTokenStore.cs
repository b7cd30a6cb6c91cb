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
public sealed partial class FileTokenStore : ITokenStore, ITokenStoreLock
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
}
