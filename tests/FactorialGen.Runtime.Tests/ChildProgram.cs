using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// The entry point of this test assembly when a test starts it as a child process (<see cref="ChildProcess"/>), to
/// play another program that shares a token file: one that dies in the middle of a write, or that refreshes at the
/// same moment as another. The test host never calls it. Every mode ends when its standard input closes, so a child
/// never outlives the test that started it.
/// </summary>
public static class ChildProgram
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["hang-before-rename", var path, var suffix] => await HangBeforeRenameAsync(path, suffix),
                ["save-forever", var path] => await SaveForeverAsync(path),
                ["hold-lock", var path] => await HoldLockAsync(path),
                ["refresh-when-told", var path, var baseAddress] => await RefreshWhenToldAsync(path, new Uri(baseAddress)),
                ["save-when-told", var path, var suffix] => await TokenFileChildModes.SaveWhenToldAsync(path, suffix),
                ["unobserved-tasks", var scenario] => await UnobservedTaskScenarios.RunAsync(scenario),
                _ => Usage(),
            };
        }
        catch (Exception ex)
        {
            // The test shows this line when the child fails; FactorialGen's messages never hold a token.
            Console.WriteLine($"error {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>A token pair whose two halves say which save they came from: a torn file would mix them.</summary>
    public static FactorialToken Pair(string suffix) => new(
        $"access-{suffix}", $"refresh-{suffix}", FactorialScope.ReadWrite,
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero));

    private static int Usage()
    {
        Console.Error.WriteLine("FactorialGen.Runtime.Tests runs as a test assembly; its entry point only serves child processes of tests.");
        return 0;
    }

    /// <summary>Writes the temporary file of a save, says so, then waits (to be killed) before renaming it.</summary>
    private static async Task<int> HangBeforeRenameAsync(string path, string suffix)
    {
        var store = new FileTokenStore(path)
        {
            BeforeReplace = temp =>
            {
                Console.WriteLine($"renaming {Path.GetFileName(temp)}");
                Console.In.ReadToEnd(); // killed here
            },
        };
        await store.SaveAsync(Pair(suffix));
        return 0;
    }

    /// <summary>Saves token after token, reporting each, until killed (bounded, in case nobody does).</summary>
    private static async Task<int> SaveForeverAsync(string path)
    {
        var store = new FileTokenStore(path);
        var stop = Task.Run(() => Console.In.ReadToEnd());
        for (var i = 0; i < 1_000_000 && !stop.IsCompleted; i++)
        {
            await store.SaveAsync(Pair(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Console.WriteLine($"saved {i}");
        }

        return 0;
    }

    /// <summary>Takes the token file's lock, says so, and keeps it until killed.</summary>
    private static async Task<int> HoldLockAsync(string path)
    {
        await using var held = await new FileTokenStore(path).AcquireLockAsync();
        Console.WriteLine("locked");
        await Console.In.ReadToEndAsync();
        return 0;
    }

    /// <summary>
    /// Loads the token from the file (it believes the token expired), says "ready", waits for "go", then makes one
    /// call, which refreshes first, and reports the fingerprint of the token it used.
    /// </summary>
    private static async Task<int> RefreshWhenToldAsync(string path, Uri baseAddress)
    {
        var store = new FileTokenStore(path);
        var app = new FactorialApp(Sandbox.SandboxClient.Default.ClientId, Sandbox.SandboxClient.Default.ClientSecret, FactorialApp.OutOfBandRedirectUri);
        using var oauth = new FactorialOAuth(app, new FactorialOAuthOptions { BaseAddress = baseAddress });
        var source = await FactorialTokenSource.FromStoreAsync(store, oauth);
        using var connection = new FactorialConnection(source, new FactorialClientOptions { BaseAddress = baseAddress });
        Console.WriteLine("ready");
        if (await Console.In.ReadLineAsync() != "go")
        {
            return 2;
        }

        await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials"));
        Console.WriteLine($"ok {source.Current!.Fingerprint}");
        return 0;
    }
}
