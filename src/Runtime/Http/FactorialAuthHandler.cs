using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactorialGen;

/// <summary>
/// Adds Factorial credentials to each request: a bearer token from a <see cref="FactorialTokenSource"/> (refreshed
/// ahead of expiry, and once more after a 401, then the request is retried once) or an API key in
/// <c>x-api-key</c>. Refuses, before sending, a request whose operation needs a scope the credentials lack (a read/write
/// scope, or a Factorial resource scope a token with known resource scopes lacks), and a
/// request to any host other than the configured API host.
/// </summary>
/// <remarks>
/// <para>
/// Credentials never follow a redirect: the handler under this one is made not to follow them (or refused when it
/// already sent requests with redirects on), and a 3xx answer becomes a <see cref="FactorialApiException"/> with
/// <see cref="FactorialApiException.ErrorCode"/> <c>redirect</c> that names the target origin.
/// </para>
/// <para>
/// A call costs at most one refresh: a 401 to a token renewed for this very call, or to the token the retry used,
/// is a <see cref="FactorialAuthException"/> (status 401) with no further refresh, and the token source holds back
/// refreshes of a token the server rejected when fresh (see <see cref="FactorialTokenSource.RefreshAfterRejectionAsync"/>).
/// </para>
/// </remarks>
public sealed class FactorialAuthHandler : DelegatingHandler
{
    private readonly FactorialTokenSource? _tokens;
    private readonly FactorialApiKey? _apiKey;
    private readonly Uri _apiBaseAddress;
    private readonly ILogger _logger;

    // The Authorization header of the token in use, built once per token rather than once per request. The header
    // value is immutable, so concurrent requests can share it.
    private AuthorizationHeader? _authorization;
    private int _redirectsChecked;

    /// <summary>Authenticates with OAuth tokens from <paramref name="tokenSource"/>.</summary>
    /// <param name="tokenSource">Supplies (and refreshes) the bearer token.</param>
    /// <param name="apiBaseAddress">The only origin credentials are sent to.</param>
    /// <param name="loggerFactory">Optional logging (fingerprints only).</param>
    public FactorialAuthHandler(FactorialTokenSource tokenSource, Uri apiBaseAddress, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(tokenSource);
        _tokens = tokenSource;
        _apiBaseAddress = BaseAddressPolicy.Validate(apiBaseAddress, nameof(apiBaseAddress));
        _logger = loggerFactory?.CreateLogger<FactorialAuthHandler>() ?? NullLogger<FactorialAuthHandler>.Instance;
    }

    /// <summary>Authenticates with a company API key.</summary>
    /// <param name="apiKey">Sent in the <c>x-api-key</c> header.</param>
    /// <param name="apiBaseAddress">The only origin the key is sent to.</param>
    public FactorialAuthHandler(FactorialApiKey apiKey, Uri apiBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        _apiKey = apiKey;
        _apiBaseAddress = BaseAddressPolicy.Validate(apiBaseAddress, nameof(apiBaseAddress));
        _logger = NullLogger<FactorialAuthHandler>.Instance;
    }

    /// <summary>The token source, when authenticating with OAuth tokens.</summary>
    public FactorialTokenSource? TokenSource => _tokens;

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsApiOrigin(request.RequestUri))
        {
            return Task.FromException<HttpResponseMessage>(new FactorialException(
                $"Refusing to send Factorial credentials to '{BaseAddressPolicy.Describe(request.RequestUri)}': only '{BaseAddressPolicy.Describe(_apiBaseAddress)}' receives them."));
        }

        if (Volatile.Read(ref _redirectsChecked) == 0)
        {
            SwitchOffRedirects();
        }

        if (_apiKey is not null)
        {
            // The API key never changes and covers every scope: no await, no state machine when the answer is no redirect.
            request.Headers.Remove("x-api-key");
            request.Headers.TryAddWithoutValidation("x-api-key", _apiKey.Value);
            var sending = base.SendAsync(request, cancellationToken);
#pragma warning disable RS0030 // Result only after IsCompletedSuccessfully: it never blocks
            return sending.IsCompletedSuccessfully && !CredentialRedirectPolicy.IsRedirect(sending.Result.StatusCode) && IsFromApiOrigin(sending.Result)
                ? sending
                : CheckedAsync(sending, request);
#pragma warning restore RS0030
        }

        return SendWithTokenAsync(request, cancellationToken);
    }

    /// <summary>
    /// Credentials must never follow a redirect to another host: .NET drops <c>Authorization</c> on redirects but
    /// re-sends custom headers such as <c>x-api-key</c>. So the handler at the bottom of the chain is told not to follow
    /// redirects (a 3xx then comes back, and becomes a typed error); one already in use that follows them is refused.
    /// </summary>
    private void SwitchOffRedirects()
    {
        if (CredentialRedirectPolicy.SwitchOff(InnerHandler) is { } why)
        {
            throw new FactorialException(
                $"The HTTP handler under FactorialAuthHandler cannot be used: {why}, and credentials could follow a redirect to another host. Give it AllowAutoRedirect = false.");
        }

        Volatile.Write(ref _redirectsChecked, 1);
    }

    private async Task<HttpResponseMessage> CheckedAsync(Task<HttpResponseMessage> sending, HttpRequestMessage request)
    {
        var response = await sending.ConfigureAwait(false);
        ThrowIfRedirected(response, request);
        return response;
    }

    /// <summary>A 3xx answer, or an answer that came from elsewhere, becomes a typed error naming the target origin (never a secret).</summary>
    private void ThrowIfRedirected(HttpResponseMessage response, HttpRequestMessage request)
    {
        if (CredentialRedirectPolicy.IsRedirect(response.StatusCode))
        {
            var target = CredentialRedirectPolicy.TargetOf(response, request.RequestUri!);
            response.Dispose();
            throw new FactorialApiException(
                response.StatusCode,
                request.Method.Method,
                PathOf(request),
                "redirect",
                $"the API redirected to {target}; requests that carry credentials never follow redirects, so nothing was sent there. Check FactorialClientOptions.BaseAddress",
                responseBody: null);
        }

        if (!IsFromApiOrigin(response))
        {
            var origin = BaseAddressPolicy.Describe(response.RequestMessage?.RequestUri);
            response.Dispose();
            throw new FactorialApiException(
                response.StatusCode,
                request.Method.Method,
                PathOf(request),
                "redirect",
                $"the answer came from {origin}: a handler in the pipeline follows redirects. Treat the credentials sent as exposed, and use a handler with AllowAutoRedirect = false",
                responseBody: null);
        }
    }

    private bool IsFromApiOrigin(HttpResponseMessage response) =>
        response.RequestMessage?.RequestUri is not { } answeredFor || IsApiOrigin(answeredFor);

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tokens = _tokens!;
        var before = tokens.Current;
        var generation = tokens.Generation;
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);

        // Whether the token was renewed while this call waited for it (not merely replaced after it was sent).
        var renewedForThisCall = before is null ? tokens.Generation != generation : !ReferenceEquals(before, token);
        ScopeGuard.ThrowIfMissing(request, token);

        // A 401 means sending the body again. Contents that re-serialize from memory (ByteArrayContent and its
        // subclasses, ReadOnlyMemoryContent: every JSON body the request layer builds) can simply be sent twice; any
        // other content (a stream, multipart with streams) is buffered inside the content object before the first send.
        if (request.Content is { } content && content is not (ByteArrayContent or ReadOnlyMemoryContent))
        {
            await content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        Authorize(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        ThrowIfRedirected(response, request);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // A token renewed for this very call (a refresh landed since it started) and rejected at once: another
        // refresh would not help. One grant per call at most, and none for a token the server rejects when fresh.
        if (renewedForThisCall)
        {
            tokens.NoteFreshTokenRejected(token);
            throw Rejected(response, request);
        }

        Log.UnauthorizedRetry(_logger, token.Fingerprint);
        var fresh = await tokens.RefreshAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
        if (ReferenceEquals(fresh, token))
        {
            throw Rejected(response, request); // the source declined: this token was already rejected when fresh
        }

        response.Dispose();
        using var retry = Clone(request);
        Authorize(retry, fresh);
        try
        {
            var second = await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
            ThrowIfRedirected(second, retry);
            if (second.StatusCode == HttpStatusCode.Unauthorized)
            {
                tokens.NoteFreshTokenRejected(fresh);
                throw Rejected(second, retry);
            }

            return second;
        }
        finally
        {
            retry.Content = null; // shared with the caller's request: disposing the retry must not dispose it
        }
    }

    /// <summary>The server answered 401 to a token it has just issued: a typed auth error (the answer is released).</summary>
    private static FactorialAuthException Rejected(HttpResponseMessage response, HttpRequestMessage request)
    {
        response.Dispose();
        return new FactorialAuthException(
            $"Factorial answered 401 to {request.Method.Method} {PathOf(request)} with a token it had just issued, so refreshing again would not help: "
            + "the application's access may have been revoked, or the token does not belong to this API host. Authorize the application again, or check the base address.",
            "invalid_token",
            statusCode: HttpStatusCode.Unauthorized);
    }

    /// <summary>
    /// Same scheme, user info, host and port as the API base address (what <see cref="BaseAddressPolicy.IsSameOrigin"/>
    /// checks), compared through the URI's own cached parts instead of new component strings.
    /// </summary>
    private bool IsApiOrigin(Uri? requestUri) =>
        requestUri is { IsAbsoluteUri: true }
        && string.Equals(requestUri.Scheme, _apiBaseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
        && requestUri.Port == _apiBaseAddress.Port
        && string.Equals(requestUri.IdnHost, _apiBaseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
        && string.Equals(requestUri.UserInfo, _apiBaseAddress.UserInfo, StringComparison.Ordinal);

    internal static string PathOf(HttpRequestMessage request) =>
        request is FactorialHttpRequestMessage own ? own.PathTemplate
        : request.Options.TryGetValue(FactorialRequestOptions.PathTemplate, out var template) ? template
        : request.RequestUri?.AbsolutePath ?? "(no path)";

    private void Authorize(HttpRequestMessage request, FactorialToken token)
    {
        var current = Volatile.Read(ref _authorization);
        if (current is null || !ReferenceEquals(current.Token, token))
        {
            // Always the Bearer scheme; the token was checked to be visible ASCII when it was made (FactorialToken).
            current = new AuthorizationHeader(token, new AuthenticationHeaderValue(FactorialToken.BearerType, token.AccessToken));
            Volatile.Write(ref _authorization, current);
        }

        request.Headers.Authorization = current.Value;
    }

    private sealed record AuthorizationHeader(FactorialToken Token, AuthenticationHeaderValue Value)
    {
        // Never print the token: the record's generated ToString would.
        public override string ToString() => nameof(AuthorizationHeader);
    }

    private static HttpRequestMessage Clone(HttpRequestMessage original)
    {
        var copy = original is FactorialHttpRequestMessage own
            ? new FactorialHttpRequestMessage(own.Method, own.RequestUri!, own.RequiredScope, own.PathTemplate) { RequiredResource = own.RequiredResource }
            : new HttpRequestMessage(original.Method, original.RequestUri);
        copy.Version = original.Version;
        copy.VersionPolicy = original.VersionPolicy;
        foreach (var header in original.Headers)
        {
            if (!string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in original.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        copy.Content = original.Content; // re-sendable: see SendAsync
        return copy;
    }
}
