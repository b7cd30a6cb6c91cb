using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen;

/// <summary>
/// Keeps a <see cref="FactorialToken"/> between runs. Clients save every rotated token here before using it,
/// so the newest refresh token is never lost.
/// </summary>
/// <remarks>
/// An implementation never puts a token into an exception (message or inner exception), a log line or
/// <see cref="object.ToString"/>: report failures with <see cref="FactorialTokenStoreException"/>, naming the place
/// (a path, a key), not the content.
/// </remarks>
public interface ITokenStore
{
    /// <summary>Returns the stored token, or <see langword="null"/> when none was saved.</summary>
    /// <exception cref="FactorialTokenStoreException">The store holds something that is not a readable token.</exception>
    Task<FactorialToken?> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored token. Completes only once the token is durably kept.</summary>
    /// <exception cref="FactorialTokenStoreException">The token could not be saved.</exception>
    Task SaveAsync(FactorialToken token, CancellationToken cancellationToken = default);

    /// <summary>Removes the stored token (after a revocation, say).</summary>
    Task ClearAsync(CancellationToken cancellationToken = default);
}
