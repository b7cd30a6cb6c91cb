using System;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace FactorialGen.Redis;

/// <summary>Settings of a <see cref="RedisTokenStore"/>.</summary>
public sealed class RedisTokenStoreOptions
{
    private TimeSpan _lockExpiry = TimeSpan.FromSeconds(30);
    private TimeSpan _lockTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Protects the token pair at rest: when set, the value kept in Redis is <see cref="IDataProtector.Protect(byte[])"/>
    /// of the pair, so someone who can read Redis cannot use the token. Every replica needs a protector over the same
    /// key ring and purpose (for example <c>provider.CreateProtector("FactorialGen.Redis")</c> with keys persisted to a
    /// shared location). Default: none (the pair is kept as JSON).
    /// </summary>
    public IDataProtector? DataProtector { get; set; }

    /// <summary>The Redis database number; -1 (the default) is the connection's default database.</summary>
    public int Database { get; set; } = -1;

    /// <summary>
    /// How long the refresh lock lives without being extended. The holder extends it while it refreshes; a replica
    /// that dies (kill -9, a lost node) stops extending it, and the others take over after at most this long.
    /// Default: 30 seconds. At least 0.1 second.
    /// </summary>
    public TimeSpan LockExpiry
    {
        get => _lockExpiry;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromMilliseconds(100));
            _lockExpiry = value;
        }
    }

    /// <summary>
    /// The longest <see cref="RedisTokenStore.AcquireLockAsync"/> waits for another replica to release the lock before
    /// it throws <see cref="FactorialTokenStoreException"/>. Default: 60 seconds.
    /// </summary>
    public TimeSpan LockTimeout
    {
        get => _lockTimeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _lockTimeout = value;
        }
    }

    /// <summary>Logs what the store does (fingerprints only, never a token). Optional.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
