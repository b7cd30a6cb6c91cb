using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using FactorialGen.Sandbox.Api;
using FactorialGen.Sandbox.Data;
using FactorialGen.Sandbox.Json;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.Webhooks;

/// <summary>
/// The sandbox's webhooks: the subscriptions of <c>api_public/webhook_subscriptions</c>, and the events the API's
/// writes publish (clock in/out, employee created, leave created). Each event is queued for every enabled
/// subscription of its type and posted off the request path by <see cref="WebhookDispatcher"/>, with the
/// subscription's challenge in <c>x-factorial-wh-challenge</c> and a retry on failure.
/// </summary>
public sealed class SandboxWebhooks
{
    /// <summary>The header a delivery carries its subscription's challenge in.</summary>
    public const string ChallengeHeader = "x-factorial-wh-challenge";

    /// <summary>How many deliveries may wait to be sent; more are dropped (and counted in <see cref="Dropped"/>).</summary>
    public const int QueueCapacity = 1024;

    private readonly Channel<WebhookDelivery> _queue = Channel.CreateBounded<WebhookDelivery>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
    private long _published;
    private long _delivered;
    private long _failedAttempts;
    private long _givenUp;
    private long _dropped;

    internal SandboxWebhooks()
    {
    }

    /// <summary>Deliveries queued so far (one per event and matching subscription).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Deliveries the receiver answered with a 2xx status.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Attempts that failed (a non-2xx status, a timeout or a connection error); each is retried while attempts remain.</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    /// <summary>Deliveries given up after <see cref="SandboxOptions.WebhookAttempts"/> failed attempts.</summary>
    public long GivenUp => Interlocked.Read(ref _givenUp);

    /// <summary>Deliveries dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal ResourceStore<WebhookSubscription> Subscriptions { get; } = new([SeededExample()]);

    internal ChannelReader<WebhookDelivery> Queue => _queue.Reader;

    /// <summary>Queues a delivery of <paramref name="record"/> to every enabled subscription of <paramref name="type"/>.</summary>
    internal void Publish<T>(string type, T record, ResourceJson<T> json)
    {
        foreach (WebhookSubscription subscription in Subscriptions.Query(s => s.Enabled && s.Type == type))
        {
            SandboxJsonContext context = ApiVersion.TryParse(subscription.ApiVersion, out ApiVersion? version) ? version.Json : SandboxJsonContext.Current;
            byte[] body = JsonSerializer.SerializeToUtf8Bytes(record, json.Item(context));
            if (_queue.Writer.TryWrite(new WebhookDelivery(subscription.Id.Value, subscription.TargetUrl, subscription.Challenge, body)))
            {
                Interlocked.Increment(ref _published);
            }
            else
            {
                Interlocked.Increment(ref _dropped);
            }
        }
    }

    internal void CountDelivered() => Interlocked.Increment(ref _delivered);

    internal void CountFailedAttempt() => Interlocked.Increment(ref _failedAttempts);

    internal void CountGivenUp() => Interlocked.Increment(ref _givenUp);

    /// <summary>The one seeded subscription: disabled, of a type the sandbox never publishes, so lists are never empty.</summary>
    private static WebhookSubscription SeededExample() => new()
    {
        Id = 1,
        TargetUrl = "http://127.0.0.1:9/sandbox/example",
        Type = "employees/employee/update",
        CompanyId = SandboxData.CompanyId,
        Name = "Seeded example (disabled)",
        Enabled = false,
        ApiVersion = "2026-07-01",
    };
}

/// <summary>One event for one subscription: the body is serialized when the event happens.</summary>
internal sealed record WebhookDelivery(long SubscriptionId, string TargetUrl, string? Challenge, byte[] Body);
