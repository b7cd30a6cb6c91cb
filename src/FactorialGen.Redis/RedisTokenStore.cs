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
public sealed class RedisTokenStore : ITokenStore, ITokenStoreLock, IAsyncDisposable, IDisposable
{
    // KEYS[1] the hash. ARGV: issued (unix ms), fingerprint, data, protected flag, the write number the saver last saw,
    // mode ("save", or "restore": write only when the key is missing). Returns { written (1/0), version, stored issued }.
    private const string SaveScript = """
        local key = KEYS[1]
        if ARGV[6] == 'restore' and redis.call('EXISTS', key) == 1 then
          return { 0, tonumber(redis.call('HGET', key, 'ver')) or 0, tonumber(redis.call('HGET', key, 'issued')) or 0 }
        end
        local cur = redis.call('HMGET', key, 'issued', 'fp', 'ver', 'cleared')
        local ver = tonumber(cur[3]) or 0
        local issued = tonumber(ARGV[1])
        if cur[4] ~= '1' and cur[1] then
          local stored = tonumber(cur[1])
          if cur[2] == ARGV[2] then
            return { 1, ver, stored }
          end
          if issued < stored or (issued == stored and ARGV[5] ~= tostring(ver)) then
            return { 0, ver, stored }
          end
        end
        ver = ver + 1
        redis.call('DEL', key)
        redis.call('HSET', key, 'issued', ARGV[1], 'fp', ARGV[2], 'data', ARGV[3], 'prot', ARGV[4], 'ver', ver)
        return { 1, ver, issued }
        """;

    // Marks the pair as deliberately removed (so a restart's write-back does not bring it back).
    private const string ClearScript = """
        local ver = tonumber(redis.call('HGET', KEYS[1], 'ver')) or 0
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'cleared', '1', 'ver', ver + 1)
        return ver + 1
        """;

    private const string ProtectedPrefix = "dp1:";
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

    /// <summary>
    /// Takes the refresh lock shared by every replica of this key (DistributedLock.Redis on <see cref="LockKey"/>),
    /// waiting up to <see cref="RedisTokenStoreOptions.LockTimeout"/>. The lock is extended while held and expires
    /// after <see cref="RedisTokenStoreOptions.LockExpiry"/> if its holder dies. Dispose the handle to release it.
    /// </summary>
    /// <exception cref="FactorialTokenStoreException">Another replica held the lock too long, or Redis could not be reached.</exception>
    public async ValueTask<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken = default)
    {
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var expiry = _options.LockExpiry;
        var distributedLock = new RedisDistributedLock(LockKey, database, lockOptions => lockOptions
            .Expiry(expiry)
            .ExtensionCadence(expiry / 3)
            .MinValidityTime(expiry / 2)
            .BusyWaitSleepTime(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(Math.Clamp(expiry.TotalMilliseconds / 10, 10, 250))));
        RedisDistributedLockHandle? handle;
        try
        {
            // The lock library waits out connection errors as if the lock were taken: ask Redis first (and again after a
            // fruitless wait), so an outage is reported as one within the connection's time-out, not as a held lock.
            await database.KeyExistsAsync(LockKey).WaitAsync(cancellationToken).ConfigureAwait(false);
            handle = await distributedLock.TryAcquireAsync(_options.LockTimeout, cancellationToken).ConfigureAwait(false);
            if (handle is null)
            {
                await database.KeyExistsAsync(LockKey).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            throw Unreachable("lock", ex);
        }

        return handle is null
            ? throw new FactorialTokenStoreException(
                $"Could not take the refresh lock '{LockKey}': another replica held it for more than {_options.LockTimeout.TotalSeconds:0.###} s. Try again later; a replica that died releases it after {expiry.TotalSeconds:0.###} s.")
            : new LockHandle(handle);
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

    private async Task<IDatabase> DatabaseAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _multiplexer) is { } ready)
        {
            return ready.GetDatabase(_options.Database);
        }

        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_multiplexer is null)
            {
                try
                {
                    // With abortConnect=false this returns at once even when Redis is down, and keeps reconnecting.
                    _multiplexer = await ConnectionMultiplexer.ConnectAsync(_configuration!.Clone()).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsRedisFailure(ex))
                {
                    throw Unreachable("connect", ex);
                }
            }

            return _multiplexer.GetDatabase(_options.Database);
        }
        finally
        {
            _connecting.Release();
        }
    }

    private async Task<(bool Written, long Version, long StoredIssued)> RunSaveAsync(IDatabase database, FactorialToken token, string mode, CancellationToken cancellationToken)
    {
        var (data, isProtected) = Encode(token);
        long seen;
        lock (_gate)
        {
            seen = _seenVersion;
        }

        RedisResult result;
        try
        {
            result = await database.ScriptEvaluateAsync(
                SaveScript,
                [Key],
                [token.CreatedAt.ToUnixTimeMilliseconds(), token.Fingerprint, data, isProtected ? "1" : "0", seen.ToString(CultureInfo.InvariantCulture), mode])
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            throw Unreachable("save", ex);
        }

        var parts = (RedisResult[])result!;
        return ((long)parts[0] == 1, (long)parts[1], (long)parts[2]);
    }

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

    private static bool IsRedisFailure(Exception error) => error is RedisException or RedisTimeoutException;

    private FactorialTokenStoreException Unreachable(string operation, Exception error)
    {
        Log.RedisFailed(_logger, Key, operation, error.GetType().Name);
        return new FactorialTokenStoreException(
            $"Could not {operation} the Factorial token in Redis (key '{Key}'): {Describe(error)}. Tokens already in memory keep working; the store retries on the next call and recovers by itself once Redis is reachable.",
            innerException: error);
    }

    private static string Describe(Exception error) => error switch
    {
        RedisConnectionException connection => $"no connection to Redis ({connection.FailureType})",
        RedisTimeoutException => "Redis did not answer in time",
        RedisServerException => "Redis refused the command",
        _ => $"a Redis error ({error.GetType().Name})",
    };

    private (string Data, bool Protected) Encode(FactorialToken token)
    {
        var json = ToJson(token);
        if (_options.DataProtector is not { } protector)
        {
            return (Encoding.UTF8.GetString(json), false);
        }

        return (ProtectedPrefix + Convert.ToBase64String(protector.Protect(json)), true);
    }

    private FactorialToken Decode(string data, bool isProtected)
    {
        byte[] json;
        if (isProtected || data.StartsWith(ProtectedPrefix, StringComparison.Ordinal))
        {
            if (_options.DataProtector is not { } protector)
            {
                throw Corrupt("is protected with ASP.NET Core Data Protection, but this store has no DataProtector: set RedisTokenStoreOptions.DataProtector (same key ring and purpose as the replica that wrote it)", null);
            }

            try
            {
                json = protector.Unprotect(Convert.FromBase64String(data[ProtectedPrefix.Length..]));
            }
            catch (Exception ex) when (ex is CryptographicException or FormatException)
            {
                throw Corrupt("could not be unprotected with this DataProtector (another key ring or purpose?)", ex);
            }
        }
        else
        {
            json = Encoding.UTF8.GetBytes(data);
        }

        return FromJson(json) ?? throw Corrupt("does not hold a complete token pair (access_token, scope and created_at are required)", null);
    }

    private FactorialTokenStoreException Corrupt(string what, Exception? inner) =>
        new($"The token pair in Redis key '{Key}' {what}. It was left untouched: fix it, or authorize again and save a new pair.", innerException: inner);

    private static byte[] ToJson(FactorialToken token)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("access_token", token.AccessToken);
            if (token.RefreshToken is { } refresh)
            {
                writer.WriteString("refresh_token", refresh);
            }

            writer.WriteString("token_type", token.TokenType);
            writer.WriteString("scope", token.Scope.ToOAuthString());
            writer.WriteString("created_at", token.CreatedAt);
            if (token.ExpiresAt is { } expiresAt)
            {
                writer.WriteString("expires_at", expiresAt);
            }

            writer.WriteString("resource_owner", token.ResourceOwner == FactorialResourceOwner.Company ? "company" : "user");
            if (token.ResourceScopes != FactorialResourceScopes.None)
            {
                writer.WriteString("resource_scopes", token.ResourceScopes.ToOAuthString());
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private FactorialToken? FromJson(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var access) || access.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(access.GetString())
                || !root.TryGetProperty("scope", out var scopeText) || !FactorialScopes.TryParse(scopeText.GetString(), out var scope)
                || !root.TryGetProperty("created_at", out var created) || !created.TryGetDateTimeOffset(out var createdAt))
            {
                return null;
            }

            string? refresh = root.TryGetProperty("refresh_token", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            DateTimeOffset? expiresAt = root.TryGetProperty("expires_at", out var e) && e.TryGetDateTimeOffset(out var expires) ? expires : null;
            var type = root.TryGetProperty("token_type", out var t) && t.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetString()) ? t.GetString()! : "Bearer";
            var owner = root.TryGetProperty("resource_owner", out var o) && string.Equals(o.GetString(), "company", StringComparison.OrdinalIgnoreCase)
                ? FactorialResourceOwner.Company
                : FactorialResourceOwner.User;
            // Absent in entries written before resource scopes were kept: none known.
            FactorialScopes.TryParseResources(root.TryGetProperty("resource_scopes", out var rs) && rs.ValueKind == JsonValueKind.String ? rs.GetString() : null, out var resources);
            return new FactorialToken(access.GetString()!, refresh, scope, createdAt, expiresAt, type, owner) { ResourceScopes = resources };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Corrupt("is not valid token JSON", null);
        }
    }

    /// <summary>Releases the distributed lock once; a release that cannot reach Redis leaves it to expire.</summary>
    private sealed class LockHandle(RedisDistributedLockHandle handle) : IAsyncDisposable
    {
        private RedisDistributedLockHandle? _handle = handle;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _handle, null) is not { } held)
            {
                return;
            }

            try
            {
                await held.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (IsRedisFailure(ex))
            {
                // Redis is unreachable: the lock expires by itself after LockExpiry.
            }
        }
    }
}
