using System;
using System.IO;
using System.Net.Http;
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
/// <para>
/// A refresh, once sent, is never cancelled by a caller's <see cref="CancellationToken"/>: the server rotates the
/// refresh token as soon as it answers, so abandoning that answer would lose the only valid refresh token.
/// Callers stop waiting when cancelled; the refresh completes and is saved in the background.
/// </para>
/// <para>
/// Before refreshing, the source re-reads its store and adopts a newer token another client saved there. When the
/// store is an <see cref="ITokenStoreLock"/> (as <see cref="FileTokenStore"/> is), "re-read, refresh, save" runs under
/// the store's lock, so clients sharing the store — in other processes too — never spend the same refresh token.
/// </para>
/// <para>
/// Failures do not multiply requests: a refused refresh token is never sent again (later calls re-read the store, in
/// case a new token was saved there, then get the same <see cref="FactorialReauthorizationRequiredException"/>), and
/// after a passing failure the next refresh waits <see cref="RefreshRetryDelay"/>, doubling up to a minute.
/// </para>
/// </remarks>
public sealed partial class FactorialTokenSource
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
    private FactorialToken? _failedBasis;
    private Exception? _failure;
    private int _failures;
    private DateTimeOffset _retryAt;
    private FactorialToken? _rejectedFresh;
    private int _rejections;
    private DateTimeOffset _rejectedRetryAt;
    private int _generation;

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
        RefreshRetryDelay = options.RefreshRetryDelay;
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
        RefreshRetryDelay = options.RefreshRetryDelay;
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

    /// <summary>
    /// How long before expiry a token is refreshed. For a token whose lifetime is short, at most a quarter of its
    /// lifetime is used, so a lifetime at or under the margin never makes every call refresh.
    /// </summary>
    public TimeSpan RefreshMargin { get; }

    /// <summary>Counts the refreshes that took effect: the auth handler tells a token renewed for its call from an old one.</summary>
    internal int Generation => Volatile.Read(ref _generation);

    /// <summary>How long one refresh request may take.</summary>
    public TimeSpan RefreshTimeout { get; }

    /// <summary>
    /// How long after a refresh failed for a passing reason (network, time-out, server error) the next attempt waits;
    /// the wait doubles with each further failure, up to a minute. Calls made meanwhile get the same error at once.
    /// </summary>
    public TimeSpan RefreshRetryDelay { get; }

    private static TimeSpan MaxRefreshRetryDelay => TimeSpan.FromMinutes(1);

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

        if (!Volatile.Read(ref _unsaved) && !NeedsRefresh(current))
        {
            return new ValueTask<FactorialToken>(current);
        }

        return new ValueTask<FactorialToken>(RenewAsync(current, "expires soon", cancellationToken));
    }

    /// <summary>
    /// Called when the server rejected <paramref name="rejected"/> with 401: refreshes once, unless another caller
    /// already replaced that token, and returns the token to retry with. Returns <paramref name="rejected"/> itself
    /// (nothing to retry with) when that token was issued by a refresh and the server already rejected it: refreshing
    /// again would not help, so no new grant is asked for until <see cref="RefreshRetryDelay"/> (doubling up to a minute)
    /// has passed.
    /// </summary>
    public Task<FactorialToken> RefreshAfterRejectionAsync(FactorialToken rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        lock (_gate)
        {
            if (ReferenceEquals(rejected, _rejectedFresh) && ReferenceEquals(rejected, _current) && TimeProvider.GetUtcNow() < _rejectedRetryAt)
            {
                Log.RefreshDeferred(_logger, rejected.Fingerprint, _rejectedRetryAt);
                return Task.FromResult(rejected);
            }
        }

        return RenewAsync(rejected, "rejected with 401", cancellationToken, force: true);
    }

    /// <summary>
    /// The server answered 401 to a token just issued by a refresh: another refresh on its account waits (see
    /// <see cref="RefreshAfterRejectionAsync"/>), so a server that rejects every token costs one grant per back-off, not
    /// one per call.
    /// </summary>
    internal void NoteFreshTokenRejected(FactorialToken token)
    {
        lock (_gate)
        {
            _rejections = Math.Min(_rejections + 1, 17);
            _rejectedFresh = token;
            var delay = RefreshRetryDelay * Math.Pow(2, _rejections - 1);
            _rejectedRetryAt = TimeProvider.GetUtcNow() + (delay < MaxRefreshRetryDelay ? delay : MaxRefreshRetryDelay);
        }
    }

    /// <summary>
    /// Whether <paramref name="token"/> is due for a refresh: within <see cref="RefreshMargin"/> of its expiry, the margin
    /// being at most a quarter of the token's lifetime.
    /// </summary>
    private bool NeedsRefresh(FactorialToken token)
    {
        var margin = RefreshMargin;
        if (token.Lifetime is { } lifetime && lifetime / 4 < margin)
        {
            margin = lifetime / 4;
        }

        return token.ExpiresWithin(TimeProvider, margin);
    }

    /// <summary>Refreshes the current token now, whatever its expiry.</summary>
    public async Task<FactorialToken> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var current = Current ?? await LoadThenGetAsync(cancellationToken).ConfigureAwait(false);
        return await RenewAsync(current, "requested", cancellationToken, force: true, requested: true).ConfigureAwait(false);
    }
}
