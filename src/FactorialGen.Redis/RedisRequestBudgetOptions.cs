using System;

namespace FactorialGen.Redis;

/// <summary>Settings of a <see cref="RedisRequestBudget"/>. Every replica sharing a key must use the same numbers.</summary>
public sealed class RedisRequestBudgetOptions
{
    /// <summary>How many permits may start in any <see cref="Window"/>, across every replica. Default: 200 (Factorial's documented POSTs per minute).</summary>
    public int PermitLimit { get; set; } = FactorialRequestBudgetOptions.DocumentedPostsPerMinute;

    /// <summary>The sliding window, measured on the Redis server's clock (so replicas' clocks need not agree). Default: one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many requests of this process may wait for the budget at once; one more gets a failed lease at once (the
    /// client throws <see cref="FactorialRequestBudgetException"/>). 0 for no waiting. Default: 10,000.
    /// </summary>
    public int QueueLimit { get; set; } = FactorialRequestBudgetOptions.DefaultQueueLimit;

    /// <summary>
    /// How long a permit counts as in flight when its process never reports the answer (it died, or lost Redis): after
    /// this, and a whole <see cref="Window"/> more, the permit is released. Keep it above the longest call. Default: 2 minutes.
    /// </summary>
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The Redis database number; -1 (the default) is the connection's default database.</summary>
    public int Database { get; set; } = -1;

    /// <summary>The clock this process waits on between tries. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal RedisRequestBudgetOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PermitLimit, nameof(PermitLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, TimeSpan.FromMilliseconds(1), nameof(Window));
        ArgumentOutOfRangeException.ThrowIfNegative(QueueLimit, nameof(QueueLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(InFlightTimeout, TimeSpan.FromMilliseconds(1), nameof(InFlightTimeout));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        return this;
    }
}
