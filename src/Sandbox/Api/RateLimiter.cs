using System;
using System.Collections.Generic;

namespace FactorialGen.Sandbox.Api;

/// <summary>Fixed one-minute windows per credential; the window opens with its first request.</summary>
internal sealed class RateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly object gate = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> windows = new(StringComparer.Ordinal);

    /// <summary>Counts one request; false (with the wait until the window closes) when over the limit.</summary>
    public bool TryAcquire(string key, int limit, DateTimeOffset now, out TimeSpan retryAfter)
    {
        lock (gate)
        {
            if (!windows.TryGetValue(key, out (DateTimeOffset Start, int Count) window) || now >= window.Start + Window || now < window.Start)
            {
                window = (now, 0);
            }

            if (window.Count >= limit)
            {
                retryAfter = window.Start + Window - now;
                if (retryAfter < TimeSpan.FromSeconds(1))
                {
                    retryAfter = TimeSpan.FromSeconds(1);
                }

                windows[key] = window;
                return false;
            }

            windows[key] = (window.Start, window.Count + 1);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
