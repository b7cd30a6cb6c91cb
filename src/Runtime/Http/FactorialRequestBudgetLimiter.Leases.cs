using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace FactorialGen;

/// <summary>The waiters and leases of <see cref="FactorialRequestBudgetLimiter"/>.</summary>
public sealed partial class FactorialRequestBudgetLimiter
{
    private sealed class Waiter(FactorialRequestBudgetLimiter limiter, int permits)
    {
        public FactorialRequestBudgetLimiter Limiter { get; } = limiter;

        public int Permits { get; } = permits;

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class Lease(FactorialRequestBudgetLimiter? limiter, int permits, TimeSpan? retryAfter = null) : RateLimitLease
    {
        private FactorialRequestBudgetLimiter? _limiter = limiter;
        private readonly bool _acquired = limiter is not null;

        public override bool IsAcquired => _acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _limiter, null) is { } owner && permits > 0)
            {
                owner.Release(permits);
            }
        }
    }
}
