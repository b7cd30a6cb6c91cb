using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Json;
using FactorialGen.Logging;
using FactorialGen.OAuth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace FactorialGen;

/// <summary>
/// The OAuth 2.0 authorization-code flow of Factorial: make the authorization link, exchange the authorization
/// key for a token, refresh (with rotation) and revoke. The HTTP calls go through a Refit interface.
/// </summary>
/// <example>
/// <code>
/// var oauth = new FactorialOAuth(new FactorialApp(clientId, clientSecret, redirectUri));
/// var request = oauth.Authorize(FactorialScope.Read);
/// Console.WriteLine(request.Url);
/// var token = await oauth.ObtainAccessTokenAsync(request, Console.ReadLine()!);
/// </code>
/// </example>
public sealed class FactorialOAuth : IDisposable
{
    private readonly IFactorialOAuthApi _api;
    private readonly HttpClient? _ownedHttpClient;
    private readonly ILogger _logger;

    /// <summary>Creates the OAuth flow for <paramref name="app"/>.</summary>
    /// <exception cref="ArgumentException">The app has an empty field, or the base address is neither HTTPS nor loopback.</exception>
    public FactorialOAuth(FactorialApp app, FactorialOAuthOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Validate();
        options ??= new FactorialOAuthOptions();
        App = app;
        BaseAddress = BaseAddressPolicy.Validate(options.BaseAddress, nameof(options.BaseAddress));
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        _logger = options.LoggerFactory?.CreateLogger<FactorialOAuth>() ?? NullLogger<FactorialOAuth>.Instance;

        HttpClient httpClient;
        if (options.HttpClient is { } given)
        {
            if (given.BaseAddress is null)
            {
                given.BaseAddress = BaseAddress;
            }
            else if (!BaseAddressPolicy.IsSameOrigin(BaseAddress, given.BaseAddress))
            {
                throw new ArgumentException("The HttpClient's BaseAddress differs from FactorialOAuthOptions.BaseAddress.", nameof(options));
            }

            httpClient = given;
        }
        else
        {
            // Answers are read through a guard: size-limited, time-limited, and cancellable whatever Refit passes on.
            httpClient = new HttpClient(
                new OAuthResponseGuard(options.HttpMessageHandler ?? new SocketsHttpHandler { AllowAutoRedirect = false }, ownsInner: options.HttpMessageHandler is null),
                disposeHandler: true);
            httpClient.BaseAddress = BaseAddress;
            _ownedHttpClient = httpClient;
        }

        _api = RestService.ForGenerated<IFactorialOAuthApi>(httpClient, FactorialRuntimeJsonContext.Default);
    }

    /// <summary>The OAuth application.</summary>
    public FactorialApp App { get; }

    /// <summary>The host of the OAuth endpoints, with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The clock used for token times.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// Makes the link the user opens to grant <paramref name="scope"/> (the seed's <c>authorize</c>), with a fresh
    /// <c>state</c> and a PKCE S256 challenge. Nothing is sent.
    /// </summary>
    public FactorialAuthorizationRequest Authorize(FactorialScope scope = FactorialScope.ReadWrite) =>
        Authorize(scope, FactorialResourceOwner.User);

    /// <summary>
    /// Makes the authorization link; with <see cref="FactorialResourceOwner.Company"/> it asks for a company token
    /// (<c>resource_owner_type=company</c>), which may come without expiry.
    /// </summary>
    public FactorialAuthorizationRequest Authorize(FactorialScope scope, FactorialResourceOwner resourceOwner)
    {
        var scopeText = scope.ToOAuthString();
        var state = Pkce.NewState();
        var verifier = Pkce.NewVerifier();
        var query = new StringBuilder("oauth/authorize?client_id=").Append(Uri.EscapeDataString(App.ClientId))
            .Append("&redirect_uri=").Append(Uri.EscapeDataString(App.RedirectUri))
            .Append("&response_type=code")
            .Append("&scope=").Append(Uri.EscapeDataString(scopeText))
            .Append("&state=").Append(state)
            .Append("&code_challenge=").Append(Pkce.ChallengeOf(verifier))
            .Append("&code_challenge_method=S256");
        if (resourceOwner == FactorialResourceOwner.Company)
        {
            query.Append("&resource_owner_type=company");
        }

        Log.AuthorizationLinkCreated(_logger, scopeText, resourceOwner);
        return new FactorialAuthorizationRequest(new Uri(BaseAddress, query.ToString()), scope, state, verifier, App.RedirectUri, App.ClientId, resourceOwner, TimeProvider.GetUtcNow());
    }

    /// <summary>
    /// Exchanges the authorization key the user got (the <c>code</c>) for a token (the seed's
    /// <c>obtain_access_token</c>). Exchanging the same key again before it expires returns the same token.
    /// </summary>
    /// <exception cref="FactorialAuthException">Factorial refused the key (wrong, expired or used) or the client credentials.</exception>
    /// <exception cref="FactorialInvalidResponseException">Factorial's answer was not a token.</exception>
    public Task<FactorialToken> ObtainAccessTokenAsync(FactorialAuthorizationRequest request, string authorizationKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.ClientId, App.ClientId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The authorization request was made for another client id.", nameof(request));
        }

        return ExchangeCodeAsync(authorizationKey, request.RedirectUri, request.CodeVerifier, request.Scope, request.ResourceOwner, cancellationToken);
    }

    /// <summary>
    /// Exchanges an authorization key with the seed's plain arguments: the app's client id, secret and redirect
    /// URI, and no PKCE verifier (use it for keys from links made elsewhere). The scope is the one the server
    /// reports, or <see cref="FactorialScope.ReadWrite"/> (the seed's default) when it reports none.
    /// </summary>
    /// <exception cref="FactorialAuthException">Factorial refused the key or the client credentials.</exception>
    public Task<FactorialToken> ObtainAccessTokenAsync(string authorizationKey, CancellationToken cancellationToken = default) =>
        ExchangeCodeAsync(authorizationKey, App.RedirectUri, codeVerifier: null, FactorialScope.ReadWrite, FactorialResourceOwner.User, cancellationToken);

    /// <summary>
    /// Refreshes <paramref name="token"/> (the seed's <c>refresh_access_token</c>). The answer carries a new
    /// refresh token and the old one stops working: save the result before anything else.
    /// </summary>
    /// <exception cref="FactorialReauthorizationRequiredException">The token has no refresh token, or Factorial refused it.</exception>
    /// <exception cref="FactorialAuthException">The refresh failed for another reason (network, server error); it may work later.</exception>
    public Task<FactorialToken> RefreshAccessTokenAsync(FactorialToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.RefreshToken is null)
        {
            throw new FactorialReauthorizationRequiredException("The token has no refresh token, so it cannot be refreshed: authorize the application again.");
        }

        return RefreshCoreAsync(token.RefreshToken, token.Scope, token.ResourceOwner, cancellationToken);
    }

    /// <summary>
    /// Refreshes with a bare refresh token. The scope is the one the server reports, or
    /// <see cref="FactorialScope.ReadWrite"/> when it reports none; prefer the <see cref="FactorialToken"/> overload.
    /// </summary>
    /// <exception cref="FactorialReauthorizationRequiredException">Factorial refused the refresh token.</exception>
    /// <exception cref="FactorialAuthException">The refresh failed for another reason; it may work later.</exception>
    public Task<FactorialToken> RefreshAccessTokenAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        return RefreshCoreAsync(refreshToken, FactorialScope.ReadWrite, FactorialResourceOwner.User, cancellationToken);
    }

    /// <summary>
    /// Revokes the token pair at Factorial (<c>POST /oauth/revoke</c>): its refresh token when it has one, else
    /// its access token. Remove it from your store afterwards.
    /// </summary>
    /// <exception cref="FactorialAuthException">Factorial refused the revocation.</exception>
    public async Task RevokeAsync(FactorialToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var form = ClientForm();
        form["token"] = token.RefreshToken ?? token.AccessToken;
        form["token_type_hint"] = token.RefreshToken is null ? "access_token" : "refresh_token";
        IApiResponse<string> response;
        try
        {
            OAuthResponseGuard.CallerCancellation.Value = cancellationToken;
            response = await _api.RevokeAsync(form, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new FactorialAuthException("Could not reach Factorial's revoke endpoint.", innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FactorialAuthException("Factorial's revoke endpoint did not answer in time; try again later.", "timeout", innerException: ex);
        }
        catch (IOException ex)
        {
            throw BodyError("revoke", null, ex);
        }

        using (response)
        {
            ThrowIfBodyBroke(response, "revoke", cancellationToken);
            ThrowIfNotReceived(response, "revoke");
            if (!response.IsSuccessStatusCode)
            {
                cancellationToken.ThrowIfCancellationRequested(); // Refit drops a cancelled read of the error body
                var status = response.StatusCode.GetValueOrDefault();
                var (error, description) = ErrorBody.Parse(ErrorContentOf(response));
                throw new FactorialAuthException($"Factorial refused to revoke the token ({(int)status} {error ?? status.ToString()}).", error, description, status);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _ownedHttpClient?.Dispose();

    private async Task<FactorialToken> ExchangeCodeAsync(string authorizationKey, string redirectUri, string? codeVerifier, FactorialScope requestedScope, FactorialResourceOwner owner, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationKey))
        {
            throw new FactorialAuthException("The authorization key is empty: paste the key the browser showed after you approved access.", "invalid_request");
        }

        var form = ClientForm();
        form["grant_type"] = "authorization_code";
        form["code"] = authorizationKey.Trim();
        form["redirect_uri"] = redirectUri;
        if (codeVerifier is not null)
        {
            form["code_verifier"] = codeVerifier;
        }

        var token = await RequestTokenAsync(form, "authorization_code", requestedScope, owner, cancellationToken).ConfigureAwait(false);
        Log.TokenObtained(_logger, token.Fingerprint, token.Scope.ToOAuthString());
        return token;
    }

    private Task<FactorialToken> RefreshCoreAsync(string refreshToken, FactorialScope knownScope, FactorialResourceOwner owner, CancellationToken cancellationToken)
    {
        var form = ClientForm();
        form["grant_type"] = "refresh_token";
        form["refresh_token"] = refreshToken;
        return RequestTokenAsync(form, "refresh_token", knownScope, owner, cancellationToken);
    }

    private Dictionary<string, string> ClientForm() => new(StringComparer.Ordinal)
    {
        ["client_id"] = App.ClientId,
        ["client_secret"] = App.ClientSecret,
    };

    private async Task<FactorialToken> RequestTokenAsync(Dictionary<string, string> form, string grantType, FactorialScope fallbackScope, FactorialResourceOwner owner, CancellationToken cancellationToken)
    {
        IApiResponse<TokenResponse> response;
        try
        {
            OAuthResponseGuard.CallerCancellation.Value = cancellationToken;
            response = await _api.RequestTokenAsync(form, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new FactorialAuthException("Could not reach Factorial's token endpoint; try again later.", innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FactorialAuthException("Factorial's token endpoint did not answer in time; try again later.", "timeout", innerException: ex);
        }
        catch (IOException ex)
        {
            throw BodyError("token", null, ex);
        }

        using (response)
        {
            ThrowIfBodyBroke(response, "token", cancellationToken);
            ThrowIfNotReceived(response, "token");
            var status = response.StatusCode.GetValueOrDefault();
            if (!response.IsSuccessStatusCode)
            {
                cancellationToken.ThrowIfCancellationRequested(); // Refit drops a cancelled read of the error body
                var (error, description) = ErrorBody.Parse(ErrorContentOf(response));
                Log.TokenRequestFailed(_logger, grantType, (int)status, error);
                throw TokenError(grantType, status, error, description);
            }

            var body = response.Error is null ? response.Content : null;
            if (body?.AccessToken is not { Length: > 0 } accessToken)
            {
                throw new FactorialInvalidResponseException("Factorial's token endpoint answered without an access token", status, "POST", "/oauth/token", response.Error);
            }

            var now = TimeProvider.GetUtcNow();
            var createdAt = body.CreatedAt is { } unix and > 0 ? DateTimeOffset.FromUnixTimeSeconds(unix) : now;
            DateTimeOffset? expiresAt = body.ExpiresIn is { } seconds and > 0 ? createdAt.AddSeconds(seconds) : null;
            var scope = FactorialScopes.TryParse(body.Scope, out var granted) ? granted : fallbackScope;
            return new FactorialToken(accessToken, body.RefreshToken, scope, createdAt, expiresAt, string.IsNullOrWhiteSpace(body.TokenType) ? "Bearer" : body.TokenType, owner);
        }
    }

    /// <summary>Refit keeps an error met while reading the body in the response: a time-out or an oversized or broken body.</summary>
    private static void ThrowIfBodyBroke(IApiResponse response, string endpoint, CancellationToken cancellationToken)
    {
        for (var error = response.Error?.InnerException; error is not null; error = error.InnerException)
        {
            if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The caller cancelled while the answer was being read.", error, cancellationToken);
            }

            if (error is OperationCanceledException or IOException)
            {
                throw BodyError(endpoint, response.StatusCode, error);
            }
        }
    }

    private static FactorialException BodyError(string endpoint, HttpStatusCode? status, Exception error) => error switch
    {
        ResponseTooLargeException => new FactorialInvalidResponseException(
            $"Factorial's {endpoint} endpoint answered with more than {OAuthResponseGuard.MaxBytes} bytes", status ?? HttpStatusCode.OK, "POST", $"/oauth/{endpoint}", error),
        OperationCanceledException => new FactorialAuthException($"Factorial's {endpoint} endpoint did not finish its answer in time; try again later.", "timeout", statusCode: status, innerException: error),
        _ => new FactorialAuthException($"Factorial's {endpoint} endpoint broke off its answer; try again later.", statusCode: status, innerException: error),
    };

    private static void ThrowIfNotReceived(IApiResponse response, string endpoint)
    {
        if (!response.IsReceived)
        {
            throw new FactorialAuthException($"Could not reach Factorial's {endpoint} endpoint; try again later.", innerException: response.Error);
        }
    }

    private static string? ErrorContentOf(IApiResponse response) =>
        response.HasResponseError(out var error) ? error.Content : null;

    private static FactorialAuthException TokenError(string grantType, HttpStatusCode status, string? error, string? description)
    {
        var code = (int)status;
        if (grantType == "refresh_token" && error is "invalid_grant" or "invalid_token" or "unauthorized_client")
        {
            return new FactorialReauthorizationRequiredException(
                $"Factorial refused the refresh token ({code} {error}): it was revoked, expired or already used. Authorize the application again.",
                error, description, status);
        }

        var what = error switch
        {
            "invalid_grant" => "the authorization key is wrong, expired or already used, or the redirect URI differs from the one in the link",
            "invalid_client" => "the client id or client secret is wrong",
            "invalid_request" => "the request was incomplete",
            "unauthorized_client" or "unsupported_grant_type" => "this application may not use this grant",
            _ => code >= 500 ? "the server had a problem; try again later" : "the request was not accepted",
        };

        return new FactorialAuthException($"Factorial's token endpoint answered {code} {error ?? status.ToString()}: {what}.", error, description, status);
    }
}
