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

// Writing safely: replace the file atomically (temporary file, flush, rename), keep a corrupt file aside, create the directory.
public sealed partial class FileTokenStore
{
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
}
