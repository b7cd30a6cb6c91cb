using System;

namespace FactorialGen.Sandbox;

/// <summary>How the sandbox delivers webhook events.</summary>
public sealed partial class SandboxOptions
{
    /// <summary>How many times a delivery is attempted before it is given up (default 3: the first try and two retries).</summary>
    public int WebhookAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry of a failed delivery, doubled for each later one (default 500 ms, on <see cref="TimeProvider"/>).</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one delivery attempt may take before it counts as failed (default 10 s).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    private void ValidateWebhooks()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WebhookAttempts, 1, nameof(WebhookAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(WebhookRetryDelay, TimeSpan.Zero, nameof(WebhookRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WebhookTimeout, TimeSpan.Zero, nameof(WebhookTimeout));
    }
}
