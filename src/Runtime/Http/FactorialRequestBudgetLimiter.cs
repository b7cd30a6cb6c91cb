using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace FactorialGen;

/// <summary>
/// The in-process request budget: a sliding-window <see cref="RateLimiter"/> that lets at most
/// <see cref="FactorialRequestBudgetOptions.PermitLimit"/> permits start in any
/// <see cref="FactorialRequestBudgetOptions.Window"/>, queues the rest in order (bounded by
/// <see cref="FactorialRequestBudgetOptions.QueueLimit"/>; a request over it gets a failed lease at once), and honours
/// cancellation. Time comes from a <see cref="TimeProvider"/>, so tests can drive it with a fake clock.
/// </summary>
/// <remarks>
/// A permit counts from the moment it is granted until a whole window after its lease is disposed (the request's answer
/// arrived): the time a request spends on the way to the server cannot squeeze two permits into one server-side
/// window. Share one instance between clients of the same company through <see cref="FactorialClientOptions.RequestBudgetLimiter"/> (or a keyed service, see <see cref="DependencyInjection.FactorialServiceOptions.RequestBudget"/>).
/// </remarks>
public sealed partial class FactorialRequestBudgetLimiter : RateLimiter
{
    private readonly object _gate = new();
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly int _queueLimit;
    private readonly TimeProvider _time;
    private readonly Queue<long> _finished = new(); // when each finished permit's lease was disposed, oldest first
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly ITimer _timer;
    private int _inFlight;
    private int _queued;
    private long _successful;
    private long _failed;
    private long _lastActivity;
    private bool _disposed;

    /// <summary>Creates the limiter from the budget's <see cref="FactorialRequestBudgetOptions.PermitLimit"/>, <see cref="FactorialRequestBudgetOptions.Window"/> and <see cref="FactorialRequestBudgetOptions.QueueLimit"/>.</summary>
    /// <param name="options">The budget; default: Factorial's documented 200 requests per minute.</param>
    /// <param name="timeProvider">The clock; default: <see cref="TimeProvider.System"/>.</param>
    public FactorialRequestBudgetLimiter(FactorialRequestBudgetOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new FactorialRequestBudgetOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PermitLimit, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Window, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.QueueLimit, nameof(options));
        _limit = options.PermitLimit;
        _window = options.Window;
        _queueLimit = options.QueueLimit;
        _time = timeProvider ?? TimeProvider.System;
        _lastActivity = _time.GetTimestamp();
        _timer = _time.CreateTimer(static state => ((FactorialRequestBudgetLimiter)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                Prune(_time.GetTimestamp());
                return _inFlight == 0 && _queued == 0 && _finished.Count == 0 ? _time.GetElapsedTime(_lastActivity) : null;
            }
        }
    }

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Prune(_time.GetTimestamp());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Available,
                CurrentQueuedCount = _queued,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    private int Available => _limit - _inFlight - _finished.Count;

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Check(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Prune(_time.GetTimestamp());
            return _waiters.Count == 0 && Available >= permitCount ? Grant(permitCount) : Refuse();
        }
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Check(permitCount);
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Prune(_time.GetTimestamp());
            if (_waiters.Count == 0 && Available >= permitCount)
            {
                return new ValueTask<RateLimitLease>(Grant(permitCount));
            }

            if (_queued + permitCount > _queueLimit)
            {
                return new ValueTask<RateLimitLease>(Refuse());
            }

            waiter = new Waiter(this, permitCount);
            waiter.Node = _waiters.AddLast(waiter);
            _queued += permitCount;
            Schedule();
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Limiter.Cancel((Waiter)state!, token), waiter);
            lock (_gate)
            {
                waiter.Registration = registration; // read under the lock when the waiter is let through
            }
        }

        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        List<Waiter> abandoned;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            abandoned = [.. _waiters];
            _waiters.Clear();
            _queued = 0;
        }

        _timer.Dispose();
        foreach (var waiter in abandoned)
        {
            waiter.Registration.Unregister();
            waiter.Completion.TrySetException(new ObjectDisposedException(nameof(FactorialRequestBudgetLimiter)));
        }
    }

    private void Check(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _limit);
    }

    private Lease Grant(int permitCount)
    {
        _inFlight += permitCount;
        _successful++;
        _lastActivity = _time.GetTimestamp();
        return new Lease(this, permitCount);
    }

    private Lease Refuse()
    {
        _failed++;
        TimeSpan? retryAfter = _finished.Count > 0 ? _window - _time.GetElapsedTime(_finished.Peek()) : null;
        return new Lease(null, 0, retryAfter);
    }

    private void Release(int permitCount)
    {
        lock (_gate)
        {
            _inFlight -= permitCount;
            var now = _time.GetTimestamp();
            _lastActivity = now;
            for (var i = 0; i < permitCount; i++)
            {
                _finished.Enqueue(now);
            }

            if (!_disposed)
            {
                GrantWaiters();
                Schedule();
            }
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Prune(_time.GetTimestamp());
            GrantWaiters();
            Schedule();
        }
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is null)
            {
                return; // already granted (or the limiter disposed)
            }

            _waiters.Remove(waiter.Node);
            _queued -= waiter.Permits;
            _failed++;
            GrantWaiters(); // a large request at the head may have held smaller ones back
            Schedule();
        }

        waiter.Completion.TrySetCanceled(cancellationToken);
    }

    /// <summary>Lets waiting requests through, oldest first, while the budget has room (under the lock).</summary>
    private void GrantWaiters()
    {
        while (_waiters.First is { } first && Available >= first.Value.Permits)
        {
            var waiter = first.Value;
            _waiters.RemoveFirst();
            _queued -= waiter.Permits;
            waiter.Registration.Unregister(); // does not wait for a running callback: safe under the lock
            waiter.Completion.TrySetResult(Grant(waiter.Permits)); // continuations run asynchronously, outside the lock
        }
    }

    /// <summary>Wakes up when the oldest finished permit leaves the window, if someone waits for it (under the lock).</summary>
    private void Schedule()
    {
        if (_waiters.Count == 0 || _finished.Count == 0)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan); // nobody waits, or only a release can help
            return;
        }

        var due = _window - _time.GetElapsedTime(_finished.Peek());
        _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void Prune(long now)
    {
        while (_finished.Count > 0 && _time.GetElapsedTime(_finished.Peek(), now) >= _window)
        {
            _finished.Dequeue();
        }
    }
}
