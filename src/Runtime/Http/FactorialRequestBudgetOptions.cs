using System;

namespace FactorialGen;

/// <summary>
/// A client-side request budget: at most <see cref="PermitLimit"/> of the counted requests in any
/// <see cref="Window"/>, so the client stays under Factorial's documented rate limit instead of meeting HTTP 429.
/// Requests over the budget wait in a bounded queue (in order, cancellable); when the queue is full a call fails at once
/// with <see cref="FactorialRequestBudgetException"/>, and nothing is sent. A 429 with <c>Retry-After</c> still makes
/// the client back off: the budget holds every counted request until the server's wait has passed.
/// </summary>
/// <remarks>
/// The default is Factorial's documented limit: 200 POST requests per minute. A request uses its permit from the
/// moment it is let through until its answer's headers arrive, and the permit stays counted for a whole window after
/// that, so however long requests take on the way, the server never sees more than the budget in any window.
/// To share one budget between clients, or between replicas (FactorialGen.Redis: <c>AddRedisRequestBudget</c>), give
/// the clients one limiter: <see cref="FactorialClientOptions.RequestBudgetLimiter"/>, or in dependency injection a
/// <see cref="System.Threading.RateLimiting.RateLimiter"/> service keyed by the client's full type name.
/// </remarks>
public sealed class FactorialRequestBudgetOptions
{
    /// <summary>Factorial's documented rate limit: 200 POST requests per minute.</summary>
    public const int DocumentedPostsPerMinute = 200;

    /// <summary>The default of <see cref="QueueLimit"/>.</summary>
    public const int DefaultQueueLimit = 10_000;

    /// <summary>How many counted requests may start in any <see cref="Window"/>. Default: 200 (Factorial's documented number).</summary>
    public int PermitLimit { get; set; } = DocumentedPostsPerMinute;

    /// <summary>The sliding window the budget applies to. Default: one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many requests may wait for the budget at once; one more fails at once with
    /// <see cref="FactorialRequestBudgetException"/>. 0 for no waiting at all. Default: 10,000.
    /// </summary>
    public int QueueLimit { get; set; } = DefaultQueueLimit;

    /// <summary>Which requests count against the budget. Default: <see cref="FactorialBudgetedMethods.Post"/> (what Factorial documents).</summary>
    public FactorialBudgetedMethods Methods { get; set; } = FactorialBudgetedMethods.Post;

    internal FactorialRequestBudgetOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PermitLimit, nameof(PermitLimit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Window, TimeSpan.Zero, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfNegative(QueueLimit, nameof(QueueLimit));

        if (!Enum.IsDefined(Methods))
        {
            throw new ArgumentOutOfRangeException(nameof(Methods), Methods, "Not a FactorialBudgetedMethods value.");
        }

        return this;
    }
}
