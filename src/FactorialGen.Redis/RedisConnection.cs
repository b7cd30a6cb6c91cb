using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace FactorialGen.Redis;

/// <summary>
/// The connection of a <see cref="RedisRequestBudget"/>: one it made from a connection string (connected on first use,
/// reconnecting by itself, closed on dispose) or one the caller owns.
/// </summary>
internal sealed class RedisConnection : IDisposable, IAsyncDisposable
{
    private readonly ConfigurationOptions? _configuration;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnectionMultiplexer? _multiplexer;

    private RedisConnection(ConfigurationOptions? configuration, IConnectionMultiplexer? multiplexer)
    {
        _configuration = configuration;
        _multiplexer = multiplexer;
    }

    /// <summary>The connection, once made.</summary>
    public IConnectionMultiplexer? Current => Volatile.Read(ref _multiplexer);

    public static RedisConnection FromString(string connectionString)
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

        configuration.AbortOnConnectFail = false; // keep trying in the background: recovers when Redis is back
        return new RedisConnection(configuration, null);
    }

    public static RedisConnection FromMultiplexer(IConnectionMultiplexer multiplexer)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        return new RedisConnection(null, multiplexer);
    }

    public static bool IsRedisFailure(Exception error) => error is RedisException or RedisTimeoutException;

    /// <summary>A typed error that says what failed, why (never the connection string) and what to do.</summary>
    public static FactorialRequestBudgetException Unreachable(string what, Exception error, string advice) =>
        new($"{what}: {Describe(error)}. {advice}", error);

    public async ValueTask<IDatabase> DatabaseAsync(int database, string key, CancellationToken cancellationToken)
    {
        if (Current is { } ready)
        {
            return ready.GetDatabase(database);
        }

        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // With abortConnect=false this returns at once even when Redis is down, and keeps reconnecting.
            _multiplexer ??= await ConnectionMultiplexer.ConnectAsync(_configuration!.Clone()).ConfigureAwait(false);
            return _multiplexer.GetDatabase(database);
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            throw Unreachable($"The shared request budget could not connect to Redis (key '{key}')", ex, "Nothing was sent; the connection is retried on the next request.");
        }
        finally
        {
            _connecting.Release();
        }
    }

    public IDatabase Database(int database, string key)
    {
        if (Current is { } ready)
        {
            return ready.GetDatabase(database);
        }

        _connecting.Wait();
        try
        {
            _multiplexer ??= ConnectionMultiplexer.Connect(_configuration!.Clone());
            return _multiplexer.GetDatabase(database);
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            throw Unreachable($"The shared request budget could not connect to Redis (key '{key}')", ex, "Nothing was sent; the connection is retried on the next request.");
        }
        finally
        {
            _connecting.Release();
        }
    }

    public void Dispose()
    {
        if (_configuration is not null)
        {
            Interlocked.Exchange(ref _multiplexer, null)?.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_configuration is not null && Interlocked.Exchange(ref _multiplexer, null) is { } owned)
        {
            await owned.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Describe(Exception error) => error switch
    {
        RedisConnectionException connection => $"no connection to Redis ({connection.FailureType})",
        RedisTimeoutException => "Redis did not answer in time",
        RedisServerException => "Redis refused the command",
        _ => $"a Redis error ({error.GetType().Name})",
    };
}
