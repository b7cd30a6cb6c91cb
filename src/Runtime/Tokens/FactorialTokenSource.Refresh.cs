using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactorialGen;

// Refresh coordination: one refresh at a time, back-off after failures, remembering a refused refresh token.
public sealed partial class FactorialTokenSource
{
    private async Task<FactorialToken> RenewAsync(FactorialToken basis, string reason, CancellationToken cancellationToken, bool force = false, bool requested = false)
    {
        Task<FactorialToken> work;
        lock (_gate)
        {
            var current = _current!;
            if (!ReferenceEquals(current, basis) && !_unsaved)
            {
                return current; // someone else already replaced the token this caller saw
            }

            if (_pending is null || _pending.IsCompleted)
            {
                if (_unsaved)
                {
                    _pending = Task.Run(() => SaveUnsavedAsync(current));
                }
                else if (!force && !NeedsRefresh(current))
                {
                    return current;
                }
                else if (_refusal is { } refusal && ReferenceEquals(_refusedBasis, current))
                {
                    // The server already refused this refresh token: never ask again (no retry storm), but look in the
                    // store, where another client or a new authorization may have put a working token since.
                    _pending = Task.Run(() => RecoverOrRefuseAsync(current, refusal));
                }
                else if (!requested && _failure is { } failure && ReferenceEquals(_failedBasis, current) && TimeProvider.GetUtcNow() < _retryAt)
                {
                    // The last refresh failed moments ago: give the server a rest and repeat its error.
                    Log.RefreshDeferred(_logger, current.Fingerprint, _retryAt);
                    _pending = Task.FromException<FactorialToken>(failure);
                }
                else
                {
                    _pending = Task.Run(() => RefreshCoreAsync(current, reason));
                }

                MarkFaultObserved(_pending); // its callers may all stop waiting: a later failure must not go unobserved
            }

            work = _pending;
        }

        try
        {
            return await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!force && ex is FactorialAuthException or FactorialInvalidResponseException && !basis.ExpiresWithin(TimeProvider, TimeSpan.Zero))
        {
            // A refresh ahead of expiry failed, but the token still works until it expires: use it.
            return basis;
        }
    }

    /// <summary>
    /// Observes a background task's failure, so a refresh or load whose callers all stopped waiting never raises
    /// <see cref="TaskScheduler.UnobservedTaskException"/>; the failure itself is kept and reported as before.
    /// </summary>
    private static void MarkFaultObserved(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private async Task<FactorialToken> RecoverOrRefuseAsync(FactorialToken refused, FactorialReauthorizationRequiredException refusal)
    {
        var stored = await AdoptNewerStoredTokenAsync(refused).ConfigureAwait(false) ?? throw refusal;
        return NeedsRefresh(stored)
            ? await RefreshCoreAsync(stored, "adopted from the store after a refusal").ConfigureAwait(false)
            : stored;
    }

    private async Task<FactorialToken> RefreshCoreAsync(FactorialToken basis, string reason)
    {
        if (_oauth is null)
        {
            throw Refuse(basis, RefreshRefusals.NoApp(basis, reason, TimeProvider));
        }

        if (basis.RefreshToken is null)
        {
            throw Refuse(basis, RefreshRefusals.NoRefreshToken(basis, reason, TimeProvider, stored: false));
        }

        // Between clients that share the store (in this process or in others), only the holder of the store's lock
        // refreshes; the others wait, then find the rotated token in the store and adopt it below.
        IAsyncDisposable? storeLock = null;
        if (_store is ITokenStoreLock lockable)
        {
            try
            {
                storeLock = await lockable.AcquireLockAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (FactorialTokenStoreException ex)
            {
                Log.TokenStoreLockFailed(_logger, basis.Fingerprint, ex);
                throw;
            }
        }

        FactorialToken refreshed;
        try
        {
            if (await AdoptNewerStoredTokenAsync(basis).ConfigureAwait(false) is { } adopted)
            {
                if (!NeedsRefresh(adopted))
                {
                    return adopted;
                }

                if (adopted.RefreshToken is null)
                {
                    throw Refuse(adopted, RefreshRefusals.NoRefreshToken(adopted, reason, TimeProvider, stored: true));
                }

                basis = adopted; // newer than ours, but it needs a refresh as well
            }

            refreshed = await RequestRefreshAsync(basis, reason).ConfigureAwait(false);
            lock (_gate)
            {
                // Publish in memory first so a failed save can be retried, but mark it unsaved so no request uses it yet.
                _current = refreshed;
                _generation++;
                _unsaved = _store is not null;
                _failure = null;
                _failedBasis = null;
                _failures = 0;
            }

            await SaveUnsavedAsync(refreshed).ConfigureAwait(false);
        }
        finally
        {
            if (storeLock is not null)
            {
                await storeLock.DisposeAsync().ConfigureAwait(false);
            }
        }

        Log.TokenRefreshed(_logger, basis.Fingerprint, refreshed.Fingerprint, refreshed.ExpiresAt);
        FactorialTelemetry.TokenRefreshes.Add(1); // here, so every construction path counts each refresh once
        TokenRefreshed?.Invoke(this, refreshed);
        return refreshed;
    }

    private async Task<FactorialToken> RequestRefreshAsync(FactorialToken basis, string reason)
    {
        Log.TokenRefreshing(_logger, basis.Fingerprint, reason);
        FactorialReauthorizationRequiredException refusal;
        using (var timeout = new CancellationTokenSource(RefreshTimeout, TimeProvider))
        {
            try
            {
                return await _oauth!.RefreshAccessTokenAsync(basis, timeout.Token).ConfigureAwait(false);
            }
            catch (FactorialReauthorizationRequiredException ex)
            {
                refusal = ex;
            }
            catch (OperationCanceledException ex)
            {
                // Nothing outside this method can cancel it: the refresh time-out (or an HttpClient time-out) ran out.
                throw Failed(basis, new FactorialAuthException($"Refreshing the token took longer than {RefreshTimeout.TotalSeconds:0.###} s; try again later.", "timeout", innerException: ex));
            }
            catch (Exception ex) when (ex is FactorialAuthException or FactorialInvalidResponseException)
            {
                throw Failed(basis, ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                throw Failed(basis, new FactorialAuthException("Could not reach Factorial's token endpoint; try again later.", innerException: ex));
            }
        }

        // Refused. A client that shares the store without locking it may have spent this refresh token just now and
        // saved the result: use that rather than asking the user to authorize again.
        if (await AdoptNewerStoredTokenAsync(basis).ConfigureAwait(false) is { } newer && !newer.ExpiresWithin(TimeProvider, TimeSpan.Zero))
        {
            return newer;
        }

        Log.RefreshRejected(_logger, basis.Fingerprint, refusal.Error);
        Remember(basis, refusal);
        throw refusal;
    }

    private Exception Failed(FactorialToken basis, Exception error)
    {
        Log.RefreshFailedTransiently(_logger, basis.Fingerprint, error);
        lock (_gate)
        {
            _failures = ReferenceEquals(_failedBasis, basis) ? _failures + 1 : 1;
            _failedBasis = basis;
            _failure = error;
            var delay = RefreshRetryDelay * Math.Pow(2, Math.Min(_failures - 1, 16));
            _retryAt = TimeProvider.GetUtcNow() + (delay < MaxRefreshRetryDelay ? delay : MaxRefreshRetryDelay);
        }

        return error;
    }

    private FactorialReauthorizationRequiredException Refuse(FactorialToken basis, string message)
    {
        var refusal = new FactorialReauthorizationRequiredException(message);
        Remember(basis, refusal);
        return refusal;
    }

    private void Remember(FactorialToken basis, FactorialReauthorizationRequiredException refusal)
    {
        lock (_gate)
        {
            _refusedBasis = basis;
            _refusal = refusal;
        }
    }
}
