using System;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen;

/// <summary>
/// Implemented by a token store that several clients — in this process or in others — may share. While a client
/// holds the lock it re-reads the store, refreshes if nobody else did, and saves the rotated token; another client
/// waiting for the lock then finds that token in the store and adopts it instead of spending the refresh token
/// again (which Factorial would refuse, since every refresh token works once).
/// </summary>
/// <remarks>
/// <see cref="FactorialTokenSource"/> takes the lock around every refresh when its store implements this interface.
/// <see cref="FileTokenStore"/> implements it with an operating-system lock on a file beside the token file, so the
/// guarantee holds between processes. Implement it on your own store (a database row lock, a distributed lock) to
/// get the same guarantee there.
/// </remarks>
public interface ITokenStoreLock
{
    /// <summary>
    /// Waits for the store's exclusive lock and returns a handle that releases it when disposed. The wait is
    /// bounded: a store that cannot get its lock in reasonable time throws instead of waiting forever.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="FactorialTokenStoreException">The lock could not be taken (held too long by another client, or not creatable).</exception>
    ValueTask<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken = default);
}
