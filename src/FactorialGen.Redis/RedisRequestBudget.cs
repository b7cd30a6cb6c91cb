using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace FactorialGen.Redis;

/// <summary>
/// A request budget shared by every replica through Redis: a <see cref="RateLimiter"/> that lets at most
/// <see cref="RedisRequestBudgetOptions.PermitLimit"/> permits start in any <see cref="RedisRequestBudgetOptions.Window"/>
/// across all processes using the same key, so the company as a whole stays under Factorial's rate limit.
/// </summary>
/// <remarks>
/// <para>
/// <b>Algorithm.</b> A sliding log in one sorted set: one Lua script, atomic in Redis, drops the permits that left the
/// window, grants when there is room, and otherwise answers how long until the permit that must leave first does.
/// Times are the Redis server's (<c>TIME</c>), in microseconds, so replicas' clocks need not agree. A granted permit is
/// in flight until its lease is disposed (the answer arrived); then it counts for a whole window from that moment. So
/// the server never sees more than the budget in any window, however long requests take on the way. A permit whose
/// process dies counts until <see cref="RedisRequestBudgetOptions.InFlightTimeout"/> plus a window.
/// </para>
/// <para>
/// <b>Waiting.</b> Requests of one process wait in order, one at a time at the head asking Redis, sleeping exactly as
/// long as the script says (no busy polling); the queue is bounded by <see cref="RedisRequestBudgetOptions.QueueLimit"/>.
/// Across processes the order is first come, first served at each free slot.
/// </para>
/// <para>
/// <b>Redis down.</b> Acquiring throws <see cref="FactorialRequestBudgetException"/>: the request is not sent (failing
/// closed keeps the company under the limit). The connection recovers by itself; so does the budget.
/// </para>
/// </remarks>
public sealed partial class RedisRequestBudget : RateLimiter
{
    // KEYS[1] the sorted set. ARGV: window (µs), limit, permits, in-flight timeout (µs), member.
    // Returns { 1, available after the grant } or { 0, wait in µs }.
    private const string AcquireScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local window = tonumber(ARGV[1])
        local limit = tonumber(ARGV[2])
        local permits = tonumber(ARGV[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local used = redis.call('ZCARD', KEYS[1])
        if used + permits <= limit then
          for i = 1, permits do
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[5] .. ':' .. i)
          end
          redis.call('PEXPIRE', KEYS[1], math.ceil((window + tonumber(ARGV[4])) / 1000) + 1000)
          return { 1, limit - used - permits }
        end
        local need = used + permits - limit
        local e = redis.call('ZRANGE', KEYS[1], need - 1, need - 1, 'WITHSCORES')
        local score = tonumber(e[2])
        local wait = window
        if score <= now then
          wait = score + window - now
        end
        if wait < 1000 then
          wait = 1000
        end
        return { 0, wait }
        """;

    // KEYS[1] the sorted set. ARGV: member, permits. Marks in-flight permits as answered now (they then count a window).
    private const string CompleteScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        for i = 1, tonumber(ARGV[2]) do
          redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1] .. ':' .. i)
        end
        return 1
        """;

    private readonly RedisRequestBudgetOptions _options;
    private readonly RedisConnection _connection;
    private readonly SemaphoreSlim _head = new(1, 1);
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private long _sequence;
    private int _waiting;
    private int _inFlight;
    private long _successful;
    private long _failed;
    private long _available;
    private long _lastActivity;

    /// <summary>
    /// Creates a budget over <paramref name="key"/> that connects with <paramref name="connectionString"/> on first use.
    /// It owns that connection, reconnects by itself after an outage, and closes it when disposed.
    /// </summary>
    /// <param name="connectionString">A StackExchange.Redis configuration string.</param>
    /// <param name="key">The Redis key of the budget, one per company (for example <c>factorial:company-42:budget</c>).</param>
    /// <param name="options">Settings; every replica must use the same numbers.</param>
    /// <exception cref="ArgumentException">The connection string cannot be parsed, the key is empty, or a setting is out of range.</exception>
    public RedisRequestBudget(string connectionString, string key, RedisRequestBudgetOptions? options = null)
        : this(RedisConnection.FromString(connectionString), key, options)
    {
    }

    /// <summary>Creates a budget over <paramref name="key"/> on a connection you own (create it with <c>abortConnect=false</c>).</summary>
    /// <param name="multiplexer">The Redis connection.</param>
    /// <param name="key">The Redis key of the budget, one per company.</param>
    /// <param name="options">Settings; every replica must use the same numbers.</param>
    public RedisRequestBudget(IConnectionMultiplexer multiplexer, string key, RedisRequestBudgetOptions? options = null)
        : this(RedisConnection.FromMultiplexer(multiplexer), key, options)
    {
    }

    private RedisRequestBudget(RedisConnection connection, string key, RedisRequestBudgetOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _options = (options ?? new RedisRequestBudgetOptions()).Validated();
        _connection = connection;
        Key = key;
        _available = _options.PermitLimit;
        _lastActivity = _options.TimeProvider.GetTimestamp();
    }

    /// <summary>The Redis key of the budget.</summary>
    public string Key { get; }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration =>
        Volatile.Read(ref _waiting) == 0 && Volatile.Read(ref _inFlight) == 0 ? _options.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity)) : null;

    /// <inheritdoc />
    /// <remarks>The available permits are those Redis reported at this process's last grant.</remarks>
    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = Interlocked.Read(ref _available),
        CurrentQueuedCount = Volatile.Read(ref _waiting),
        TotalSuccessfulLeases = Interlocked.Read(ref _successful),
        TotalFailedLeases = Interlocked.Read(ref _failed),
    };

    /// <inheritdoc />
    public override string ToString() => $"RedisRequestBudget {{ Key = {Key} }}";

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Check(permitCount);
        if (Volatile.Read(ref _waiting) > 0)
        {
            return Refused(null);
        }

        var member = NextMember();
        var result = Evaluate(database => database.ScriptEvaluate(AcquireScript, [Key], Arguments(permitCount, member)));
        return Lease(result, permitCount, member);
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Check(permitCount);
        var ahead = Interlocked.Add(ref _waiting, permitCount) - permitCount;
        try
        {
            if (ahead > 0 && ahead + permitCount > _options.QueueLimit)
            {
                return Refused(null);
            }

            await _head.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    var member = NextMember();
                    var database = await _connection.DatabaseAsync(_options.Database, Key, cancellationToken).ConfigureAwait(false);
                    var result = await EvaluateAsync(database.ScriptEvaluateAsync(AcquireScript, [Key], Arguments(permitCount, member)), cancellationToken).ConfigureAwait(false);
                    var lease = Lease(result, permitCount, member);
                    if (lease.IsAcquired || _options.QueueLimit == 0)
                    {
                        return lease;
                    }

                    lease.TryGetMetadata(MetadataName.RetryAfter, out var wait);
                    Interlocked.Decrement(ref _failed); // not a failure: this request waits
                    await Task.Delay(wait, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _head.Release();
            }
        }
        finally
        {
            Interlocked.Add(ref _waiting, -permitCount);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
            _head.Dispose();
        }
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore() => _connection.DisposeAsync();

    private void Check(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _options.PermitLimit);
    }

    private string NextMember() => string.Create(CultureInfo.InvariantCulture, $"{_instance}:{Interlocked.Increment(ref _sequence)}");

    private RedisValue[] Arguments(int permitCount, string member) =>
    [
        Micros(_options.Window), _options.PermitLimit, permitCount, Micros(_options.InFlightTimeout), member,
    ];

    private static long Micros(TimeSpan span) => span.Ticks / (TimeSpan.TicksPerMillisecond / 1000);

    private RateLimitLease Lease(RedisResult result, int permitCount, string member)
    {
        var parts = (RedisResult[])result!;
        if ((long)parts[0] != 1)
        {
            return Refused(TimeSpan.FromTicks((long)parts[1] * (TimeSpan.TicksPerMillisecond / 1000)));
        }

        Interlocked.Exchange(ref _available, (long)parts[1]);
        Interlocked.Increment(ref _successful);
        Interlocked.Add(ref _inFlight, permitCount);
        Volatile.Write(ref _lastActivity, _options.TimeProvider.GetTimestamp());
        return new Granted(this, member, permitCount);
    }

    private Denied Refused(TimeSpan? retryAfter)
    {
        Interlocked.Increment(ref _failed);
        return new Denied(retryAfter);
    }

    private void Complete(string member, int permitCount)
    {
        Interlocked.Add(ref _inFlight, -permitCount);
        Volatile.Write(ref _lastActivity, _options.TimeProvider.GetTimestamp());
        try
        {
            // Fire and forget: if it never arrives (Redis down), the permit stays in flight until InFlightTimeout,
            // which errs on the safe side.
            _connection.Current?.GetDatabase(_options.Database).ScriptEvaluate(CompleteScript, [Key], [member, permitCount], CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (RedisConnection.IsRedisFailure(ex) || ex is ObjectDisposedException)
        {
            // Same as above: the permit is released by its in-flight timeout.
        }
    }

    private RedisResult Evaluate(Func<IDatabase, RedisResult> run)
    {
        try
        {
            return run(_connection.Database(_options.Database, Key));
        }
        catch (Exception ex) when (RedisConnection.IsRedisFailure(ex))
        {
            throw Unreachable(ex);
        }
    }

    private async Task<RedisResult> EvaluateAsync(Task<RedisResult> running, CancellationToken cancellationToken)
    {
        try
        {
            return await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisConnection.IsRedisFailure(ex))
        {
            throw Unreachable(ex);
        }
    }

    private FactorialRequestBudgetException Unreachable(Exception error) =>
        RedisConnection.Unreachable($"The shared request budget in Redis (key '{Key}') could not be taken", error,
            "The request was not sent (the budget fails closed, so the company stays under Factorial's limit); retry it. The connection recovers by itself once Redis is reachable.");
}
