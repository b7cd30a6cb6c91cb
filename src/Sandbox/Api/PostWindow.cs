using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FactorialGen.Sandbox.Api;

/// <summary>
/// Factorial's documented limit, company-wide: at most <see cref="SandboxOptions.PostLimit"/> POST requests in any
/// sliding <see cref="SandboxOptions.RateLimitWindow"/>; more get HTTP 429 with <c>Retry-After</c>. Also measures the
/// most POSTs that arrived in any such window (<see cref="SandboxStats.MaxPostsPerWindow"/>), limit or not.
/// </summary>
internal sealed class PostWindow(SandboxOptions options, SandboxStats stats)
{
    private readonly object gate = new();
    private readonly Queue<long> arrived = new(); // every POST in the last window (for the measure)
    private readonly Queue<long> admitted = new(); // the POSTs let through in the last window (for the limit)

    /// <summary>Counts a POST under <c>/api</c>; answers 429 and returns false when it is over the limit.</summary>
    public async Task<bool> AdmitAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return true;
        }

        TimeProvider time = options.TimeProvider;
        TimeSpan retryAfter;
        lock (gate)
        {
            long now = time.GetTimestamp();
            Drop(arrived, now);
            Drop(admitted, now);
            arrived.Enqueue(now);
            stats.ObservePostsInWindow(arrived.Count);
            if (options.PostLimit is not int limit || admitted.Count < limit)
            {
                admitted.Enqueue(now);
                return true;
            }

            retryAfter = options.RateLimitWindow - time.GetElapsedTime(admitted.Peek(), now);
        }

        stats.CountRateLimited();
        http.Response.Headers.RetryAfter = HttpJson.RetryAfterSeconds(retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);
        await HttpJson.WriteErrorAsync(http, 429, "rate_limited", $"More than {options.PostLimit} POST requests in {options.RateLimitWindow.TotalSeconds:0.###} s; retry later.");
        return false;
    }

    private void Drop(Queue<long> queue, long now)
    {
        while (queue.Count > 0 && options.TimeProvider.GetElapsedTime(queue.Peek(), now) >= options.RateLimitWindow)
        {
            queue.Dequeue();
        }
    }
}
