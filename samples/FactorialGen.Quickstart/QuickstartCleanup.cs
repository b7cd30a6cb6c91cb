using System;
using System.IO;
using System.Threading.Tasks;

namespace FactorialGen.Quickstart;

/// <summary>What the quickstart undoes: the temporary token file, and the clock times it writes.</summary>
internal static class QuickstartCleanup
{
    /// <summary>
    /// A clock-in and a clock-out one minute apart on the same (UTC) day: a run just before midnight clocks in a minute
    /// earlier instead of clocking out tomorrow.
    /// </summary>
    public static (DateTimeOffset ClockIn, DateTimeOffset ClockOut) SameDayMinute(DateTimeOffset now)
    {
        now = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, now.Offset);
        return now.AddMinutes(1).UtcDateTime.Date == now.UtcDateTime.Date ? (now, now.AddMinutes(1)) : (now.AddMinutes(-1), now);
    }

    /// <summary>Deletes the token file, its lock file and its folder when the quickstart chose them (no --token-file).</summary>
    public static async Task RemoveTemporaryTokenFileAsync(QuickstartSettings settings, FileTokenStore store)
    {
        if (!settings.TemporaryTokenFile)
        {
            Console.WriteLine($"   The token stays in {store.Path} (--token-file): delete it when you no longer need it.");
            return;
        }

        try
        {
            await store.ClearAsync();
            File.Delete(store.LockPath);
            if (Path.GetDirectoryName(store.Path) is { } folder && Directory.Exists(folder) && Directory.GetFileSystemEntries(folder).Length == 0)
            {
                Directory.Delete(folder);
            }

            Console.WriteLine($"   Deleted the temporary token file {store.Path}.");
        }
        catch (Exception ex) when (ex is FactorialTokenStoreException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"   Could not delete the temporary token file {store.Path}: {ex.Message}");
        }
    }
}
