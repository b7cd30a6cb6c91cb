using System;

namespace FactorialGen.Sandbox;

/// <summary>
/// Fault-injection knobs that can be changed while the sandbox runs. All members are thread-safe.
/// </summary>
public sealed class SandboxControl
{
    private readonly object gate = new();
    private readonly TimeSpan initialLatency;
    private TimeSpan latency;
    private int? tokenEndpointFailureStatus;
    private int pendingResourceFailures;
    private int resourceFailureStatus;
    private TimeSpan resourceFailureRetryAfter;
    private SandboxPause? resourcePause;
    private SandboxPause? tokenPause;

    internal SandboxControl(TimeSpan initialLatency)
    {
        this.initialLatency = initialLatency;
        latency = initialLatency;
    }

    /// <summary>Artificial delay added before every <c>/api</c> request is handled.</summary>
    public TimeSpan Latency
    {
        get { lock (gate) { return latency; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (gate) { latency = value; }
        }
    }

    /// <summary>
    /// When set, every <c>POST /oauth/token</c> answers this HTTP status (400–599) with a JSON error
    /// body instead of issuing tokens. The request still counts in <see cref="SandboxStats"/>.
    /// </summary>
    public int? TokenEndpointFailureStatus
    {
        get { lock (gate) { return tokenEndpointFailureStatus; } }
        set
        {
            if (value is int status)
            {
                EnsureErrorStatus(status, nameof(value));
            }

            lock (gate) { tokenEndpointFailureStatus = value; }
        }
    }

    /// <summary>How many upcoming <c>/api</c> requests will still fail because of <see cref="FailNextResourceRequests"/>.</summary>
    public int PendingResourceFailures
    {
        get { lock (gate) { return pendingResourceFailures; } }
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> <c>/api</c> requests fail with <paramref name="statusCode"/>
    /// before authentication is checked. A 429 carries <c>Retry-After</c> (whole seconds, rounded up) taken
    /// from <paramref name="retryAfter"/>, one second when omitted. Replaces any failures still pending.
    /// </summary>
    /// <param name="count">Number of requests to fail; 0 cancels pending failures.</param>
    /// <param name="statusCode">HTTP status to answer, 400–599.</param>
    /// <param name="retryAfter">Delay announced in <c>Retry-After</c> (sent for 429 and 503).</param>
    public void FailNextResourceRequests(int count, int statusCode = 500, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        EnsureErrorStatus(statusCode, nameof(statusCode));
        TimeSpan delay = retryAfter ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(retryAfter));
        lock (gate)
        {
            pendingResourceFailures = count;
            resourceFailureStatus = statusCode;
            resourceFailureRetryAfter = delay;
        }
    }

    /// <summary>
    /// Holds every <c>/api</c> request that arrives from now on — after it is counted and after the latency, before
    /// it is authenticated — until the returned pause is released. Lets a test put many calls in flight, change the
    /// world (expire their token, say), then let them all be judged at once.
    /// </summary>
    /// <returns>The pause; release (or dispose) it to let the requests go on.</returns>
    /// <exception cref="InvalidOperationException">A pause of resource requests is already active.</exception>
    public SandboxPause PauseResourceRequests() => Pause(ref resourcePause, "resource");

    /// <summary>
    /// Holds every <c>POST /oauth/token</c> that arrives from now on — after it is counted, before anything is
    /// issued or rotated — until the returned pause is released. A held request whose client gives up (time-out,
    /// cancellation) is dropped unprocessed, so its refresh token is not rotated.
    /// </summary>
    /// <returns>The pause; release (or dispose) it to let the requests go on.</returns>
    /// <exception cref="InvalidOperationException">A pause of token requests is already active.</exception>
    public SandboxPause PauseTokenRequests() => Pause(ref tokenPause, "token");

    /// <summary>Restores the initial latency, removes every injected failure and releases every pause.</summary>
    public void Reset()
    {
        SandboxPause? resources;
        SandboxPause? tokens;
        lock (gate)
        {
            latency = initialLatency;
            tokenEndpointFailureStatus = null;
            pendingResourceFailures = 0;
            resources = resourcePause;
            tokens = tokenPause;
        }

        resources?.Release();
        tokens?.Release();
    }

    internal SandboxPause? ResourcePause
    {
        get { lock (gate) { return resourcePause; } }
    }

    internal SandboxPause? TokenPause
    {
        get { lock (gate) { return tokenPause; } }
    }

    private SandboxPause Pause(ref SandboxPause? slot, string what)
    {
        lock (gate)
        {
            if (slot is not null)
            {
                throw new InvalidOperationException($"The {what} requests are already paused; release that pause first.");
            }

            var created = new SandboxPause(released =>
            {
                lock (gate)
                {
                    if (ReferenceEquals(resourcePause, released))
                    {
                        resourcePause = null;
                    }

                    if (ReferenceEquals(tokenPause, released))
                    {
                        tokenPause = null;
                    }
                }
            });
            slot = created;
            return created;
        }
    }

    internal bool TryTakeResourceFailure(out int statusCode, out TimeSpan retryAfter)
    {
        lock (gate)
        {
            if (pendingResourceFailures > 0)
            {
                pendingResourceFailures--;
                statusCode = resourceFailureStatus;
                retryAfter = resourceFailureRetryAfter;
                return true;
            }
        }

        statusCode = 0;
        retryAfter = TimeSpan.Zero;
        return false;
    }

    private static void EnsureErrorStatus(int status, string parameterName)
    {
        if (status is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(parameterName, status, "Only error statuses (400-599) can be injected.");
        }
    }
}
