using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;

namespace FactorialGen.Redis;

/// <summary>The leases of <see cref="RedisRequestBudget"/>: a granted one reports its answer to Redis when disposed.</summary>
public sealed partial class RedisRequestBudget
{
    private sealed class Granted(RedisRequestBudget owner, string member, int permits) : RateLimitLease
    {
        private RedisRequestBudget? _owner = owner;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _owner, null) is { } budget)
            {
                budget.Complete(member, permits);
            }
        }
    }

    private sealed class Denied(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
