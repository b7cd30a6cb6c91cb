using System;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen;

/// <summary>
/// A token store that lives as long as the process: for tests, and for tokens you persist yourself.
/// <see cref="ToString"/> shows only the held token's fingerprints.
/// </summary>
public sealed class InMemoryTokenStore : ITokenStore
{
    private volatile FactorialToken? _token;

    /// <summary>Creates the store, optionally holding a first token.</summary>
    public InMemoryTokenStore(FactorialToken? token = null) => _token = token;

    /// <summary>The token held now.</summary>
    public FactorialToken? Current => _token;

    /// <inheritdoc />
    public override string ToString() => $"InMemoryTokenStore {{ Token = {(_token is { } token ? token.ToString() : "none")} }}";

    /// <inheritdoc />
    public Task<FactorialToken?> LoadAsync(CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<FactorialToken?>(cancellationToken) : Task.FromResult(_token);

    /// <inheritdoc />
    public Task SaveAsync(FactorialToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        _token = token;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        _token = null;
        return Task.CompletedTask;
    }
}
