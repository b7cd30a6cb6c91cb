using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FactorialGen.AspNetCore;

/// <summary>
/// Runs webhook handlers off the request path: a bounded queue read by a fixed number of workers, so a slow handler
/// never delays the answer (and never causes a Factorial retry). A delivery seen again (same event type, same body)
/// within <see cref="FactorialWebhookOptions.DuplicateWindow"/> is dropped; a throwing handler is logged and the worker
/// goes on; on shutdown the queue is drained until the host's shutdown timeout cancels the handlers.
/// </summary>
internal sealed class FactorialWebhookQueue : IHostedService, IDisposable
{
    private const int MaxRemembered = 100_000;

    private readonly Channel<WorkItem> _channel;
    private readonly int _workers;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Expires)> _seenOrder = new();
    private Task[] _running = [];
    private int _disposed;

    public FactorialWebhookQueue(IOptions<FactorialWebhookOptions> options, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        var value = options.Value;
        _channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = false });
        _workers = value.Workers;
        _window = value.DuplicateWindow;
        _time = time ?? TimeProvider.System;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("FactorialGen.AspNetCore.Webhooks");
    }

    /// <summary>Queues a verified delivery: <see cref="Accepted.Queued"/>, <see cref="Accepted.Duplicate"/> or <see cref="Accepted.Full"/>.</summary>
    public Accepted Enqueue(FactorialWebhookHandlers.Registration registration, object payload, ReadOnlySpan<byte> body)
    {
        string? key = null;
        if (_window > TimeSpan.Zero)
        {
            key = registration.Event.SubscriptionType + "\n" + Convert.ToHexString(SHA256.HashData(body));
            lock (_seen)
            {
                var now = _time.GetUtcNow();
                while (_seenOrder.Count > 0 && (_seenOrder.Peek().Expires <= now || _seenOrder.Count >= MaxRemembered))
                {
                    var (old, expires) = _seenOrder.Dequeue();
                    if (_seen.TryGetValue(old, out var current) && current == expires)
                    {
                        _seen.Remove(old);
                    }
                }

                if (_seen.TryGetValue(key, out var until) && until > now)
                {
                    return Accepted.Duplicate;
                }

                _seen[key] = now + _window;
                _seenOrder.Enqueue((key, now + _window));
            }
        }

        if (_channel.Writer.TryWrite(new WorkItem(registration, payload)))
        {
            return Accepted.Queued;
        }

        if (key is not null)
        {
            lock (_seen)
            {
                _seen.Remove(key); // not queued: Factorial's retry must not count as a duplicate
            }
        }

        return Accepted.Full;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = Enumerable.Range(0, _workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None)).ToArray();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // No new work; finish what is queued, until the host's shutdown timeout cancels the handlers.
        _channel.Writer.TryComplete();
        using (cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abort))
        {
            await Task.WhenAll(_running).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        // Registered both as itself and as a hosted service: the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _channel.Writer.TryComplete();
            _abort.Cancel();
            _abort.Dispose();
        }
    }

    private async Task WorkAsync()
    {
        try
        {
            while (await _channel.Reader.WaitToReadAsync(_abort.Token).ConfigureAwait(false))
            {
                while (_channel.Reader.TryRead(out var item))
                {
                    var type = item.Registration.Event.SubscriptionType;
                    try
                    {
                        await item.Registration.Invoke(item.Payload, _abort.Token).ConfigureAwait(false);
                        Log.Handled(_logger, type);
                    }
                    catch (Exception ex) when (!_abort.IsCancellationRequested)
                    {
                        Log.HandlerFailed(_logger, ex, type, ex.GetType().Name);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            var dropped = 0;
            while (_channel.Reader.TryRead(out _))
            {
                dropped++;
            }

            if (dropped > 0)
            {
                Log.Dropped(_logger, dropped);
            }
        }
        catch (Exception ex) when (_abort.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // A handler that failed while shutting down: nothing left to do.
        }
    }

    internal enum Accepted
    {
        Queued,
        Duplicate,
        Full,
    }

    private sealed record WorkItem(FactorialWebhookHandlers.Registration Registration, object Payload);
}
