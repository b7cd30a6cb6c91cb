using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace FactorialGen.OAuth;

/// <summary>
/// Factorial's OAuth endpoints, as a Refit interface (form-encoded bodies, RFC 6749 / RFC 7009). The raw answer comes
/// back (headers read, body not): <see cref="FactorialOAuth"/> checks for redirects and reads the body itself, bounded in
/// size and time, so no answer text ever lands in a Refit exception.
/// </summary>
internal interface IFactorialOAuthApi
{
    /// <summary><c>POST /oauth/token</c>: exchanges an authorization code or a refresh token for a token pair.</summary>
    [Post("/oauth/token")]
    Task<HttpResponseMessage> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken);

    /// <summary><c>POST /oauth/revoke</c>: revokes an access or refresh token.</summary>
    [Post("/oauth/revoke")]
    Task<HttpResponseMessage> RevokeAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken);
}
