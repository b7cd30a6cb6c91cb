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
/// <c>x-api-key</c>. Refuses, before sending, a request whose operation needs a scope the credentials lack, and a
/// request to any host other than the configured API host.
/// </summary>
public sealed class FactorialAuthHandler : DelegatingHandler
{
    private readonly FactorialTokenSource? _tokens;
    private readonly FactorialApiKey? _apiKey;
    private readonly Uri _apiBaseAddress;
    private readonly ILogger _logger;

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
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!BaseAddressPolicy.IsSameOrigin(_apiBaseAddress, request.RequestUri))
        {
            throw new FactorialException(
                $"Refusing to send Factorial credentials to '{request.RequestUri?.GetLeftPart(UriPartial.Authority)}': only '{_apiBaseAddress.GetLeftPart(UriPartial.Authority)}' receives them.");
        }

        if (_apiKey is not null)
        {
            request.Headers.Remove("x-api-key");
            request.Headers.TryAddWithoutValidation("x-api-key", _apiKey.Value);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await _tokens!.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (request.Options.TryGetValue(FactorialRequestOptions.RequiredScope, out var required) && !token.Scope.Covers(required))
        {
            throw new FactorialScopeException(required, token.Scope, request.Method.Method, PathOf(request));
        }

        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        Authorize(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        Log.UnauthorizedRetry(_logger, token.Fingerprint);
        var fresh = await _tokens.RefreshAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        using var retry = Clone(request, body);
        Authorize(retry, fresh);
        return await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
    }

    internal static string PathOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(FactorialRequestOptions.PathTemplate, out var template) ? template : request.RequestUri?.AbsolutePath ?? "(no path)";

    private static void Authorize(HttpRequestMessage request, FactorialToken token) =>
        request.Headers.Authorization = new AuthenticationHeaderValue(token.TokenType, token.AccessToken);

    private static HttpRequestMessage Clone(HttpRequestMessage original, byte[]? body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Version = original.Version,
            VersionPolicy = original.VersionPolicy,
        };

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

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }
}
