using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Json;
using FactorialGen.Logging;
using FactorialGen.Runtime.Generated;
using FactorialGen.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactorialGen;

/// <summary>
/// A configured way to the Factorial API: host, API version, credentials and the typed request layer that the
/// generated clients build on. Use it directly for endpoints your OpenAPI document lacks: send a
/// <see cref="FactorialRequest"/>, get a typed result or a typed error, or read every page of a list.
/// </summary>
public sealed class FactorialConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly FactorialOAuth? _ownedOAuth;
    private readonly ILogger _logger;
    private readonly string _resourcesPrefix;

    // Over a caller's HttpClient the pipeline is unknown (IHttpClientFactory handlers may clone requests or read the
    // documented FactorialRequestOptions keys): the facts go into HttpRequestMessage.Options as well. In the pipelines
    // this class builds, FactorialAuthHandler reads them from the message itself, which spares a dictionary per request.
    private readonly bool _setsRequestOptions;

    // Whether this class writes the request log line: only over a caller's HttpClient, whose pipeline is unknown. The
    // pipelines this library builds (FactorialPipeline, here and under AddFactorialClient) log each call once.
    private readonly bool _logsRequests;

    /// <summary>
    /// Connects with an OAuth token. With <see cref="FactorialClientOptions.App"/> set, the token is refreshed when
    /// it nears expiry or is rejected, and each rotated token is saved to <paramref name="store"/> first.
    /// </summary>
    public FactorialConnection(FactorialToken token, ITokenStore? store = null, FactorialClientOptions? options = null)
        : this(CreateTokenSource(token, store, options ??= new FactorialClientOptions(), out var oauth), options, oauth)
    {
    }

    /// <summary>Connects with tokens from <paramref name="tokenSource"/> (shared between clients, say).</summary>
    public FactorialConnection(FactorialTokenSource tokenSource, FactorialClientOptions? options = null)
        : this(tokenSource, options ?? new FactorialClientOptions(), ownedOAuth: null)
    {
    }

    /// <summary>Connects with a company API key (<c>x-api-key</c>).</summary>
    public FactorialConnection(FactorialApiKey apiKey, FactorialClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        Options = (options ?? new FactorialClientOptions()).Validated();
        _http = FactorialPipeline.CreateHttpClient(new FactorialAuthHandler(apiKey, Options.BaseAddress), Options);
        _ownsHttp = true;
        _logger = CreateLogger(Options);
        _resourcesPrefix = FactorialRequestFacts.ResourcesPrefix(Options);
    }

    /// <summary>
    /// Uses an <see cref="HttpClient"/> whose pipeline already adds credentials (e.g. from IHttpClientFactory with a
    /// <see cref="FactorialAuthHandler"/>). Its base address, if set, must match the options'. It is not disposed.
    /// </summary>
    public FactorialConnection(HttpClient httpClient, FactorialClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        Options = (options ?? new FactorialClientOptions()).Validated();
        if (httpClient.BaseAddress is { } given && !BaseAddressPolicy.IsSameOrigin(Options.BaseAddress, given))
        {
            throw new ArgumentException($"The HttpClient's BaseAddress ({BaseAddressPolicy.Describe(given)}) differs from FactorialClientOptions.BaseAddress ({BaseAddressPolicy.Describe(Options.BaseAddress)}), so requests would go to another host than the one the credentials are for. Set the same host on both, or leave HttpClient.BaseAddress unset.", nameof(httpClient));
        }

        _http = httpClient;
        _setsRequestOptions = true;
        _logsRequests = !Options.SentThroughPipeline;
        _logger = CreateLogger(Options);
        _resourcesPrefix = FactorialRequestFacts.ResourcesPrefix(Options);
    }

    private FactorialConnection(FactorialTokenSource tokenSource, FactorialClientOptions options, FactorialOAuth? ownedOAuth)
    {
        ArgumentNullException.ThrowIfNull(tokenSource);
        Options = options.Validated();
        TokenSource = tokenSource;
        _ownedOAuth = ownedOAuth;
        _http = FactorialPipeline.CreateHttpClient(new FactorialAuthHandler(tokenSource, Options.BaseAddress, Options.LoggerFactory), Options);
        _ownsHttp = true;
        _logger = CreateLogger(Options);
        _resourcesPrefix = FactorialRequestFacts.ResourcesPrefix(Options);
    }

    /// <summary>The settings in use.</summary>
    public FactorialClientOptions Options { get; }

    /// <summary>The token source, when connected with an OAuth token.</summary>
    public FactorialTokenSource? TokenSource { get; }

    /// <summary>The token source behind this connection's requests: its own, or the one <c>AddFactorialClient</c> put in its pipeline.</summary>
    internal FactorialTokenSource? Tokens => TokenSource ?? Options.PipelineTokens;

    /// <summary>Sends <paramref name="request"/> and reads the JSON answer as <typeparamref name="T"/>.</summary>
    /// <exception cref="FactorialApiException">Factorial answered with an error status.</exception>
    /// <exception cref="FactorialScopeException">The token lacks the scope the request needs (nothing was sent), or Factorial answered 403 insufficient_scope.</exception>
    /// <exception cref="FactorialInvalidResponseException">The answer was not the expected JSON.</exception>
    /// <exception cref="FactorialNetworkException">Factorial could not be reached or timed out.</exception>
    /// <exception cref="FactorialAuthException">The token could not be refreshed.</exception>
    public async Task<T> SendAsync<T>(FactorialRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseType);
        var started = Stopwatch.GetTimestamp();
        using var response = await SendCoreAsync(request, extraQuery: null, started, cancellationToken).ConfigureAwait(false);
        var value = await JsonResponseReader.ReadAsync(response, request, Options, static (json, type) => JsonSerializer.Deserialize(json, type), responseType, started, cancellationToken).ConfigureAwait(false);
        return value ?? throw JsonResponseReader.Invalid(response, request, "Factorial answered with an empty (null) body", null);
    }

    /// <summary>Sends <paramref name="request"/> and ignores the answer's body.</summary>
    /// <exception cref="FactorialApiException">Factorial answered with an error status.</exception>
    public async Task SendAsync(FactorialRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendCoreAsync(request, extraQuery: null, Stopwatch.GetTimestamp(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="request"/> and returns the answer as a <see cref="JsonElement"/> (the seed's generic call).</summary>
    public Task<JsonElement> SendJsonAsync(FactorialRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, FactorialRuntimeJsonContext.Default.JsonElement, cancellationToken);

    /// <summary>
    /// Sends a list request and reads one page, in either shape: a bare array, or <c>{ data, meta }</c>.
    /// Add <c>limit</c>, <c>after_id</c>, <c>before_id</c> or <c>page</c> to the request's query to choose the page.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The query's <c>limit</c> is not 1 to <see cref="FactorialPaging.MaxLimit"/> (nothing is sent).</exception>
    public async Task<FactorialPage<T>> GetPageAsync<T>(FactorialRequest request, JsonTypeInfo<T> itemType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(itemType);
        FactorialPagingRules.ThrowIfQueryLimitOutOfRange(request);
        return await GetPageCoreAsync(request, itemType, extraQuery: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads every item of a list, page after page, as they arrive: cursor paging (<c>limit</c> + <c>after_id</c>)
    /// for wrapped lists, the whole array for bare lists, or page numbers with <see cref="FactorialPagingMode.Page"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="FactorialPaging.Limit"/> is not 1 to <see cref="FactorialPaging.MaxLimit"/>, or <see cref="FactorialPaging.Prefetch"/> or <see cref="FactorialPaging.MaxPages"/> is under 1.</exception>
    public async IAsyncEnumerable<T> ListAllAsync<T>(FactorialRequest request, JsonTypeInfo<T> itemType, FactorialPaging? paging = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(itemType);
        paging ??= new FactorialPaging();
        FactorialPagingRules.Validate(paging);
        await foreach (var item in FactorialPager.ListAllAsync(this, request, itemType, paging, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }

        _ownedOAuth?.Dispose();
    }

    internal async Task<FactorialPage<T>> GetPageCoreAsync<T>(FactorialRequest request, JsonTypeInfo<T> itemType, List<KeyValuePair<string, string>>? extraQuery, CancellationToken cancellationToken)
    {
        // One pass over the body: no JsonDocument, each item read straight from the reader (FactorialPageReader).
        var started = Stopwatch.GetTimestamp();
        using var response = await SendCoreAsync(request, extraQuery, started, cancellationToken).ConfigureAwait(false);
        return (await JsonResponseReader.ReadAsync(response, request, Options, static (json, type) => FactorialPageReader.Read(json, type), itemType, started, cancellationToken).ConfigureAwait(false))!;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> SendCoreAsync(FactorialRequest request, List<KeyValuePair<string, string>>? extraQuery, long started, CancellationToken cancellationToken)
    {
        var template = FactorialRequestFacts.TemplateOf(request);
        FactorialPathSegments.ThrowIfUnsafe(request); // nothing is sent for a path that would address another resource
        using var message = FactorialRequestFacts.NewMessage(request, FactorialRequestFacts.BuildUri(Options, _resourcesPrefix, request, extraQuery), template, _setsRequestOptions);

        message.Headers.TryAddWithoutValidation("Accept", "application/json");

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw FactorialErrorMapper.Unreachable(request.Method.Method, template, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw FactorialErrorMapper.TimedOut(request.Method.Method, template, Options.Timeout, ex);
        }
        catch (Polly.Timeout.TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A time-out of the resilience pipeline of AddFactorialClient (per attempt, or in total): a typed error too.
            throw FactorialErrorMapper.TimedOut(request.Method.Method, template, ex.Timeout, ex);
        }
        finally
        {
            // The content belongs to the request object, which a caller may send again.
            message.Content = null;
        }

        if (_logsRequests)
        {
            // Only over a caller's HttpClient: in the pipelines this library builds, FactorialTelemetryHandler logs each call once.
            Log.RequestCompleted(_logger, request.Method.Method, template, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await FactorialErrorMapper.ErrorOfAsync(response, request, template, Options, TokenSource, started, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ILogger CreateLogger(FactorialClientOptions options) =>
        options.LoggerFactory?.CreateLogger<FactorialConnection>() ?? NullLogger<FactorialConnection>.Instance;

    private static FactorialTokenSource CreateTokenSource(FactorialToken token, ITokenStore? store, FactorialClientOptions options, out FactorialOAuth? oauth)
    {
        ArgumentNullException.ThrowIfNull(token);
        options.Validated();
        oauth = options.App is { } app
            ? new FactorialOAuth(app, new FactorialOAuthOptions
            {
                BaseAddress = options.BaseAddress,
                HttpMessageHandler = options.PrimaryHandler,
                Timeout = options.Timeout,
                TimeProvider = options.TimeProvider,
                LoggerFactory = options.LoggerFactory,
            })
            : null;
        return new FactorialTokenSource(token, oauth, store, new FactorialTokenSourceOptions
        {
            RefreshBeforeExpiry = options.RefreshBeforeExpiry,
            TimeProvider = options.TimeProvider,
            LoggerFactory = options.LoggerFactory,
        });
    }
}
