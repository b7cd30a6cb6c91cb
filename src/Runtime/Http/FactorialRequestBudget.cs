using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace FactorialGen;

/// <summary>
/// The request budget of one client (one <see cref="FactorialConnection"/>, or one client registered with
/// <c>AddFactorialClient</c>, shared by every handler the factory makes for it): the limiter, which requests count,
/// and the back-off a 429 with <c>Retry-After</c> asked for.
/// </summary>
internal sealed class FactorialRequestBudget : IDisposable
{
    private readonly RateLimiter _limiter;
    private readonly bool _ownsLimiter;
    private readonly FactorialBudgetedMethods _methods;
    private readonly TimeProvider _time;
    private readonly string _describe;
    private long _pausedUntil; // a TimeProvider timestamp; 0 when not paused

    private FactorialRequestBudget(FactorialRequestBudgetOptions options, RateLimiter? shared, TimeProvider time)
    {
        _time = time;
        _methods = options.Methods;
        _ownsLimiter = shared is null;
        _limiter = shared ?? new FactorialRequestBudgetLimiter(options, time);
        _describe = shared is null
            ? string.Create(CultureInfo.InvariantCulture, $"{options.PermitLimit} requests per {options.Window.TotalSeconds:0.###} s, at most {options.QueueLimit} waiting")
            : $"the shared limiter {shared.GetType().Name}";
    }

    /// <summary>
    /// The budget of a client, or null when its options have none: permits from <paramref name="shared"/> (not
    /// disposed here) when given, else from a limiter of its own made from <paramref name="options"/>.
    /// </summary>
    public static FactorialRequestBudget? Create(FactorialRequestBudgetOptions? options, RateLimiter? shared, TimeProvider time) =>
        options is null ? null : new FactorialRequestBudget(options.Validated(), shared, time);

    /// <summary>Whether <paramref name="method"/> counts against the budget.</summary>
    public bool Counts(HttpMethod method) => _methods switch
    {
        FactorialBudgetedMethods.All => true,
        FactorialBudgetedMethods.Writes => method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch || method == HttpMethod.Delete,
        _ => method == HttpMethod.Post,
    };

    /// <summary>Waits out a 429's back-off, then for a permit (in order, cancellable).</summary>
    /// <exception cref="FactorialRequestBudgetException">The queue is full.</exception>
    public async ValueTask<RateLimitLease> AcquireAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var wait = PauseLeft(); wait > TimeSpan.Zero; wait = PauseLeft())
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        throw new FactorialRequestBudgetException(
            $"{request.Method.Method} {FactorialAuthHandler.PathOf(request)} was not sent: the client-side request budget ({_describe}) has no room left in its queue. " +
            "Send fewer requests at once, or raise the budget's queue limit; nothing was sent, so the call can be retried as it is.");
    }

    /// <summary>How long a 429's <c>Retry-After</c> still holds counted requests (zero or less when it does not).</summary>
    private TimeSpan PauseLeft() =>
        Volatile.Read(ref _pausedUntil) is var until and not 0 ? _time.GetElapsedTime(_time.GetTimestamp(), until) : TimeSpan.Zero;

    /// <summary>Holds the counted requests while a 429's <c>Retry-After</c> lasts.</summary>
    public void Observe(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests || response.Headers.RetryAfter is not { } header)
        {
            return;
        }

        var wait = header.Delta ?? (header.Date is { } date ? date - _time.GetUtcNow() : TimeSpan.Zero);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        var until = _time.GetTimestamp() + (long)(wait.TotalSeconds * _time.TimestampFrequency);
        long current;
        do
        {
            current = Volatile.Read(ref _pausedUntil);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _pausedUntil, until, current) != current);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsLimiter)
        {
            _limiter.Dispose();
        }
    }
}
