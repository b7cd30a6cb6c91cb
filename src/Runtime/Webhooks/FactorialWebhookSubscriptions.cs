using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Webhooks;

/// <summary>
/// Subscribes a receiver to webhook events through the document's <c>api_public/webhook_subscriptions</c> resource
/// (a generated client's <c>Webhooks</c> member): one subscription per event type, each posting to
/// <c>baseUrl + "/" + type</c> with its own fresh random challenge.
/// </summary>
public sealed class FactorialWebhookSubscriptions
{
    private readonly FactorialConnection _connection;
    private readonly string _apiVersion;

    /// <summary>Creates the subscriptions helper (generated clients expose one as <c>Webhooks</c>).</summary>
    /// <param name="connection">The connection to call through; subscribing needs the read and write scopes.</param>
    /// <param name="apiVersion">The dated API version of the paths, e.g. <c>2026-07-01</c>.</param>
    /// <param name="events">The document's webhook events: only these types can be subscribed.</param>
    /// <exception cref="ArgumentException"><paramref name="apiVersion"/> is not one path segment.</exception>
    public FactorialWebhookSubscriptions(FactorialConnection connection, string apiVersion, FactorialWebhookRegistry events)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiVersion);
        ArgumentNullException.ThrowIfNull(events);
        if (apiVersion.AsSpan().IndexOfAny("/?#%\\") >= 0 || apiVersion is "." or "..")
        {
            throw new ArgumentException($"'{apiVersion}' is not an API version such as '{FactorialClientOptions.DefaultApiVersion}'.", nameof(apiVersion));
        }

        _connection = connection;
        _apiVersion = apiVersion;
        Events = events;
    }

    /// <summary>The event types that can be subscribed, with their payload types.</summary>
    public FactorialWebhookRegistry Events { get; }

    private string Resource => $"/api/{_apiVersion}/resources/api_public/webhook_subscriptions";

    /// <summary>
    /// Creates (or, when one exists, updates) one subscription per event type, posting to
    /// <c><paramref name="baseUrl"/> + "/" + type</c> with a fresh random challenge (256 bits from
    /// <see cref="System.Security.Cryptography.RandomNumberGenerator"/>), enabled. Factorial keeps one subscription per
    /// event type, so an existing one is pointed at this receiver. If a call fails, the subscriptions this call already
    /// made are deleted again before the exception is thrown.
    /// </summary>
    /// <param name="baseUrl">The receiver's prefix, e.g. <c>https://hr.example.com/factorial/webhooks</c>: <c>https</c>, or <c>http</c> on a loopback host; no query or fragment.</param>
    /// <param name="subscriptionTypes">The event types (the generated <c>FactorialWebhooks</c> constants).</param>
    /// <param name="options">Company, payload version, label and challenge store.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The challenge of each subscription, to configure the receiver with.</returns>
    /// <exception cref="ArgumentException">A URL or type is not usable (nothing was sent).</exception>
    /// <exception cref="FactorialWebhookSubscriptionException">Factorial refused a subscription; the ones made by this call were removed.</exception>
    /// <exception cref="FactorialException">The existing subscriptions or the credentials could not be read (nothing was changed).</exception>
    public async Task<FactorialWebhookChallenges> SubscribeAsync(Uri baseUrl, IEnumerable<string> subscriptionTypes, FactorialWebhookSubscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prefix = WebhookTargets.Prefix(baseUrl);
        var types = WebhookTargets.Types(subscriptionTypes, Events);
        options ??= new FactorialWebhookSubscribeOptions();
        var companyId = options.CompanyId ?? await CompanyIdAsync(cancellationToken).ConfigureAwait(false);
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var subscription in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            existing.TryAdd(subscription.SubscriptionType, subscription.Id);
        }

        var challenges = new List<KeyValuePair<string, string>>(types.Count);
        var made = new List<string>(types.Count);
        foreach (var type in types)
        {
            var challenge = WebhookSecrets.NewChallenge();
            challenges.Add(new(type, challenge));
            options.Store?.Set(type, challenge); // before the subscription exists, so its first delivery finds it
            var body = new WebhookSubscriptionBody
            {
                SubscriptionType = type,
                TargetUrl = WebhookTargets.Url(prefix, type),
                Challenge = challenge,
                Name = options.Name ?? "FactorialGen: " + type,
                ApiVersion = options.ApiVersion ?? _apiVersion,
            };
            var request = existing.TryGetValue(type, out var id)
                ? new FactorialRequest(HttpMethod.Put, $"{Resource}/{Uri.EscapeDataString(id)}", FactorialScope.Write) { PathTemplate = Resource + "/{id}" }
                : new FactorialRequest(HttpMethod.Post, Resource, FactorialScope.Write) { PathTemplate = Resource };
            if (id is null)
            {
                body.CompanyId = companyId;
            }
            else
            {
                body.Id = id;
            }

            try
            {
                var answer = await _connection.SendAsync(request.WithJsonBody(body, WebhookJsonContext.Default.WebhookSubscriptionBody), WebhookJsonContext.Default.WebhookSubscriptionWire, cancellationToken).ConfigureAwait(false);
                made.Add(answer.Id ?? id ?? string.Empty);
            }
            catch (Exception ex) when (ex is FactorialException or OperationCanceledException)
            {
                var secrets = challenges.Select(c => c.Value).ToList();
                foreach (var (done, _) in challenges)
                {
                    options.Store?.Remove(done);
                }

                var removed = await DeleteQuietlyAsync(made.Where(m => m.Length > 0)).ConfigureAwait(false);
                if (ex is OperationCanceledException)
                {
                    throw;
                }

                throw WebhookSecrets.Failure(
                    $"Subscribing to '{type}' failed",
                    $"{(made.Count == 0 ? "No subscription was made by this call" : $"The {made.Count} subscription(s) this call had made were deleted again ({removed} confirmed)")}. Fix the cause and call SubscribeAsync again.",
                    [type],
                    ex,
                    secrets);
            }
        }

        return new FactorialWebhookChallenges(challenges);
    }

    /// <summary>Deletes every subscription whose target URL is under <paramref name="baseUrl"/> (the ones <see cref="SubscribeAsync"/> made for that receiver), and removes their challenges from <paramref name="store"/>.</summary>
    /// <param name="baseUrl">The receiver's prefix, as given to <see cref="SubscribeAsync"/>.</param>
    /// <param name="store">A challenge store to remove the deleted types' challenges from.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>How many subscriptions were deleted.</returns>
    /// <exception cref="FactorialWebhookSubscriptionException">Some subscriptions could not be deleted (the others were).</exception>
    public async Task<int> UnsubscribeAllAsync(Uri baseUrl, FactorialWebhookChallengeStore? store = null, CancellationToken cancellationToken = default)
    {
        var prefix = WebhookTargets.Prefix(baseUrl) + "/";
        var mine = (await ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => s.TargetUrl is { } url && url.AbsoluteUri.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var failed = new List<string>();
        Exception? first = null;
        foreach (var subscription in mine)
        {
            store?.Remove(subscription.SubscriptionType);
            try
            {
                await DeleteAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (FactorialException ex)
            {
                failed.Add(subscription.SubscriptionType);
                first ??= ex;
            }
        }

        if (first is not null)
        {
            throw WebhookSecrets.Failure(
                $"Deleting the webhook subscriptions of {string.Join(", ", failed)} failed",
                $"{mine.Count - failed.Count} of {mine.Count} were deleted. Call UnsubscribeAllAsync again to retry the rest.",
                failed,
                first,
                []);
        }

        return mine.Count;
    }

    /// <summary>Lists every webhook subscription of the company (all pages).</summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The subscriptions, without their challenges.</returns>
    public async Task<IReadOnlyList<FactorialWebhookSubscription>> ListAsync(CancellationToken cancellationToken = default)
    {
        var request = new FactorialRequest(HttpMethod.Get, Resource, FactorialScope.Read) { PathTemplate = Resource };
        var result = new List<FactorialWebhookSubscription>();
        await foreach (var item in _connection.ListAllAsync(request, WebhookJsonContext.Default.WebhookSubscriptionWire, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (item.Id is { Length: > 0 } id && item.Type is { Length: > 0 } type)
            {
                var target = Uri.TryCreate(item.TargetUrl, UriKind.Absolute, out var url) ? url : null;
                result.Add(new FactorialWebhookSubscription(id, type, target, item.Enabled ?? false, item.Name, item.ApiVersion));
            }
        }

        return result;
    }

    private async Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        await _connection.SendAsync(new FactorialRequest(HttpMethod.Delete, $"{Resource}/{Uri.EscapeDataString(id)}", FactorialScope.Write) { PathTemplate = Resource + "/{id}" }, cancellationToken).ConfigureAwait(false);

    /// <summary>Rolls back after a failure: each delete gets its own time (the caller's token may be cancelled already).</summary>
    private async Task<int> DeleteQuietlyAsync(IEnumerable<string> ids)
    {
        var deleted = 0;
        foreach (var id in ids)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await DeleteAsync(id, timeout.Token).ConfigureAwait(false);
                deleted++;
            }
            catch (Exception ex) when (ex is FactorialException or OperationCanceledException)
            {
                // Reported through the count in the caller's message.
            }
        }

        return deleted;
    }

    private async Task<string> CompanyIdAsync(CancellationToken cancellationToken)
    {
        var path = $"/api/{_apiVersion}/resources/api_public/credentials";
        var page = await _connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, path, FactorialScope.Read) { PathTemplate = path }, WebhookJsonContext.Default.CredentialWire, cancellationToken).ConfigureAwait(false);
        return page.Items.FirstOrDefault()?.CompanyId is { Length: > 0 } company
            ? company
            : throw new FactorialWebhookSubscriptionException(
                "Factorial's api_public/credentials named no company for these credentials, and a subscription needs one. Set FactorialWebhookSubscribeOptions.CompanyId.", []);
    }
}
