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
public sealed class FactorialOAuth : IDisposable
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
    /// Makes the link the user opens to grant <paramref name="scope"/> (the seed's <c>authorize</c>), with a fresh
    /// <c>state</c> and a PKCE S256 challenge. Nothing is sent.
    /// </summary>
    public FactorialAuthorizationRequest Authorize(FactorialScope scope = FactorialScope.ReadWrite) =>
        Authorize(scope, FactorialResourceOwner.User);

    /// <summary>
    /// Makes the authorization link; with <see cref="FactorialResourceOwner.Company"/> it asks for a company token
    /// (<c>resource_owner_type=company</c>), which may come without expiry.
    /// </summary>
    public FactorialAuthorizationRequest Authorize(FactorialScope scope, FactorialResourceOwner resourceOwner) =>
        Authorize(scope, FactorialResourceScopes.None, resourceOwner);

    /// <summary>
    /// Makes the authorization link for Factorial's resource scopes: <c>scope=</c> lists <paramref name="resources"/>
    /// (e.g. <c>employees time_tracking</c>) after the read/write scope.
    /// </summary>
    /// <param name="scope">The read/write scope asked for.</param>
    /// <param name="resources">The resource scopes asked for; <see cref="FactorialResourceScopes.None"/> asks for none.</param>
    /// <param name="resourceOwner">Whether a user token or a company token is asked for.</param>
    public FactorialAuthorizationRequest Authorize(FactorialScope scope, FactorialResourceScopes resources, FactorialResourceOwner resourceOwner = FactorialResourceOwner.User)
    {
        var scopeText = resources == FactorialResourceScopes.None ? scope.ToOAuthString() : scope.ToOAuthString() + " " + resources.ToOAuthString();
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
        return new FactorialAuthorizationRequest(new Uri(BaseAddress, query.ToString()), scope, state, verifier, App.RedirectUri, App.ClientId, resourceOwner, TimeProvider.GetUtcNow())
        {
            Resources = resources,
        };
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

    /// <summary>
    /// Sends a form that carries credentials and reads the whole answer, within <see cref="Timeout"/>. Never follows a
    /// redirect: the handler is checked before sending, and a 3xx answer (or an answer from another origin) is an error.
    /// </summary>
    private async Task<OAuthAnswer> PostAsync(string endpoint, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            if (CredentialRedirectPolicy.SwitchOff(_sender) is { } why)
            {
                throw new FactorialAuthException($"Not sent to Factorial's {endpoint} endpoint: {why}. Requests that carry credentials must never follow a redirect.", "redirect_not_allowed");
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                deadline.CancelAfter(Timeout);
            }

            try
            {
                var sending = UnwrapAsync(endpoint == "token" ? _api.RequestTokenAsync(form, deadline.Token) : _api.RevokeAsync(form, deadline.Token), endpoint);
                using var response = await OAuthResponseReader.WithinAsync(sending, deadline.Token).ConfigureAwait(false);
                ThrowIfRedirected(response, endpoint);
                var body = await OAuthResponseReader.ReadAsync(response, deadline.Token).ConfigureAwait(false);
                return new OAuthAnswer(response.StatusCode, body);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                throw new FactorialAuthException($"Factorial's {endpoint} endpoint did not answer within {Seconds(Timeout)} s (FactorialOAuthOptions.Timeout); try again later.", "timeout", innerException: ex);
            }
            catch (ResponseTooLargeException ex)
            {
                throw new FactorialInvalidResponseException($"Factorial's {endpoint} endpoint answered with more than {OAuthResponseReader.MaxBytes} bytes", HttpStatusCode.OK, "POST", $"/oauth/{endpoint}", ex);
            }
            catch (HttpRequestException ex)
            {
                throw new FactorialAuthException($"Could not reach Factorial's {endpoint} endpoint; try again later.", statusCode: ex.StatusCode, innerException: ex);
            }
            catch (IOException ex)
            {
                throw new FactorialAuthException($"Factorial's {endpoint} endpoint broke off its answer; try again later.", innerException: ex);
            }
        }
        finally
        {
            Exit();
        }
    }

    private static void ThrowIfFollowsRedirects(HttpMessageHandler handler, HttpClient? owned)
    {
        if (CredentialRedirectPolicy.SwitchOff(handler) is { } why)
        {
            owned?.Dispose();
            throw new ArgumentException(
                $"The HTTP handler given for the OAuth requests cannot be used: {why}. These requests carry the client secret, authorization keys and refresh tokens, which must never follow a redirect: give FactorialOAuth a handler with AllowAutoRedirect = false.",
                "options");
        }
    }

    /// <summary>
    /// Refit wraps what sending threw in an <see cref="ApiRequestException"/> that holds the live request, whose form
    /// carries the secrets: it never becomes an inner exception. What it wrapped is rethrown as it was.
    /// </summary>
    private static async Task<HttpResponseMessage> UnwrapAsync(Task<HttpResponseMessage> sending, string endpoint)
    {
        try
        {
            return await sending.ConfigureAwait(false);
        }
        catch (ApiRequestException ex)
        {
            if (ex.InnerException is { } inner)
            {
                ExceptionDispatchInfo.Capture(inner).Throw();
            }

            throw new FactorialAuthException($"Could not reach Factorial's {endpoint} endpoint; try again later.");
        }
    }

    private void ThrowIfRedirected(HttpResponseMessage response, string endpoint)
    {
        var sentTo = new Uri(BaseAddress, $"oauth/{endpoint}");
        if (CredentialRedirectPolicy.IsRedirect(response.StatusCode))
        {
            var target = CredentialRedirectPolicy.TargetOf(response, sentTo);
            throw new FactorialAuthException(
                $"Factorial's {endpoint} endpoint answered {(int)response.StatusCode} redirecting to {target}. Requests that carry credentials never follow redirects, so nothing was sent there; check FactorialOAuthOptions.BaseAddress.",
                "redirect",
                statusCode: response.StatusCode);
        }

        if (response.RequestMessage?.RequestUri is { } answeredFor && !BaseAddressPolicy.IsSameOrigin(BaseAddress, answeredFor))
        {
            // A handler we cannot see followed a redirect: too late to keep the secret home, but never use the answer.
            throw new FactorialAuthException(
                $"The answer to the {endpoint} request came from {BaseAddressPolicy.Describe(answeredFor)}, not from {BaseAddressPolicy.Describe(BaseAddress)}: a handler in the pipeline follows redirects. Treat the credentials sent as exposed, and use a handler with AllowAutoRedirect = false.",
                "redirect",
                statusCode: response.StatusCode);
        }
    }

    private void Enter()
    {
        lock (_lifetime)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _inFlight++;
        }
    }

    private void Exit()
    {
        lock (_lifetime)
        {
            if (--_inFlight > 0 || !_disposed)
            {
                return;
            }
        }

        _ownedHttpClient?.Dispose();
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The OAuth error code and description of an error answer, with every credential the request carried blanked out
    /// (a hostile server may echo them back) and control characters removed, so they are safe in messages and logs.
    /// </summary>
    private static (string? Error, string? Description) ErrorOf(OAuthAnswer answer, Dictionary<string, string> form)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(answer.Body);
        }
        catch (ArgumentException)
        {
            return (null, null);
        }

        var (error, description) = ErrorBody.Parse(text);
        return (Clean(error, form, 100), Clean(description, form, 1000));
    }

    private static string? Clean(string? text, Dictionary<string, string> form, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var key in SecretFields)
        {
            if (form.TryGetValue(key, out var secret) && secret.Length > 0)
            {
                text = text.Replace(secret, Secrets.Redacted, StringComparison.Ordinal);
            }
        }

        var clean = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text)
        {
            if (clean.Length == maxLength)
            {
                break;
            }

            clean.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        return clean.ToString();
    }

    private static readonly string[] SecretFields = ["client_secret", "code", "refresh_token", "token", "code_verifier"];

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

    /// <summary>An OAuth answer: its status and its whole body (at most 1 MiB).</summary>
    private readonly record struct OAuthAnswer(HttpStatusCode Status, ArraySegment<byte> Body);
}
