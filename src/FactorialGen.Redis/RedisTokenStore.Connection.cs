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

// Reaching Redis: connecting on first use, the distributed lock, and turning Redis failures into store exceptions.
public sealed partial class RedisTokenStore
{
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
