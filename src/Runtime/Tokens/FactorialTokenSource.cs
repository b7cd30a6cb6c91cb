using System;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactorialGen;

/// <summary>
/// The token a client uses, kept fresh. Refreshes shortly before expiry and after a 401, runs at most one refresh
/// at a time however many requests are waiting, saves each rotated token to the store before any request uses it,
/// and reports a refused refresh as <see cref="FactorialReauthorizationRequiredException"/> without touching the store.
/// </summary>
/// <remarks>
/// A refresh, once sent, is never cancelled by a caller's <see cref="CancellationToken"/>: the server rotates the
/// refresh token as soon as it answers, so abandoning that answer would lose the only valid refresh token.
/// Callers stop waiting when cancelled; the refresh completes and is saved in the background.
/// </remarks>
public sealed class FactorialTokenSource
{
    private readonly object _gate = new();
    private readonly FactorialOAuth? _oauth;
    private readonly ITokenStore? _store;
    private readonly ILogger _logger;
    private FactorialToken? _current;
    private Task<FactorialToken>? _pending;
    private Task? _loading;
    private bool _unsaved;
    private FactorialToken? _refusedBasis;
    private FactorialReauthorizationRequiredException? _refusal;

    /// <summary>Creates a source over <paramref name="token"/>.</summary>
    /// <param name="token">The token to start from.</param>
    /// <param name="oauth">The OAuth flow used to refresh; without it the token is used until it expires.</param>
    /// <param name="store">Where rotated tokens are saved; optional but strongly advised for refreshable tokens.</param>
    /// <param name="options">Timing settings; optional.</param>
    public FactorialTokenSource(FactorialToken token, FactorialOAuth? oauth = null, ITokenStore? store = null, FactorialTokenSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        options ??= new FactorialTokenSourceOptions();
        _current = token;
        _oauth = oauth;
        _store = store;
        TimeProvider = options.TimeProvider ?? oauth?.TimeProvider ?? TimeProvider.System;
        RefreshMargin = options.RefreshBeforeExpiry;
        RefreshTimeout = options.RefreshTimeout;
        _logger = options.LoggerFactory?.CreateLogger<FactorialTokenSource>() ?? NullLogger<FactorialTokenSource>.Instance;
    }

    /// <summary>
    /// Creates a source that loads its token from <paramref name="store"/> on first use (for dependency injection,
    /// where nothing can be awaited while services are built).
    /// </summary>
    /// <param name="store">Where the token is kept; it must hold one by the first request.</param>
    /// <param name="oauth">The OAuth flow used to refresh; without it the token is used until it expires.</param>
    /// <param name="options">Timing settings; optional.</param>
    public FactorialTokenSource(ITokenStore store, FactorialOAuth? oauth = null, FactorialTokenSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= new FactorialTokenSourceOptions();
        _store = store;
        _oauth = oauth;
        TimeProvider = options.TimeProvider ?? oauth?.TimeProvider ?? TimeProvider.System;
        RefreshMargin = options.RefreshBeforeExpiry;
        RefreshTimeout = options.RefreshTimeout;
        _logger = options.LoggerFactory?.CreateLogger<FactorialTokenSource>() ?? NullLogger<FactorialTokenSource>.Instance;
    }

    /// <summary>Loads the token from <paramref name="store"/> and creates a source over it.</summary>
    /// <exception cref="FactorialReauthorizationRequiredException">The store holds no token.</exception>
    /// <exception cref="FactorialTokenStoreException">The store could not be read.</exception>
    public static async Task<FactorialTokenSource> FromStoreAsync(ITokenStore store, FactorialOAuth? oauth = null, FactorialTokenSourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var token = await store.LoadAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new FactorialReauthorizationRequiredException("The token store holds no token: authorize the application first.");
        return new FactorialTokenSource(token, oauth, store, options);
    }

    /// <summary>
    /// The token in use now (it may be about to expire; requests go through <see cref="GetTokenAsync"/>), or
    /// <see langword="null"/> while a source created over a store has not loaded it yet.
    /// </summary>
    public FactorialToken? Current => Volatile.Read(ref _current);

    /// <summary>The clock used to judge expiry.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>How long before expiry a token is refreshed.</summary>
    public TimeSpan RefreshMargin { get; }

    /// <summary>How long one refresh request may take.</summary>
    public TimeSpan RefreshTimeout { get; }

    /// <summary>Raised after a rotated token was saved and took effect.</summary>
    public event EventHandler<FactorialToken>? TokenRefreshed;

    /// <summary>
    /// Returns a token to send now: the current one, or a refreshed one when the current one expires within
    /// <see cref="RefreshMargin"/>. A token that is close to expiry but still valid is used when a refresh fails
    /// for a passing reason.
    /// </summary>
    /// <exception cref="FactorialReauthorizationRequiredException">The token expired and cannot be refreshed.</exception>
    /// <exception cref="FactorialAuthException">The token expired and the refresh failed for a passing reason.</exception>
    /// <exception cref="FactorialTokenStoreException">A rotated token could not be saved yet.</exception>
    public ValueTask<FactorialToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var current = Current;
        if (current is null)
        {
            return new ValueTask<FactorialToken>(LoadThenGetAsync(cancellationToken));
        }

        if (!Volatile.Read(ref _unsaved) && !current.ExpiresWithin(TimeProvider, RefreshMargin))
        {
            return new ValueTask<FactorialToken>(current);
        }

        return new ValueTask<FactorialToken>(RenewAsync(current, "expires soon", cancellationToken));
    }

    /// <summary>
    /// Called when the server rejected <paramref name="rejected"/> with 401: refreshes once, unless another caller
    /// already replaced that token, and returns the token to retry with.
    /// </summary>
    public Task<FactorialToken> RefreshAfterRejectionAsync(FactorialToken rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        return RenewAsync(rejected, "rejected with 401", cancellationToken, force: true);
    }

    /// <summary>Refreshes the current token now, whatever its expiry.</summary>
    public async Task<FactorialToken> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var current = Current ?? await LoadThenGetAsync(cancellationToken).ConfigureAwait(false);
        return await RenewAsync(current, "requested", cancellationToken, force: true).ConfigureAwait(false);
    }

    private async Task<FactorialToken> LoadThenGetAsync(CancellationToken cancellationToken)
    {
        Task loading;
        lock (_gate)
        {
            if (_loading is null || (_loading.IsFaulted && _current is null))
            {
                _loading = Task.Run(LoadFromStoreAsync);
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

    private async Task<FactorialToken> RenewAsync(FactorialToken basis, string reason, CancellationToken cancellationToken, bool force = false)
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
                else if (!force && !current.ExpiresWithin(TimeProvider, RefreshMargin))
                {
                    return current;
                }
                else if (_refusal is not null && ReferenceEquals(_refusedBasis, current))
                {
                    throw _refusal; // the server already refused this refresh token: no retry storm
                }
                else
                {
                    _pending = Task.Run(() => RefreshCoreAsync(current, reason));
                }
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

    private async Task<FactorialToken> RefreshCoreAsync(FactorialToken basis, string reason)
    {
        if (_oauth is null || basis.RefreshToken is null)
        {
            var refusal = new FactorialReauthorizationRequiredException(_oauth is null
                ? "The access token expired and this client has no FactorialApp to refresh it with: authorize again, or give the client the app's credentials."
                : "The access token expired and has no refresh token: authorize the application again.");
            Remember(basis, refusal);
            throw refusal;
        }

        if (await AdoptNewerStoredTokenAsync(basis).ConfigureAwait(false) is { } adopted)
        {
            return adopted;
        }

        Log.TokenRefreshing(_logger, basis.Fingerprint, reason);
        FactorialToken refreshed;
        using (var timeout = new CancellationTokenSource(RefreshTimeout, TimeProvider))
        {
            try
            {
                refreshed = await _oauth.RefreshAccessTokenAsync(basis, timeout.Token).ConfigureAwait(false);
            }
            catch (FactorialReauthorizationRequiredException ex)
            {
                Log.RefreshRejected(_logger, basis.Fingerprint, ex.Error);
                Remember(basis, ex);
                throw;
            }
            catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
            {
                var error = new FactorialAuthException($"Refreshing the token took longer than {RefreshTimeout.TotalSeconds:0} s; try again later.", innerException: ex);
                Log.RefreshFailedTransiently(_logger, basis.Fingerprint, error);
                throw error;
            }
            catch (Exception ex) when (ex is FactorialAuthException or FactorialInvalidResponseException)
            {
                Log.RefreshFailedTransiently(_logger, basis.Fingerprint, ex);
                throw;
            }
        }

        lock (_gate)
        {
            // Publish in memory first so a failed save can be retried, but mark it unsaved so no request uses it yet.
            _current = refreshed;
            _unsaved = _store is not null;
        }

        await SaveUnsavedAsync(refreshed).ConfigureAwait(false);
        Log.TokenRefreshed(_logger, basis.Fingerprint, refreshed.Fingerprint, refreshed.ExpiresAt);
        TokenRefreshed?.Invoke(this, refreshed);
        return refreshed;
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
            || stored.CreatedAt < basis.CreatedAt
            || stored.ExpiresWithin(TimeProvider, RefreshMargin))
        {
            return null;
        }

        lock (_gate)
        {
            _current = stored;
        }

        Log.TokenAdoptedFromStore(_logger, basis.Fingerprint, stored.Fingerprint);
        return stored;
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
