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

// The cross-process lock: the lock file, refusing links and special files, and telling a held lock from a failure.
public sealed partial class FileTokenStore
{
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
}
