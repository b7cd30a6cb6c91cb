using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FactorialGen.AspNetCore;
using FactorialGen.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps a Factorial webhook receiver onto minimal-API routes.</summary>
public static class FactorialWebhookEndpoints
{
    private const string LoggerCategory = "FactorialGen.AspNetCore.Webhooks";

    /// <summary>
    /// Maps one <c>POST</c> route per handled event type under <paramref name="prefix"/>
    /// (e.g. <c>/factorial/webhooks/attendance/shift/clock_in</c>): register each subscription with that URL. A delivery
    /// is answered 401 when its <c>x-factorial-wh-challenge</c> header is missing or differs from the configured challenge
    /// (<see cref="FactorialWebhookOptions"/>, compared in constant time), 413 over the body cap, 400 when the body is not
    /// the event's payload, 503 when the handler queue is full (Factorial then retries), and 200 as soon as the
    /// delivery is queued: handlers run off the request path on <see cref="FactorialWebhookOptions.Workers"/> workers.
    /// Other paths under the prefix are 404.
    /// </summary>
    /// <typeparam name="TClient">A generated client (or <c>FactorialWebhooks</c> class) whose document has webhooks.</typeparam>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="prefix">The route prefix, e.g. <c>/factorial/webhooks</c>.</param>
    /// <param name="configure">Adds the handlers: <c>hooks =&gt; hooks.On(FactorialWebhooks.AttendanceShiftClockIn, (Shift shift, CancellationToken ct) =&gt; ...)</c>.</param>
    /// <returns>The route group, to add authorization, rate limiting or other conventions.</returns>
    /// <exception cref="FactorialWebhookException">No handler was added, or a handled event type has no challenge configured.</exception>
    /// <remarks>Deliveries can repeat (Factorial retries): handlers must be idempotent. See <see cref="FactorialWebhookHandlers"/>.</remarks>
    public static RouteGroupBuilder MapFactorialWebhooks<TClient>(this IEndpointRouteBuilder endpoints, string prefix, Action<FactorialWebhookHandlers> configure)
        where TClient : IFactorialWebhookSource
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(configure);

        var handlers = new FactorialWebhookHandlers(TClient.WebhookEvents, typeof(TClient).Name);
        configure(handlers);
        var registrations = handlers.Registrations.ToList();
        if (registrations.Count == 0)
        {
            throw new FactorialWebhookException("MapFactorialWebhooks was given no handler: add one per event type with hooks.On(type, handler).");
        }

        var options = endpoints.ServiceProvider.GetService<IOptionsMonitor<FactorialWebhookOptions>>();
        List<string> unverified = options?.CurrentValue.ChallengeStore is not null ? [] // challenges arrive later; deliveries without one are 401
            : registrations.Where(r => options?.CurrentValue.ChallengeFor(r.Event.SubscriptionType) is null).Select(r => r.Event.SubscriptionType).ToList();
        if (options is null || unverified.Count > 0)
        {
            throw new FactorialWebhookException(
                $"No challenge is configured for {string.Join(", ", unverified.Count > 0 ? unverified : registrations.Select(r => r.Event.SubscriptionType))}: without one any caller could post events. " +
                "Call services.AddFactorialWebhooks(o => o.Challenge = ...) (or o.Challenges[type] = ...) with the challenge of each subscription.");
        }

        var queue = endpoints.ServiceProvider.GetService<FactorialWebhookQueue>()
            ?? throw new FactorialWebhookException("The webhook handler queue is not registered: call services.AddFactorialWebhooks(...) before building the app.");
        var loggerFactory = endpoints.ServiceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger(LoggerCategory);
        var group = endpoints.MapGroup(prefix);
        foreach (var registration in registrations)
        {
            var type = registration.Event.SubscriptionType;
            RequestDelegate receive = context => ReceiveAsync(context, registration, options, queue, logger);
            try
            {
                group.MapPost("/" + type.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal), receive)
                    .WithDisplayName("Factorial webhook " + type);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
            {
                throw new FactorialWebhookException($"The event type '{type}' cannot be a route under '{prefix}'; handle it elsewhere.", ex);
            }
        }

        return group;
    }

    /// <summary>Configures the webhook receiver's challenges and body cap.</summary>
    public static IServiceCollection AddFactorialWebhooks(this IServiceCollection services, Action<FactorialWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<FactorialWebhookOptions>().Configure(configure)
            .Validate(o => o.MaxBodyBytes > 0, "FactorialWebhookOptions.MaxBodyBytes must be positive.")
            .Validate(o => o.QueueCapacity > 0 && o.Workers > 0, "FactorialWebhookOptions.QueueCapacity and Workers must be positive.")
            .Validate(o => o.DuplicateWindow >= TimeSpan.Zero, "FactorialWebhookOptions.DuplicateWindow must not be negative.");
        services.TryAddSingleton(static provider => new FactorialWebhookQueue(
            provider.GetRequiredService<IOptions<FactorialWebhookOptions>>(), provider.GetService<TimeProvider>(), provider.GetService<ILoggerFactory>()));
        services.AddHostedService(static provider => provider.GetRequiredService<FactorialWebhookQueue>());
        return services;
    }

    private static async Task ReceiveAsync(HttpContext context, FactorialWebhookHandlers.Registration registration, IOptionsMonitor<FactorialWebhookOptions> monitor, FactorialWebhookQueue queue, ILogger logger)
    {
        var type = registration.Event.SubscriptionType;
        var options = monitor.CurrentValue;

        // 1. The challenge, before the body is read.
        var expected = options.ChallengeFor(type);
        var received = context.Request.Headers[FactorialWebhookOptions.ChallengeHeader];
        if (expected is null || received.Count != 1 || !FixedTimeEquals(received[0], expected))
        {
            Log.Unauthorized(logger, type, expected is null ? "no challenge is configured for this event type"
                : received.Count == 0 ? $"the {FactorialWebhookOptions.ChallengeHeader} header is missing"
                : received.Count > 1 ? $"the {FactorialWebhookOptions.ChallengeHeader} header is repeated"
                : $"the {FactorialWebhookOptions.ChallengeHeader} header does not match the subscription's challenge");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // 2. The size cap: by Content-Length when sent, and while reading in any case.
        var max = options.MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            Log.TooLarge(logger, type, max);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = max + 1;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var read = await context.Request.Body.ReadAsync(memory, context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > max)
                {
                    Log.TooLarge(logger, type, max);
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Log.TooLarge(logger, type, max);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        // 3. The payload, with the generated JSON metadata.
        object? payload;
        try
        {
            payload = JsonSerializer.Deserialize(buffer.WrittenSpan, registration.Event.PayloadTypeInfo);
        }
        catch (JsonException ex)
        {
            Log.Malformed(logger, type, registration.Event.PayloadType.Name, ex.LineNumber is { } line ? $"invalid JSON or a wrong value at line {line + 1}, byte {ex.BytePositionInLine + 1}, path {ex.Path ?? "$"}" : "invalid JSON or a missing required field");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (payload is null)
        {
            Log.Malformed(logger, type, registration.Event.PayloadType.Name, buffer.WrittenCount == 0 ? "the body is empty" : "the body is JSON null");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // 4. Queued for a worker, then 200 at once: a slow handler never makes Factorial retry.
        switch (queue.Enqueue(registration, payload, buffer.WrittenSpan))
        {
            case FactorialWebhookQueue.Accepted.Full:
                Log.QueueFull(logger, type, options.QueueCapacity);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case FactorialWebhookQueue.Accepted.Duplicate:
                Log.Duplicate(logger, type);
                break;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>Compares the SHA-256 of both texts in constant time, so neither the content nor the length of the challenge leaks through timing.</summary>
    private static bool FixedTimeEquals(string? received, string expected)
    {
        if (received is null)
        {
            return false;
        }

        Span<byte> left = stackalloc byte[32];
        Span<byte> right = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(received), left);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), right);
        return CryptographicOperations.FixedTimeEquals(left, right);
    }
}
