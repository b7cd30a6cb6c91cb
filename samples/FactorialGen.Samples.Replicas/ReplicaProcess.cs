using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.Samples.Replicas;

/// <summary>
/// One replica: a client registered the way an application would (<c>AddFactorialClient&lt;Hr&gt;()</c> with the token
/// and the request budget in Redis). Commands on stdin: <c>go</c> starts the callers, <c>stop</c> stops them and
/// answers <c>calls &lt;made&gt; &lt;failed&gt; &lt;error types&gt;</c>; <c>posts &lt;n&gt;</c> sends n POSTs at once and answers
/// <c>posts &lt;made&gt; &lt;failed&gt; &lt;error types&gt;</c>. The replica ends when its stdin closes.
/// </summary>
internal static class ReplicaProcess
{
    /// <summary>The arguments the orchestrator passes.</summary>
    public static string[] Arguments(ReplicaSettings settings, string redis, string key, Uri sandbox) =>
    [
        "replica", redis, key, sandbox.AbsoluteUri, settings.Calls.ToString(CultureInfo.InvariantCulture),
        ((long)settings.RefreshBeforeExpiry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        settings.Budget.ToString(CultureInfo.InvariantCulture), ((long)settings.Window.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        settings.PaceMilliseconds.ToString(CultureInfo.InvariantCulture), settings.PerProcessBudget ? "process" : "shared",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var redis, var key, var sandbox, var calls, var refreshBeforeMs, var budget, var windowMs, var paceMs, var scope])
        {
            throw new ArgumentException("replica <redis> <key> <sandbox url> <callers> <refresh-before ms> <budget> <window ms> <pace ms> <shared|process>");
        }

        var services = new ServiceCollection();
        var client = services.AddFactorialClient<Hr>(options =>
            {
                options.BaseAddress = new Uri(sandbox);
                options.ClientId = Sandbox.SandboxClient.Default.ClientId;
                options.ClientSecret = Sandbox.SandboxClient.Default.ClientSecret;
                options.RefreshBeforeExpiry = TimeSpan.FromMilliseconds(Number(refreshBeforeMs));
                options.RequestBudget = new FactorialRequestBudgetOptions { PermitLimit = (int)Number(budget), Window = TimeSpan.FromMilliseconds(Number(windowMs)) };
            })
            .AddRedisTokenStore(redis, key);
        if (scope == "shared")
        {
            client.AddRedisRequestBudget(redis, key + ":budget", (_, options) =>
            {
                options.PermitLimit = (int)Number(budget);
                options.Window = TimeSpan.FromMilliseconds(Number(windowMs));
            });
        }
        await using var provider = services.BuildServiceProvider();
        var hr = provider.GetRequiredService<Hr>();
        var pace = TimeSpan.FromMilliseconds(Number(paceMs));
        Console.WriteLine("ready");

        Task<(int Made, string[] Errors)>? running = null;
        using var stop = new CancellationTokenSource();
        while (await Console.In.ReadLineAsync() is { } command)
        {
            var parts = command.Split(' ');
            switch (parts[0])
            {
                case "go":
                    running = CallAsync(hr, (int)Number(calls), pace, stop.Token);
                    break;
                case "stop":
                    await stop.CancelAsync();
                    var (made, errors) = running is null ? (0, []) : await running;
                    Console.WriteLine(Answer("calls", made, errors));
                    break;
                case "posts":
                    var results = await Task.WhenAll(Enumerable.Range(0, (int)Number(parts[1])).Select(i => PostAsync(hr, i)));
                    Console.WriteLine(Answer("posts", results.Length, results.OfType<string>().ToArray()));
                    break;
                default:
                    throw new ArgumentException($"Unknown command '{parts[0]}'.");
            }
        }

        return 0;
    }

    /// <summary>Callers that each read the API until stopped; every call needs a valid access token.</summary>
    private static async Task<(int Made, string[] Errors)> CallAsync(Hr hr, int callers, TimeSpan pace, CancellationToken stop)
    {
        var errors = new ConcurrentBag<string>();
        var made = 0;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await hr.ApiPublic.Credentials.ListAsync(cancellationToken: CancellationToken.None);
                }
                catch (FactorialException ex)
                {
                    errors.Add(ex.GetType().Name);
                }

                Interlocked.Increment(ref made);
                try
                {
                    await Task.Delay(pace, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }));
        return (made, errors.ToArray());
    }

    private static async Task<string?> PostAsync(Hr hr, int i)
    {
        try
        {
            await hr.Attendance.Shifts.CreateAsync(new FactorialApi.ShiftsCreateRequest { Date = new DateOnly(2026, 3, 2).AddDays(i % 28) }, CancellationToken.None);
            return null;
        }
        catch (FactorialException ex)
        {
            return ex.GetType().Name;
        }
    }

    private static string Answer(string what, int made, string[] errors) =>
        $"{what} {made} {errors.Length} {(errors.Length == 0 ? "-" : string.Join(',', errors.Distinct()))}";

    private static long Number(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
