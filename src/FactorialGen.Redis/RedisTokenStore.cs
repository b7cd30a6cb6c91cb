using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Medallion.Threading.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FactorialGen.Redis;

/// <summary>
/// Keeps one Factorial token pair in Redis so that any number of processes, on any number of machines, share it:
/// each rotated pair is saved once, refreshed once per expiry, and never replaced by an older pair.
/// </summary>
/// <remarks>
/// <para>
/// <b>One refresh per expiry.</b> The store is an <see cref="ITokenStoreLock"/>: <see cref="FactorialTokenSource"/>
/// takes its lock (a DistributedLock.Redis lock on <c>&lt;key&gt;:lock</c>) around "re-read, refresh, save", so one
/// replica spends the refresh token and the others, waiting on the lock, then read the rotated pair. The holder extends
/// the lock while it works; a holder that dies stops extending it and the lock expires after
/// <see cref="RedisTokenStoreOptions.LockExpiry"/>, so the next replica goes on.
/// </para>
/// <para>
/// <b>Never backwards.</b> The pair is written by a Lua script that compares versions in Redis itself: a pair's version
/// is its issue time (<see cref="FactorialToken.CreatedAt"/>, which Factorial sets when it rotates the pair), and for two
/// pairs issued at the same instant the number of the write the saver last saw. A save whose pair is older than the
/// stored one (a replica paused past the lock's expiry, say) does not overwrite it: <see cref="SaveAsync"/> keeps the
/// newer pair, logs a warning and returns normally (<see cref="TrySaveAsync"/> tells which happened). It does not throw,
/// because the saver's pair is still a valid access token until it expires, and the saver adopts the newer pair from
/// the store at its next refresh; a refresh token newer than the stored one is always written, so it is never lost.
/// </para>
/// <para>
/// <b>Redis down.</b> Every Redis failure is a <see cref="FactorialTokenStoreException"/> whose message names the key
/// and the operation, never a token. A store made from a connection string reconnects by itself
/// (<c>abortConnect=false</c>); the token sources keep the pair in memory meanwhile. When Redis comes back empty (a
/// restart without persistence, an eviction), the first read writes back the newest pair this process knew, unless the
/// key was deliberately cleared with <see cref="ClearAsync"/>. In production keep the key safe anyway: Redis with AOF
/// persistence, and a <c>maxmemory-policy</c> that does not evict keys without an expiry (the key has none).
/// </para>
/// <para>
/// <b>At rest.</b> With <see cref="RedisTokenStoreOptions.DataProtector"/> the pair is kept protected; otherwise as
/// JSON. Beside it the hash holds only its issue time, a one-way fingerprint of the access token and a write number.
/// </para>
/// </remarks>
public sealed partial class RedisTokenStore : ITokenStore, ITokenStoreLock, IAsyncDisposable, IDisposable
{
    private static readonly RedisValue[] Fields = ["data", "prot", "ver", "cleared"];

    private readonly object _gate = new();
    private readonly RedisTokenStoreOptions _options;
    private readonly ILogger _logger;
    private readonly ConfigurationOptions? _configuration;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnectionMultiplexer? _multiplexer;
    private readonly bool _ownsMultiplexer;
    private FactorialToken? _lastKnown;
    private long _seenVersion;
    private bool _clearedHere;

    /// <summary>
    /// Creates a store over <paramref name="key"/> that connects with <paramref name="connectionString"/> on first use
    /// (for example <c>redis.internal:6379,password=…,ssl=true</c>). The store owns that connection, reconnects by
    /// itself after an outage, and closes it when disposed.
    /// </summary>
    /// <param name="connectionString">A StackExchange.Redis configuration string.</param>
    /// <param name="key">The Redis key of this token, one per company (for example <c>factorial:company-42</c>).</param>
    /// <param name="options">Settings; optional.</param>
    /// <exception cref="ArgumentException">The connection string cannot be parsed, or the key is empty.</exception>
    public RedisTokenStore(string connectionString, string key, RedisTokenStoreOptions? options = null)
        : this(key, options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException ex)
        {
            // The parser's message may quote the string, which may hold a password: never pass it on.
            throw new ArgumentException($"The Redis connection string could not be parsed ({ex.GetType().Name}).", nameof(connectionString));
        }

        configuration.AbortOnConnectFail = false; // keep trying in the background: the store recovers when Redis is back
        _configuration = configuration;
        _ownsMultiplexer = true;
    }

    /// <summary>
    /// Creates a store over <paramref name="key"/> on a connection you own (and dispose). For the store to recover
    /// by itself after an outage, create it with <c>abortConnect=false</c>.
    /// </summary>
    /// <param name="multiplexer">The Redis connection.</param>
    /// <param name="key">The Redis key of this token, one per company (for example <c>factorial:company-42</c>).</param>
    /// <param name="options">Settings; optional.</param>
    public RedisTokenStore(IConnectionMultiplexer multiplexer, string key, RedisTokenStoreOptions? options = null)
        : this(key, options)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        _multiplexer = multiplexer;
    }

    private RedisTokenStore(string key, RedisTokenStoreOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
        _options = options ?? new RedisTokenStoreOptions();
        _logger = _options.LoggerFactory?.CreateLogger<RedisTokenStore>() ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The Redis key (a hash) that holds the token pair.</summary>
    public string Key { get; }

    /// <summary>The Redis key of the refresh lock: <c>&lt;key&gt;:lock</c>.</summary>
    public string LockKey => Key + ":lock";

    /// <inheritdoc />
    public async Task<FactorialToken?> LoadAsync(CancellationToken cancellationToken = default)
    {
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        RedisValue[] values;
        try
        {
            values = await database.HashGetAsync(Key, Fields).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            throw Unreachable("read", ex);
        }

        if (values[3] == "1")
        {
            Remember(null, (long)values[2]);
            return null; // cleared on purpose
        }

        if (values[0].IsNull)
        {
            return await RestoreAsync(database).ConfigureAwait(false);
        }

        var token = Decode((string)values[0]!, values[1] == "1");
        Remember(token, (long)values[2]);
        return token;
    }

    /// <summary>
    /// Saves <paramref name="token"/> unless the store already holds a newer pair; see the remarks of
    /// <see cref="RedisTokenStore"/>. Completes once Redis has the pair (or has kept the newer one).
    /// </summary>
    /// <exception cref="FactorialTokenStoreException">Redis could not be reached.</exception>
    public async Task SaveAsync(FactorialToken token, CancellationToken cancellationToken = default) =>
        await TrySaveAsync(token, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Saves <paramref name="token"/> with compare-and-set: returns <see langword="true"/> when it was written (or was
    /// already the stored pair), <see langword="false"/> when the store holds a newer pair, which it keeps.
    /// </summary>
    /// <exception cref="FactorialTokenStoreException">Redis could not be reached.</exception>
    public async Task<bool> TrySaveAsync(FactorialToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var (written, version, storedIssued) = await RunSaveAsync(database, token, "save", cancellationToken).ConfigureAwait(false);
        if (written)
        {
            Remember(token, version);
            Log.Saved(_logger, Key, token.Fingerprint, version);
        }
        else
        {
            Log.KeptNewerPair(_logger, Key, token.Fingerprint, token.CreatedAt, DateTimeOffset.FromUnixTimeMilliseconds(storedIssued));
        }

        return written;
    }

    /// <summary>Removes the stored pair (after a revocation, say); replicas then find no token.</summary>
    /// <exception cref="FactorialTokenStoreException">Redis could not be reached.</exception>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = (long)await database.ScriptEvaluateAsync(ClearScript, [Key]).WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _lastKnown = null;
                _seenVersion = version;
                _clearedHere = true;
            }
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            throw Unreachable("clear", ex);
        }
    }

    /// <summary>Closes the connection when the store created it from a connection string.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsMultiplexer && Interlocked.Exchange(ref _multiplexer, null) is { } multiplexer)
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }

        _connecting.Dispose();
    }

    /// <summary>Closes the connection when the store created it from a connection string.</summary>
    public void Dispose()
    {
        if (_ownsMultiplexer && Interlocked.Exchange(ref _multiplexer, null) is { } multiplexer)
        {
            multiplexer.Dispose();
        }

        _connecting.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"RedisTokenStore {{ Key = {Key} }}";

    private async Task<FactorialToken?> RestoreAsync(IDatabase database)
    {
        FactorialToken? known;
        lock (_gate)
        {
            known = _clearedHere ? null : _lastKnown;
        }

        if (known is null)
        {
            return null;
        }

        // The key vanished (Redis restarted without persistence, or evicted it): put back the newest pair this process
        // knows, unless someone wrote a pair meanwhile, then read whatever is there now.
        var (written, _, _) = await RunSaveAsync(database, known, "restore", CancellationToken.None).ConfigureAwait(false);
        if (written)
        {
            Log.RestoredPair(_logger, Key, known.Fingerprint);
            return known;
        }

        return await LoadAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private void Remember(FactorialToken? token, long version)
    {
        lock (_gate)
        {
            _seenVersion = version;
            if (token is null)
            {
                _lastKnown = null;
                return;
            }

            _clearedHere = false;
            if (_lastKnown is null || token.CreatedAt >= _lastKnown.CreatedAt)
            {
                _lastKnown = token;
            }
        }
    }
}
