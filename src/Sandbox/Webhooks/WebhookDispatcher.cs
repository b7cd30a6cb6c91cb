using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Sandbox.Models;
using Microsoft.Extensions.Hosting;

namespace FactorialGen.Sandbox.Webhooks;

/// <summary>
/// Posts queued deliveries on <see cref="Workers"/> workers, off the request path. A delivery that fails (non-2xx,
/// timeout, connection error) is retried after <see cref="SandboxOptions.WebhookRetryDelay"/> (doubling) up to
/// <see cref="SandboxOptions.WebhookAttempts"/> attempts, and dropped once its subscription is deleted, disabled or
/// pointed elsewhere. Stops with the host: pending deliveries are abandoned.
/// </summary>
internal sealed class WebhookDispatcher(SandboxState state) : BackgroundService
{
    public const int Workers = 4;

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (WebhookDelivery delivery in state.Webhooks.Queue.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(delivery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        SandboxOptions options = state.Options;
        TimeSpan delay = options.WebhookRetryDelay;
        for (int attempt = 1; attempt <= options.WebhookAttempts; attempt++)
        {
            if (!StillSubscribed(delivery))
            {
                return;
            }

            if (await TryPostAsync(delivery, options.WebhookTimeout, stoppingToken))
            {
                state.Webhooks.CountDelivered();
                return;
            }

            state.Webhooks.CountFailedAttempt();
            if (attempt < options.WebhookAttempts)
            {
                await Task.Delay(delay, options.TimeProvider, stoppingToken);
                delay += delay;
            }
        }

        state.Webhooks.CountGivenUp();
    }

    private bool StillSubscribed(WebhookDelivery delivery) =>
        state.Webhooks.Subscriptions.Find(delivery.SubscriptionId) is WebhookSubscription { Enabled: true } current
        && current.TargetUrl == delivery.TargetUrl;

    private async Task<bool> TryPostAsync(WebhookDelivery delivery, TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        attempt.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.TargetUrl) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(delivery.Challenge))
        {
            request.Headers.TryAddWithoutValidation(SandboxWebhooks.ChallengeHeader, delivery.Challenge);
        }

        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false; // this attempt timed out
        }
    }
}
