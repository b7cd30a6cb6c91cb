using System;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests.Auth;

/// <summary>An in-memory store that counts saves and lets a test wait for the next one.</summary>
internal sealed class SavingTokenStore(FactorialToken? token) : ITokenStore
{
    private readonly TaskCompletionSource<FactorialToken> _saved = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile FactorialToken? _token = token;
    private int _saves;

    public FactorialToken? Current => _token;

    public int Saves => Volatile.Read(ref _saves);

    /// <summary>Completes with the first token saved.</summary>
    public Task<FactorialToken> FirstSave => _saved.Task;

    public Task<FactorialToken?> LoadAsync(CancellationToken cancellationToken = default) => Task.FromResult(_token);

    public Task SaveAsync(FactorialToken token, CancellationToken cancellationToken = default)
    {
        _token = token;
        Interlocked.Increment(ref _saves);
        _saved.TrySetResult(token);
        return Task.CompletedTask;
    }

    public Task ClearAsync(CancellationToken cancellationToken = default)
    {
        _token = null;
        return Task.CompletedTask;
    }
}
