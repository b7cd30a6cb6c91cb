using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.OAuth;

/// <summary>
/// Reads the body of an OAuth answer ourselves (not through Refit): at most <see cref="MaxBytes"/>, and every wait bounded
/// by the call's deadline token even when the stream under it ignores cancellation, so a hostile or stalled token
/// endpoint can neither exhaust memory nor hold a caller past <see cref="FactorialOAuthOptions.Timeout"/>.
/// </summary>
internal static class OAuthResponseReader
{
    /// <summary>The largest OAuth answer read: token answers are a few hundred bytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Reads the whole body; throws <see cref="ResponseTooLargeException"/> past <see cref="MaxBytes"/>.</summary>
    public static async Task<ArraySegment<byte>> ReadAsync(HttpResponseMessage response, CancellationToken deadline)
    {
        var content = response.Content;
        if (content is null)
        {
            return ArraySegment<byte>.Empty;
        }

        if (content.Headers.ContentLength > MaxBytes)
        {
            throw new ResponseTooLargeException(MaxBytes);
        }

        var stream = await WithinAsync(content.ReadAsStreamAsync(deadline), deadline).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[(int)Math.Min((content.Headers.ContentLength ?? 1024) + 1, MaxBytes + 1L)];
            var count = 0;
            while (true)
            {
                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, MaxBytes + 1L));
                }

                var read = await WithinAsync(stream.ReadAsync(buffer.AsMemory(count), deadline).AsTask(), deadline).ConfigureAwait(false);
                if (read == 0)
                {
                    return new ArraySegment<byte>(buffer, 0, count);
                }

                count += read;
                if (count > MaxBytes)
                {
                    throw new ResponseTooLargeException(MaxBytes);
                }
            }
        }
    }

    /// <summary>
    /// Waits for <paramref name="task"/> until <paramref name="deadline"/>; a task given up on has its outcome observed
    /// (no unobserved task exceptions) and a late response disposed.
    /// </summary>
    public static async Task<T> WithinAsync<T>(Task<T> task, CancellationToken deadline)
    {
        try
        {
            return await task.WaitAsync(deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!task.IsCompleted)
        {
            _ = task.ContinueWith(
                static t =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
#pragma warning disable RS0030 // a continuation of a completed task: Result never blocks
                        (t.Result as IDisposable)?.Dispose();
#pragma warning restore RS0030
                    }
                    else
                    {
                        _ = t.Exception;
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            throw;
        }
    }
}
