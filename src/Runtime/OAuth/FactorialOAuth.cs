using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;
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
/// <remarks>
/// <para>
/// The requests carry the client secret, authorization keys and refresh tokens, so they never follow a redirect, on any
/// handler: a 3xx answer is a <see cref="FactorialAuthException"/> with <see cref="FactorialAuthException.Error"/>
/// <c>redirect</c> that names the target origin. Each call, answer included, ends within
/// <see cref="FactorialOAuthOptions.Timeout"/> (else <c>timeout</c>).
/// </para>
/// <para>
/// A token answer is checked before anyone can use or save it (else <see cref="FactorialInvalidResponseException"/>):
/// the access token must be visible ASCII and the type Bearer (any letter case); no token field may hold a control
/// character. <c>expires_in</c> must be a positive number of seconds (a fraction is rounded down, more than 365 days is
/// clamped to 365 days). <c>created_at</c> is believed only within 5 minutes of the local clock; otherwise the token
/// counts as issued when the answer arrived, so a server clock hours off never makes a new token look expired.
/// </para>
/// </remarks>
public sealed partial class FactorialOAuth : IDisposable
{
    private readonly IFactorialOAuthApi _api;
    private readonly HttpClient? _ownedHttpClient;
    private readonly HttpMessageHandler _sender;
    private readonly ILogger _logger;
    private readonly object _lifetime = new();
    private int _inFlight;
    private bool _disposed;

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

        Timeout = options.Timeout == System.Threading.Timeout.InfiniteTimeSpan || options.Timeout > TimeSpan.Zero
            ? options.Timeout
            : throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "FactorialOAuthOptions.Timeout must be positive or Timeout.InfiniteTimeSpan.");

        HttpClient httpClient;
        if (options.HttpClient is { } given)
        {
            _sender = CredentialRedirectPolicy.HandlerOf(given)
                ?? throw new ArgumentException("The pipeline of FactorialOAuthOptions.HttpClient cannot be inspected, so it cannot be made not to follow redirects; set FactorialOAuthOptions.HttpMessageHandler instead.", nameof(options));
            ThrowIfFollowsRedirects(_sender, null);
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
            _sender = options.HttpMessageHandler ?? new SocketsHttpHandler { AllowAutoRedirect = false };
            httpClient = new HttpClient(_sender, disposeHandler: options.HttpMessageHandler is null)
            {
                BaseAddress = BaseAddress,
                Timeout = System.Threading.Timeout.InfiniteTimeSpan, // Timeout is enforced per call, body included
                MaxResponseContentBufferSize = OAuthResponseReader.MaxBytes,
            };
            _ownedHttpClient = httpClient;
        }

        ThrowIfFollowsRedirects(_sender, _ownedHttpClient);

        _api = RestService.ForGenerated<IFactorialOAuthApi>(httpClient, FactorialRuntimeJsonContext.Default);
    }

    /// <summary>The OAuth application.</summary>
    public FactorialApp App { get; }

    /// <summary>The host of the OAuth endpoints, with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The clock used for token times.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The longest one OAuth call may take, answer body included (<see cref="FactorialOAuthOptions.Timeout"/>).</summary>
    public TimeSpan Timeout { get; }

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

        return ExchangeCodeAsync(authorizationKey, request.RedirectUri, request.CodeVerifier, request.Scope, request.Resources, request.ResourceOwner, cancellationToken);
    }

    /// <summary>
    /// Exchanges an authorization key with the seed's plain arguments: the app's client id, secret and redirect
    /// URI, and no PKCE verifier (use it for keys from links made elsewhere). The scope is the one the server
    /// reports, or <see cref="FactorialScope.ReadWrite"/> (the seed's default) when it reports none.
    /// </summary>
    /// <exception cref="FactorialAuthException">Factorial refused the key or the client credentials.</exception>
    public Task<FactorialToken> ObtainAccessTokenAsync(string authorizationKey, CancellationToken cancellationToken = default) =>
        ExchangeCodeAsync(authorizationKey, App.RedirectUri, codeVerifier: null, FactorialScope.ReadWrite, FactorialResourceScopes.None, FactorialResourceOwner.User, cancellationToken);

    /// <summary>
    /// Refreshes <paramref name="token"/> (the seed's <c>refresh_access_token</c>). The answer carries a new
    /// refresh token and the old one stops working: save the result before anything else. An answer without a refresh
    /// token keeps the current one (RFC 6749 §6).
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

        return RefreshCoreAsync(token.RefreshToken, token.Scope, token.ResourceScopes, token.ResourceOwner, cancellationToken);
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
        return RefreshCoreAsync(refreshToken, FactorialScope.ReadWrite, FactorialResourceScopes.None, FactorialResourceOwner.User, cancellationToken);
    }

    /// <summary>
    /// Revokes the token pair at Factorial (<c>POST /oauth/revoke</c>): its refresh token when it has one, else
    /// its access token. Remove it from your store afterwards.
    /// </summary>
    /// <exception cref="FactorialAuthException">Factorial refused the revocation, redirected it, or did not answer in time.</exception>
    public async Task RevokeAsync(FactorialToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var form = ClientForm();
        form["token"] = token.RefreshToken ?? token.AccessToken;
        form["token_type_hint"] = token.RefreshToken is null ? "access_token" : "refresh_token";
        var answer = await PostAsync("revoke", form, cancellationToken).ConfigureAwait(false);
        if (!IsSuccess(answer.Status))
        {
            var (error, description) = ErrorOf(answer, form);
            throw new FactorialAuthException($"Factorial refused to revoke the token ({(int)answer.Status} {error ?? answer.Status.ToString()}).", error, description, answer.Status);
        }
    }

    /// <summary>
    /// Releases the HTTP client this flow created. A call still in flight (a refresh whose answer rotates the refresh
    /// token) is not cut off: the client is released when it ends, so its answer can still be saved.
    /// </summary>
    public void Dispose()
    {
        lock (_lifetime)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_inFlight > 0)
            {
                return; // the last call in flight releases the client
            }
        }

        _ownedHttpClient?.Dispose();
    }

    private async Task<FactorialToken> ExchangeCodeAsync(string authorizationKey, string redirectUri, string? codeVerifier, FactorialScope requestedScope, FactorialResourceScopes requestedResources, FactorialResourceOwner owner, CancellationToken cancellationToken)
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

        var token = await RequestTokenAsync(form, "authorization_code", requestedScope, requestedResources, owner, cancellationToken).ConfigureAwait(false);
        Log.TokenObtained(_logger, token.Fingerprint, token.Scope.ToOAuthString());
        return token;
    }

    private Task<FactorialToken> RefreshCoreAsync(string refreshToken, FactorialScope knownScope, FactorialResourceScopes knownResources, FactorialResourceOwner owner, CancellationToken cancellationToken)
    {
        var form = ClientForm();
        form["grant_type"] = "refresh_token";
        form["refresh_token"] = refreshToken;
        return RequestTokenAsync(form, "refresh_token", knownScope, knownResources, owner, cancellationToken);
    }

    private Dictionary<string, string> ClientForm() => new(StringComparer.Ordinal)
    {
        ["client_id"] = App.ClientId,
        ["client_secret"] = App.ClientSecret,
    };

    private async Task<FactorialToken> RequestTokenAsync(Dictionary<string, string> form, string grantType, FactorialScope fallbackScope, FactorialResourceScopes fallbackResources, FactorialResourceOwner owner, CancellationToken cancellationToken)
    {
        var answer = await PostAsync("token", form, cancellationToken).ConfigureAwait(false);
        if (!IsSuccess(answer.Status))
        {
            var (error, description) = ErrorOf(answer, form);
            Log.TokenRequestFailed(_logger, grantType, (int)answer.Status, error);
            throw TokenError(grantType, answer.Status, error, description);
        }

        form.TryGetValue("refresh_token", out var currentRefreshToken);
        return TokenAnswer.Parse(answer.Body, answer.Status, "/oauth/token", currentRefreshToken, fallbackScope, fallbackResources, owner, TimeProvider.GetUtcNow());
    }
}
