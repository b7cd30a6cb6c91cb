using System;
using System.Globalization;

namespace FactorialGen.Samples.Replicas;

/// <summary>
/// The sample's options. <c>--replicas</c> processes, each with <c>--calls</c> concurrent callers, share one token
/// (lifetime <c>--token-lifetime</c> seconds) through the Redis at <c>--redis</c> for <c>--lifetimes</c> rotations;
/// then they send <c>--posts</c> POSTs in all against a budget of <c>--budget</c> per <c>--window</c> seconds.
/// </summary>
internal sealed record ReplicaSettings
{
    public int Replicas { get; init; } = 4;

    public int Calls { get; init; } = 50;

    public int Lifetimes { get; init; } = 10;

    public double TokenLifetimeSeconds { get; init; } = 10;

    /// <summary>A StackExchange.Redis configuration: <c>host:port</c>, with <c>,password=…</c> if needed. Null: start a redis-server.</summary>
    public string? Redis { get; init; }

    public int Posts { get; init; }

    public int Budget { get; init; } = FactorialRequestBudgetOptions.DocumentedPostsPerMinute;

    public double WindowSeconds { get; init; } = 60;

    /// <summary>
    /// Each replica keeps only its own budget (no <c>AddRedisRequestBudget</c>): shows what the shared budget prevents.
    /// </summary>
    public bool PerProcessBudget { get; init; }

    /// <summary>The pause of each caller between two calls, so the callers do not just spin.</summary>
    public int PaceMilliseconds { get; init; } = 100;

    public TimeSpan TokenLifetime => TimeSpan.FromSeconds(TokenLifetimeSeconds);

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    /// <summary>Replicas refresh a fifth of a lifetime ahead (the default two minutes would exceed a short lifetime).</summary>
    public TimeSpan RefreshBeforeExpiry => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(2).Ticks, TokenLifetime.Ticks / 5));

    public static ReplicaSettings Parse(string[] args)
    {
        var settings = new ReplicaSettings();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--replicas" => settings with { Replicas = Positive(args[i], Value()) },
                "--calls" => settings with { Calls = Positive(args[i], Value()) },
                "--lifetimes" => settings with { Lifetimes = Positive(args[i], Value()) },
                "--token-lifetime" => settings with { TokenLifetimeSeconds = Seconds(args[i], Value()) },
                "--redis" => settings with { Redis = Value() },
                "--posts" => settings with { Posts = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) },
                "--budget" => settings with { Budget = Positive(args[i], Value()) },
                "--window" => settings with { WindowSeconds = Seconds(args[i], Value()) },
                "--per-process-budget" => settings with { PerProcessBudget = true },
                "--pace-ms" => settings with { PaceMilliseconds = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --replicas N --calls N --lifetimes N --token-lifetime SECONDS --redis HOST:PORT --posts N --budget N --window SECONDS --pace-ms N --per-process-budget."),
            };
        }

        return settings;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} takes a positive whole number, not '{value}'.");

    private static double Seconds(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : throw new ArgumentException($"{name} takes a positive number of seconds, not '{value}'.");
}
