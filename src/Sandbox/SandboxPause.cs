using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Sandbox;

/// <summary>
/// Requests held at a point of the sandbox (see <see cref="SandboxControl.PauseResourceRequests"/> and
/// <see cref="SandboxControl.PauseTokenRequests"/>) until <see cref="Release"/> is called. A held request whose
/// client goes away is dropped without being processed. Thread-safe.
/// </summary>
public sealed class SandboxPause : IDisposable
{
    private readonly object gate = new();
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Count, TaskCompletionSource Signal)> waiters = [];
    private readonly Action<SandboxPause> onRelease;
    private int held;

    internal SandboxPause(Action<SandboxPause> onRelease) => this.onRelease = onRelease;

    /// <summary>How many requests arrived at the pause so far (including those that gave up waiting).</summary>
    public int Held
    {
        get { lock (gate) { return held; } }
    }

    /// <summary>Whether <see cref="Release"/> was called.</summary>
    public bool IsReleased => released.Task.IsCompleted;

    /// <summary>Completes once <paramref name="count"/> requests have arrived at the pause.</summary>
    /// <param name="count">The number of requests to wait for.</param>
    /// <returns>A task that completes when that many requests are held.</returns>
    public Task WhenHeldAsync(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            if (held >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, signal));
            return signal.Task;
        }
    }

    /// <summary>Lets every held request, and every later one, go on.</summary>
    public void Release()
    {
        if (released.TrySetResult())
        {
            onRelease(this);
        }
    }

    /// <summary>Same as <see cref="Release"/>.</summary>
    public void Dispose() => Release();

    /// <summary>Holds one request; false when its client went away meanwhile (the request is then dropped).</summary>
    internal async Task<bool> HoldAsync(CancellationToken requestAborted)
    {
        lock (gate)
        {
            held++;
            waiters.RemoveAll(w =>
            {
                if (w.Count > held)
                {
                    return false;
                }

                w.Signal.TrySetResult();
                return true;
            });
        }

        try
        {
            await released.Task.WaitAsync(requestAborted).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
