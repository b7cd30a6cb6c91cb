using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Json;
using Refit;

namespace FactorialGen.OAuth;

/// <summary>Factorial's OAuth endpoints, as a Refit interface (form-encoded bodies, RFC 6749 / RFC 7009).</summary>
internal interface IFactorialOAuthApi
{
    /// <summary><c>POST /oauth/token</c>: exchanges an authorization code or a refresh token for a token pair.</summary>
    [Post("/oauth/token")]
    Task<IApiResponse<TokenResponse>> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken);

    /// <summary><c>POST /oauth/revoke</c>: revokes an access or refresh token.</summary>
    [Post("/oauth/revoke")]
    Task<IApiResponse<string>> RevokeAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken);
}
