using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FactorialGen.Tests;

/// <summary>
/// Child-process mode (<see cref="ChildProgram"/>): runs the flows that start background or racing tasks, drops every
/// reference to them, forces garbage collection and finalizers, and reports how many task exceptions nobody observed
/// (<see cref="TaskScheduler.UnobservedTaskException"/> is process-wide, so it runs alone in its own process).
/// </summary>
internal static class UnobservedTaskScenarios
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string scenario)
    {
        var unobserved = new ConcurrentQueue<AggregateException>();
        TaskScheduler.UnobservedTaskException += (_, e) => unobserved.Enqueue(e.Exception);

        switch (scenario)
        {
            case "self-check":
                DropAFaultedTask(); // proves the detection works: this one must be reported
                break;
            case "loopback":
                await LoopbackListenerAsync();
                break;
            case "file-store":
                await FileStoreAsync();
                break;
            case "token-refresh":
                await TokenRefreshAsync();
                break;
            case "cancellation":
                await CancellationMidRequestAsync();
                break;
            default:
                Console.WriteLine($"error unknown scenario {scenario}");
                return 2;
        }

        for (var i = 0; i < 5; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
            await Task.Delay(100);
        }

        Console.WriteLine($"unobserved {unobserved.Count}");
        foreach (var error in unobserved.SelectMany(e => e.InnerExceptions))
        {
            Console.WriteLine($"exception {error.GetType().FullName}: {error.Message.ReplaceLineEndings(" ")} at {error.StackTrace?.ReplaceLineEndings(" | ")}");
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DropAFaultedTask() => _ = Task.Run(() => throw new InvalidOperationException("deliberately unobserved")).ContinueWith(_ => { }).Wait(Guard);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task LoopbackListenerAsync()
    {
        using var browser = new HttpClient();
        for (var round = 0; round < 3; round++)
        {
            var port = TestSandbox.FreeLoopbackPort();
            using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", $"http://127.0.0.1:{port}/callback"));
            var request = oauth.Authorize(FactorialScope.Read);

            // Time-out, then cancellation, then a second wait on the same listener.
            using (var listener = FactorialLoopbackListener.Start(request))
            {
                await Expect<FactorialAuthException>(listener.WaitForAuthorizationKeyAsync(TimeSpan.FromMilliseconds(50)));
                using var cancel = new CancellationTokenSource(50);
                await Expect<OperationCanceledException>(listener.WaitForAuthorizationKeyAsync(Guard, cancel.Token));
                var waiting = listener.WaitForAuthorizationKeyAsync(Guard);
                await browser.GetAsync($"http://127.0.0.1:{port}/callback?code=x");
                await browser.GetAsync($"http://127.0.0.1:{port}/other");
                using (var socket = new TcpClient())
                {
                    await socket.ConnectAsync("127.0.0.1", port); // a client that connects and goes away
                }

                await browser.GetAsync($"http://127.0.0.1:{port}/callback?code=real&state={Uri.EscapeDataString(request.State)}");
                await waiting.WaitAsync(Guard);
            }

            // Disposed during a wait; disposed without a wait; started and stopped again and again.
            var disposed = FactorialLoopbackListener.Start(request);
            var pending = disposed.WaitForAuthorizationKeyAsync(Guard);
            disposed.Dispose();
            await Expect<FactorialAuthException>(pending);
            FactorialLoopbackListener.Start(request).Dispose();

            // A browser that gives up before reading the answer.
            using (var listener = FactorialLoopbackListener.Start(request))
            {
                var waiting = listener.WaitForAuthorizationKeyAsync(Guard);
                using (var impatient = new CancellationTokenSource(1))
                {
                    try
                    {
                        await browser.GetAsync($"http://127.0.0.1:{port}/callback?code=x", impatient.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                await browser.GetAsync($"http://127.0.0.1:{port}/callback?error=access_denied&state={Uri.EscapeDataString(request.State)}");
                await Expect<FactorialAuthException>(waiting);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task FileStoreAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"factorialgen-unobserved-{Guid.NewGuid():N}");
        var path = Path.Combine(folder, "token.json");
        try
        {
            Directory.CreateDirectory(folder);
            for (var round = 0; round < 5; round++)
            {
                File.WriteAllText(path, "{ corrupt");
                await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => new FileTokenStore(path).SaveAsync(ChildProgram.Pair($"{round}-{i}")))));
            }

            // Lock contention: a waiter that times out, one that is cancelled, and a read-only place.
            var holder = new FileTokenStore(path);
            await using (await holder.AcquireLockAsync())
            {
                await Expect<FactorialTokenStoreException>(new FileTokenStore(path) { LockTimeout = TimeSpan.FromMilliseconds(100) }.AcquireLockAsync().AsTask());
                using var cancel = new CancellationTokenSource(50);
                await Expect<OperationCanceledException>(new FileTokenStore(path).AcquireLockAsync(cancel.Token).AsTask());
            }

            File.WriteAllText(Path.Combine(folder, "file"), "x");
            await Expect<FactorialTokenStoreException>(new FileTokenStore(Path.Combine(folder, "file", "token.json")).SaveAsync(ChildProgram.Pair("x")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task TokenRefreshAsync()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), $"factorialgen-unobserved-{Guid.NewGuid():N}");
        try
        {
            var token = await sandbox.AuthorizeAsync(FactorialScope.ReadWrite);
            var store = new FileTokenStore(Path.Combine(folder, "token.json"));
            await store.SaveAsync(token);
            using (var connection = new FactorialConnection(token, store, sandbox.ClientOptions()))
            {
                await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"));
                sandbox.Time.Advance(TimeSpan.FromHours(3)); // expired: the next calls refresh, once for all of them
                await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"))));

                // A caller that stops waiting while the refresh goes on in the background.
                sandbox.Time.Advance(TimeSpan.FromHours(3));
                using var cancel = new CancellationTokenSource();
                var call = connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), cancel.Token);
                await cancel.CancelAsync();
                await Expect<OperationCanceledException>(call);
                await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"));
            }

            // A refresh that fails in the background after its only caller stopped waiting.
            await using var hostile = await HostileServer.StartAsync();
            hostile.Handle(async context =>
            {
                await Task.Delay(300);
                context.Response.StatusCode = 400;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"error\":\"invalid_grant\"}");
            });
            using var hostileOAuth = new FactorialOAuth(sandbox.App, new FactorialOAuthOptions { BaseAddress = hostile.BaseAddress });
            var source = new FactorialTokenSource(token, hostileOAuth, new InMemoryTokenStore(token));
            using (var impatient = new CancellationTokenSource(50))
            {
                await Expect<OperationCanceledException>(source.RefreshAsync(impatient.Token));
            }

            for (var i = 0; i < 100 && hostile.Received.Count == 0; i++)
            {
                await Task.Delay(50);
            }

            await Task.Delay(1000); // the refresh has failed by now, with nobody waiting for it
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task CancellationMidRequestAsync()
    {
        await using var server = await HostileServer.StartAsync();
        server.Handle(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 1000;
            await context.Response.WriteAsync("{\"data\":[");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { });
        });
        var options = new FactorialClientOptions { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };
        using var connection = new FactorialConnection(new FactorialApiKey("key"), options);
        for (var i = 0; i < 5; i++)
        {
            using var cancel = new CancellationTokenSource(50 + (i * 20));
            await Expect<OperationCanceledException>(connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), cancel.Token));
        }

        await Expect<FactorialException>(connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"))); // the body stalls: typed time-out

        // The same while an OAuth exchange is in flight.
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", FactorialApp.OutOfBandRedirectUri), new FactorialOAuthOptions { BaseAddress = server.BaseAddress });
        using (var cancel = new CancellationTokenSource(100))
        {
            await Expect<OperationCanceledException>(oauth.ObtainAccessTokenAsync("key", cancel.Token));
        }
    }

    /// <summary>Awaits <paramref name="task"/> and requires it to fail with <typeparamref name="T"/> (or a subclass).</summary>
    private static async Task Expect<T>(Task task)
        where T : Exception
    {
        try
        {
            await task.WaitAsync(Guard);
        }
        catch (T)
        {
            return;
        }

        throw new InvalidOperationException($"Expected {typeof(T).Name}.");
    }
}
