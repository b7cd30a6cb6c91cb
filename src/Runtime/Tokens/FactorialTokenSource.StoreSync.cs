using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactorialGen;

// Keeping the source and its store in step: first load, saving a rotated token, adopting a newer stored token.
public sealed partial class FactorialTokenSource
{
    private async Task<FactorialToken> LoadThenGetAsync(CancellationToken cancellationToken)
    {
        Task loading;
        lock (_gate)
        {
            if (_loading is null || (_loading.IsFaulted && _current is null))
            {
                _loading = Task.Run(LoadFromStoreAsync);
                MarkFaultObserved(_loading);
            }

            loading = _loading;
        }

        await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await GetTokenAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task LoadFromStoreAsync()
    {
        var token = await _store!.LoadAsync(CancellationToken.None).ConfigureAwait(false)
            ?? throw new FactorialReauthorizationRequiredException("The token store holds no token: authorize the application first and save the token to the store.");
        lock (_gate)
        {
            _current ??= token;
        }
    }

    private async Task<FactorialToken> SaveUnsavedAsync(FactorialToken token)
    {
        if (_store is null)
        {
            return token;
        }

        try
        {
            await _store.SaveAsync(token, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.TokenSaveFailed(_logger, token.Fingerprint, ex);
            throw ex as FactorialTokenStoreException
                ?? new FactorialTokenStoreException("The refreshed token could not be saved to the token store; it is kept in memory and saving is retried on the next request.", innerException: ex);
        }

        lock (_gate)
        {
            if (ReferenceEquals(_current, token))
            {
                _unsaved = false;
            }
        }

        return token;
    }

    private async Task<FactorialToken?> AdoptNewerStoredTokenAsync(FactorialToken basis)
    {
        if (_store is null)
        {
            return null;
        }

        FactorialToken? stored;
        try
        {
            stored = await _store.LoadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (FactorialTokenStoreException)
        {
            return null; // refresh with what we hold; the save will report the store's problem
        }

        if (stored is null
            || string.Equals(stored.AccessToken, basis.AccessToken, StringComparison.Ordinal)
            || stored.CreatedAt < basis.CreatedAt)
        {
            return null; // nothing newer than what this client holds
        }

        lock (_gate)
        {
            _current = stored;
        }

        Log.TokenAdoptedFromStore(_logger, basis.Fingerprint, stored.Fingerprint);
        return stored;
    }
}
