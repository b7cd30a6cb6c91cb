using System.Threading;

namespace FactorialGen.Sandbox;

/// <summary>Thread-safe counters of what reached the sandbox, for assertions in tests.</summary>
public sealed class SandboxStats
{
    private int authorizationCodeGrants;
    private int refreshGrants;
    private int tokenRequests;
    private int revokeRequests;
    private int resourceRequests;
    private int rateLimited;
    private int maxPostsPerWindow;

    /// <summary>Token requests with <c>grant_type=authorization_code</c>, accepted or not.</summary>
    public int AuthorizationCodeGrants => Volatile.Read(ref authorizationCodeGrants);

    /// <summary>Token requests with <c>grant_type=refresh_token</c>, accepted or not.</summary>
    public int RefreshGrants => Volatile.Read(ref refreshGrants);

    /// <summary>Every <c>POST /oauth/token</c> request, whatever its grant type or outcome.</summary>
    public int TokenRequests => Volatile.Read(ref tokenRequests);

    /// <summary>Every <c>POST /oauth/revoke</c> request.</summary>
    public int RevokeRequests => Volatile.Read(ref revokeRequests);

    /// <summary>Every request under <c>/api</c>, whatever its outcome.</summary>
    public int ResourceRequests => Volatile.Read(ref resourceRequests);

    /// <summary>Responses sent with HTTP 429 (rate limit or injected fault).</summary>
    public int RateLimited => Volatile.Read(ref rateLimited);

    /// <summary>
    /// The most POST requests under <c>/api</c> that arrived within any sliding <see cref="SandboxOptions.RateLimitWindow"/>
    /// (one minute by default), whether they were let through or not.
    /// </summary>
    public int MaxPostsPerWindow => Volatile.Read(ref maxPostsPerWindow);

    /// <summary>Sets every counter back to zero.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref authorizationCodeGrants, 0);
        Interlocked.Exchange(ref refreshGrants, 0);
        Interlocked.Exchange(ref tokenRequests, 0);
        Interlocked.Exchange(ref revokeRequests, 0);
        Interlocked.Exchange(ref resourceRequests, 0);
        Interlocked.Exchange(ref rateLimited, 0);
        Interlocked.Exchange(ref maxPostsPerWindow, 0);
    }

    internal void CountAuthorizationCodeGrant() => Interlocked.Increment(ref authorizationCodeGrants);

    internal void CountRefreshGrant() => Interlocked.Increment(ref refreshGrants);

    internal void CountTokenRequest() => Interlocked.Increment(ref tokenRequests);

    internal void CountRevokeRequest() => Interlocked.Increment(ref revokeRequests);

    internal void CountResourceRequest() => Interlocked.Increment(ref resourceRequests);

    internal void CountRateLimited() => Interlocked.Increment(ref rateLimited);

    internal void ObservePostsInWindow(int count)
    {
        int seen;
        while (count > (seen = Volatile.Read(ref maxPostsPerWindow)) && Interlocked.CompareExchange(ref maxPostsPerWindow, count, seen) != seen)
        {
        }
    }
}
