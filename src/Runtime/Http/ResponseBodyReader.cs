using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen;

/// <summary>
/// Reads a response body into a pooled buffer, bounded three ways: in size (a limit, whatever the <c>Content-Length</c>
/// says), in memory (an announced length reserves at most <see cref="MaxPreallocatedBytes"/>; the buffer grows only as
/// bytes really arrive), and in time (the body must be complete by the call's deadline, so a body that stalls or drips
/// a byte at a time cannot hold a call open). A read that completes at once costs no timer and no allocation.
/// </summary>
internal static class ResponseBodyReader
{
    /// <summary>The most reserved up front for an announced <c>Content-Length</c> (a page of 100 employees is ~90 KB).</summary>
    public const int MaxPreallocatedBytes = 128 * 1024;

    private const int UnknownLengthBuffer = 16 * 1024;

    /// <summary>
    /// Reads the body. The caller gives <c>Buffer</c> back with <see cref="BodyBufferPool.Return"/>; on an exception
    /// it has been given back already.
    /// </summary>
    /// <param name="response">The response whose body is read.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="truncate">
    /// <see langword="true"/> to stop quietly at <paramref name="limit"/> (error bodies, kept for diagnostics);
    /// <see langword="false"/> to throw <see cref="ResponseTooLargeException"/> past it.
    /// </param>
    /// <param name="started">When the request was sent (<see cref="Stopwatch.GetTimestamp"/>).</param>
    /// <param name="timeout">How long after <paramref name="started"/> the body must be complete; infinite for no bound.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <exception cref="ResponseTooLargeException">The body is over <paramref name="limit"/> (and <paramref name="truncate"/> is false).</exception>
    /// <exception cref="BodyTimeoutException">The deadline passed before the body was complete; the response has been disposed.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<(byte[] Buffer, int Count)> ReadAsync(HttpResponseMessage response, long limit, bool truncate, long started, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Room for one byte past the limit tells a body at the limit from one over it.
        var cap = (int)Math.Min(truncate ? limit : limit + 1, Array.MaxLength);
        var announced = response.Content.Headers.ContentLength;
        var first = announced is { } known ? Math.Min(known + 1, MaxPreallocatedBytes) : UnknownLengthBuffer;
        var buffer = BodyBufferPool.Rent((int)Math.Clamp(first, 1, Math.Max(cap, 1)));
        var count = 0;
        Deadline? deadline = null;
        try
        {
#pragma warning disable RS0030 // Result only after IsCompletedSuccessfully: it never blocks (the fast path skips a state-machine suspension)
            var opening = response.Content.ReadAsStreamAsync(cancellationToken);
            var stream = opening.IsCompletedSuccessfully
                ? opening.Result
                : await WaitAsync(opening, response, started, timeout, ref deadline, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (count < cap)
                {
                    if (count == buffer.Length)
                    {
                        var larger = BodyBufferPool.Rent((int)Math.Min((long)buffer.Length * 2, cap));
                        buffer.AsSpan(0, count).CopyTo(larger);
                        BodyBufferPool.Return(buffer);
                        buffer = larger;
                    }

                    var pending = stream.ReadAsync(buffer.AsMemory(count, Math.Min(buffer.Length, cap) - count), cancellationToken);
                    var read = pending.IsCompletedSuccessfully
                        ? pending.Result
                        : timeout == Timeout.InfiniteTimeSpan
                            ? await pending.ConfigureAwait(false)
                            : await WaitAsync(pending.AsTask(), response, started, timeout, ref deadline, cancellationToken).ConfigureAwait(false);
#pragma warning restore RS0030
                    if (read == 0)
                    {
                        return (buffer, count);
                    }

                    count += read;
                }
            }

            if (!truncate)
            {
                throw new ResponseTooLargeException(limit);
            }

            return (buffer, count);
        }
        catch
        {
            BodyBufferPool.Return(buffer);
            throw;
        }
        finally
        {
            deadline?.Dispose();
        }
    }

    /// <summary>The slow path: a read that did not complete at once, raced against the call's deadline (one timer per body).</summary>
    private static Task<T> WaitAsync<T>(Task<T> pending, HttpResponseMessage response, long started, TimeSpan timeout, ref Deadline? deadline, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return pending;
        }

        deadline ??= new Deadline(timeout - Stopwatch.GetElapsedTime(started), cancellationToken);
        return deadline.WaitAsync(pending, response, timeout, cancellationToken);
    }

    /// <summary>One timer for the rest of a body's reads.</summary>
    private sealed class Deadline : IDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly Task _expired;

        public Deadline(TimeSpan remaining, CancellationToken cancellationToken)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _expired = Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _stop.Token);
        }

        public async Task<T> WaitAsync<T>(Task<T> pending, HttpResponseMessage response, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (await Task.WhenAny(pending, _expired).ConfigureAwait(false) == pending)
            {
                return await pending.ConfigureAwait(false);
            }

            response.Dispose(); // aborts the stalled read on a real connection; its outcome no longer matters
            _ = pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
            throw new BodyTimeoutException(timeout);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
