using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Json;
using FactorialGen.Logging;
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
        _http = CreateHttpClient(new FactorialAuthHandler(apiKey, Options.BaseAddress), Options);
        _ownsHttp = true;
        _logger = CreateLogger(Options);
        _resourcesPrefix = ResourcesPrefix(Options);
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
            throw new ArgumentException("The HttpClient's BaseAddress differs from FactorialClientOptions.BaseAddress.", nameof(httpClient));
        }

        _http = httpClient;
        _setsRequestOptions = true;
        _logger = CreateLogger(Options);
        _resourcesPrefix = ResourcesPrefix(Options);
    }

    private FactorialConnection(FactorialTokenSource tokenSource, FactorialClientOptions options, FactorialOAuth? ownedOAuth)
    {
        ArgumentNullException.ThrowIfNull(tokenSource);
        Options = options.Validated();
        TokenSource = tokenSource;
        _ownedOAuth = ownedOAuth;
        _http = CreateHttpClient(new FactorialAuthHandler(tokenSource, Options.BaseAddress, Options.LoggerFactory), Options);
        _ownsHttp = true;
        _logger = CreateLogger(Options);
        _resourcesPrefix = ResourcesPrefix(Options);
    }

    /// <summary>The settings in use.</summary>
    public FactorialClientOptions Options { get; }

    /// <summary>The token source, when connected with an OAuth token.</summary>
    public FactorialTokenSource? TokenSource { get; }

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
        var value = await ReadJsonAsync(response, request, static (json, type) => JsonSerializer.Deserialize(json, type), responseType, started, cancellationToken).ConfigureAwait(false);
        return value ?? throw Invalid(response, request, "Factorial answered with an empty (null) body", null);
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
    public async Task<FactorialPage<T>> GetPageAsync<T>(FactorialRequest request, JsonTypeInfo<T> itemType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(itemType);
        return await GetPageCoreAsync(request, itemType, extraQuery: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads every item of a list, page after page, as they arrive: cursor paging (<c>limit</c> + <c>after_id</c>)
    /// for wrapped lists, the whole array for bare lists, or page numbers with <see cref="FactorialPagingMode.Page"/>.
    /// </summary>
    public async IAsyncEnumerable<T> ListAllAsync<T>(FactorialRequest request, JsonTypeInfo<T> itemType, FactorialPaging? paging = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(itemType);
        paging ??= new FactorialPaging();
        ArgumentOutOfRangeException.ThrowIfLessThan(paging.Limit, 1, nameof(paging));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(paging.Limit, FactorialPaging.MaxLimit, nameof(paging));
        ArgumentOutOfRangeException.ThrowIfLessThan(paging.Prefetch, 1, nameof(paging));
        if (paging.Mode == FactorialPagingMode.Page && paging.Prefetch > 1)
        {
            await foreach (var item in ListPagesAheadAsync(request, itemType, paging, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        var limit = paging.Limit.ToString(CultureInfo.InvariantCulture);
        string? cursor = null;
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        for (var pageNumber = 1; pageNumber <= paging.MaxPages; pageNumber++)
        {
            var extra = new List<KeyValuePair<string, string>> { new("limit", limit) };
            if (paging.Mode == FactorialPagingMode.Page)
            {
                extra.Add(new("page", pageNumber.ToString(CultureInfo.InvariantCulture)));
            }
            else if (cursor is not null)
            {
                extra.Add(new("after_id", cursor));
            }

            var page = await GetPageCoreAsync(request, itemType, extra, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (paging.Mode == FactorialPagingMode.Page)
            {
                var more = page.Meta is { } meta ? meta.HasNextPage : page.Items.Count >= paging.Limit;
                if (!more || page.Items.Count == 0)
                {
                    yield break;
                }

                continue;
            }

            if (page.NextCursor is not { } next)
            {
                yield break;
            }

            if (!seenCursors.Add(next))
            {
                throw new FactorialInvalidResponseException($"Paging did not advance: the server sent the cursor '{next}' twice", HttpStatusCode.OK, request.Method.Method, TemplateOf(request), null);
            }

            cursor = next;
        }
    }

    private async IAsyncEnumerable<T> ListPagesAheadAsync<T>(FactorialRequest request, JsonTypeInfo<T> itemType, FactorialPaging paging, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = paging.Limit.ToString(CultureInfo.InvariantCulture);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = new Queue<Task<FactorialPage<T>>>(paging.Prefetch);
        var nextPage = 1;
        Task<FactorialPage<T>> Fetch(int number) => GetPageCoreAsync(
            request,
            itemType,
            [new("limit", limit), new("page", number.ToString(CultureInfo.InvariantCulture))],
            stop.Token);

        try
        {
            while (window.Count < paging.Prefetch && nextPage <= paging.MaxPages)
            {
                window.Enqueue(Fetch(nextPage++));
            }

            while (window.Count > 0)
            {
                var page = await window.Dequeue().ConfigureAwait(false);
                foreach (var item in page.Items)
                {
                    yield return item;
                }

                var more = page.Meta is { } meta ? meta.HasNextPage : page.Items.Count >= paging.Limit;
                if (!more || page.Items.Count == 0)
                {
                    yield break; // pages already requested beyond the end are cancelled below
                }

                if (nextPage <= paging.MaxPages)
                {
                    window.Enqueue(Fetch(nextPage++));
                }
            }
        }
        finally
        {
            if (window.Count > 0)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                foreach (var pending in window)
                {
                    try
                    {
                        await pending.ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is OperationCanceledException or FactorialException)
                    {
                        // Pages past the end, or abandoned by the caller: their outcome no longer matters.
                    }
                }
            }
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

    private async Task<FactorialPage<T>> GetPageCoreAsync<T>(FactorialRequest request, JsonTypeInfo<T> itemType, List<KeyValuePair<string, string>>? extraQuery, CancellationToken cancellationToken)
    {
        // One pass over the body: no JsonDocument, each item read straight from the reader (FactorialPageReader).
        var started = Stopwatch.GetTimestamp();
        using var response = await SendCoreAsync(request, extraQuery, started, cancellationToken).ConfigureAwait(false);
        return (await ReadJsonAsync(response, request, static (json, type) => FactorialPageReader.Read(json, type), itemType, started, cancellationToken).ConfigureAwait(false))!;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> SendCoreAsync(FactorialRequest request, List<KeyValuePair<string, string>>? extraQuery, long started, CancellationToken cancellationToken)
    {
        var template = TemplateOf(request);
        FactorialPathSegments.ThrowIfUnsafe(request); // nothing is sent for a path that would address another resource
        using var message = NewMessage(request, BuildUri(request, extraQuery), template);

        message.Headers.TryAddWithoutValidation("Accept", "application/json");

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new FactorialNetworkException($"Could not reach Factorial for {request.Method.Method} {template}: {ex.Message}", request.Method.Method, template, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FactorialNetworkException($"{request.Method.Method} {template} timed out after {Options.Timeout.TotalSeconds:0} s.", request.Method.Method, template, ex);
        }
        finally
        {
            // The content belongs to the request object, which a caller may send again.
            message.Content = null;
        }

        Log.RequestCompleted(_logger, request.Method.Method, template, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorOfAsync(response, request, template, started, cancellationToken).ConfigureAwait(false);
        }
    }

    private HttpRequestMessage NewMessage(FactorialRequest request, Uri uri, string template)
    {
        if (!_setsRequestOptions)
        {
            return new FactorialHttpRequestMessage(request.Method, uri, request.RequiredScope, template) { Content = request.Content };
        }

        var message = new HttpRequestMessage(request.Method, uri) { Content = request.Content };
        message.Options.Set(FactorialRequestOptions.RequiredScope, request.RequiredScope);
        message.Options.Set(FactorialRequestOptions.PathTemplate, template);
        return message;
    }

    private async Task<Exception> ErrorOfAsync(HttpResponseMessage response, FactorialRequest request, string template, long started, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        string? body = null;
        FactorialNetworkException? bodyTimeout = null;
        try
        {
            body = await ReadErrorBodyAsync(response, started, cancellationToken).ConfigureAwait(false);
        }
        catch (BodyTimeoutException ex)
        {
            // The status is Factorial's answer and stays the error; the body that never came is said in its inner exception.
            bodyTimeout = new FactorialNetworkException($"The error body of {method} {template} stopped arriving: the answer was not complete within {ex.Timeout.TotalSeconds:0.###} s (FactorialClientOptions.Timeout).", method, template, ex);
        }

        var (code, message) = ErrorBody.Parse(body);
        if (response.StatusCode == HttpStatusCode.Forbidden && (code == "insufficient_scope" || HasBearerError(response, "insufficient_scope")))
        {
            return new FactorialScopeException(request.RequiredScope, TokenSource?.Current?.Scope, method, template, response.StatusCode, body);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new FactorialRateLimitException(method, template, RetryAfterOf(response), code, message, body);
        }

        return new FactorialApiException(response.StatusCode, method, template, code, message, body, bodyTimeout);
    }

    /// <summary>
    /// The first <see cref="FactorialClientOptions.MaxErrorBodyChars"/> characters of an error body: read as bytes into a
    /// pooled buffer (at most four per character), within the call's deadline; the rest is never read.
    /// </summary>
    private async Task<string?> ReadErrorBodyAsync(HttpResponseMessage response, long started, CancellationToken cancellationToken)
    {
        if (Options.MaxErrorBodyChars == 0)
        {
            return null;
        }

        byte[]? buffer = null;
        try
        {
            (buffer, var count) = await ResponseBodyReader.ReadAsync(response, (long)Options.MaxErrorBodyChars * 4, truncate: true, started, Options.Timeout, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, count);
            var keep = Options.MaxErrorBodyChars;
            if (text.Length <= keep)
            {
                return text;
            }

            return text[..(char.IsHighSurrogate(text[keep - 1]) ? keep - 1 : keep)]; // never half a surrogate pair
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return null; // the status still tells what happened
        }
        finally
        {
            BodyBufferPool.Return(buffer);
        }
    }

    /// <summary>
    /// Reads the whole body into a pooled buffer (at most <see cref="FactorialClientOptions.MaxResponseBytes"/>, complete
    /// within <see cref="FactorialClientOptions.Timeout"/> of <paramref name="started"/>), then parses it in one
    /// synchronous pass: no per-read async layer, no second copy.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TResult?> ReadJsonAsync<TResult, TState>(HttpResponseMessage response, FactorialRequest request, ParseBody<TResult, TState> parse, TState state, long started, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(response, request, $"Expected JSON but the server sent '{mediaType}'", null);
        }

        var length = response.Content.Headers.ContentLength;
        if (length > Options.MaxResponseBytes)
        {
            throw new FactorialResponseTooLargeException(Options.MaxResponseBytes, length, response.StatusCode, request.Method.Method, TemplateOf(request));
        }

        byte[]? buffer = null;
        var count = 0;
        var start = 0;
        try
        {
            (buffer, count) = await ResponseBodyReader.ReadAsync(response, Options.MaxResponseBytes, truncate: false, started, Options.Timeout, cancellationToken).ConfigureAwait(false);
            var json = new ReadOnlySpan<byte>(buffer, 0, count);
            if (json.StartsWith(Utf8Bom))
            {
                start = Utf8Bom.Length;
                json = json[start..];
            }

            return parse(json, state);
        }
        catch (ResponseTooLargeException ex)
        {
            throw new FactorialResponseTooLargeException(ex.Limit, length, response.StatusCode, request.Method.Method, TemplateOf(request));
        }
        catch (BodyTimeoutException ex)
        {
            var template = TemplateOf(request);
            throw new FactorialNetworkException($"The answer to {request.Method.Method} {template} stopped arriving: it was not complete within {ex.Timeout.TotalSeconds:0.###} s (FactorialClientOptions.Timeout).", request.Method.Method, template, ex);
        }
        catch (FactorialPageShapeException ex)
        {
            throw Invalid(response, request, ex.Message, null);
        }
        catch (Exception ex) when (ex is FactorialPageItemException || IsDataError(ex))
        {
            throw InvalidBody(response, request, new ReadOnlySpan<byte>(buffer, start, count - start), ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new FactorialNetworkException($"The answer to {request.Method.Method} {TemplateOf(request)} broke off: {ex.Message}", request.Method.Method, TemplateOf(request), ex);
        }
        finally
        {
            BodyBufferPool.Return(buffer);
        }
    }

    /// <summary>
    /// A body that was read but could not be parsed: names the JSON path of the offending value when it is known
    /// (from the value's position, found again in <paramref name="json"/>, or from System.Text.Json's own path).
    /// </summary>
    private static FactorialInvalidResponseException InvalidBody(HttpResponseMessage response, FactorialRequest request, ReadOnlySpan<byte> json, Exception ex)
    {
        var item = ex as FactorialPageItemException;
        var cause = item?.InnerException ?? ex;
        string? path = null;
        if (cause is FactorialJsonValueException value)
        {
            path = JsonPathLocator.Find(json, value.Offset);
        }
        else if (item is not null)
        {
            path = JsonPathLocator.Find(json, item.Offset) is { } itemPath ? JsonPathLocator.Combine(itemPath, (cause as JsonException)?.Path) : null;
        }
        else if (cause is JsonException { Path: { Length: > 1 } serializerPath })
        {
            path = serializerPath; // a JsonSerializerContext type: the serializer tracked the path itself
        }

        var what = (path, item) switch
        {
            (null, null) => $"The body could not be read: {cause.Message}",
            (null, _) => item.Message,
            (_, null) => $"The value at {path} could not be read: {cause.Message}",
            _ => $"Item {item.Index} of the list could not be read: the value at {path}: {cause.Message}",
        };
        return new FactorialInvalidResponseException(what.TrimEnd('.'), response.StatusCode, request.Method.Method, TemplateOf(request), path, cause);
    }

    private delegate TResult? ParseBody<TResult, TState>(ReadOnlySpan<byte> json, TState state);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static bool IsDataError(Exception ex) =>
        ex is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException or ArgumentException;

    private static FactorialInvalidResponseException Invalid(HttpResponseMessage response, FactorialRequest request, string what, Exception? inner) =>
        new(what, response.StatusCode, request.Method.Method, TemplateOf(request), inner);

    private static string TemplateOf(FactorialRequest request) => request.PathTemplate ?? request.Path;

    private static bool HasBearerError(HttpResponseMessage response, string error)
    {
        foreach (var challenge in response.Headers.WwwAuthenticate)
        {
            if (challenge.Parameter?.Contains(error, StringComparison.OrdinalIgnoreCase) == true)
            {
                return true;
            }
        }

        return false;
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - Options.TimeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private Uri BuildUri(FactorialRequest request, List<KeyValuePair<string, string>>? extraQuery)
    {
        // A stack buffer (pooled array when larger): the URI string is the only allocation besides the Uri itself.
        var builder = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        var baseAddress = Options.BaseAddress.AbsoluteUri; // ends with '/'
        if (request.Path.StartsWith('/'))
        {
            builder.AppendFormatted(baseAddress.AsSpan(0, baseAddress.Length - 1));
            builder.AppendFormatted(request.Path);
        }
        else
        {
            builder.AppendFormatted(baseAddress);
            builder.AppendFormatted(_resourcesPrefix);
            builder.AppendFormatted(request.Path);
        }

        var separator = '?';
        var query = request.Query;
        for (var i = 0; i < query.Count; i++)
        {
            var pair = query[i];
            if (extraQuery is not null && Contains(extraQuery, pair.Key))
            {
                continue; // paging parameters of ListAllAsync win
            }

            AppendQuery(ref builder, separator, pair);
            separator = '&';
        }

        if (extraQuery is not null)
        {
            foreach (var pair in extraQuery)
            {
                AppendQuery(ref builder, separator, pair);
                separator = '&';
            }
        }

        return new Uri(builder.ToStringAndClear(), UriKind.Absolute);

        static void AppendQuery(ref DefaultInterpolatedStringHandler builder, char separator, KeyValuePair<string, string> pair)
        {
            builder.AppendFormatted(separator);
            builder.AppendFormatted(Uri.EscapeDataString(pair.Key));
            builder.AppendFormatted('=');
            builder.AppendFormatted(Uri.EscapeDataString(pair.Value));
        }

        static bool Contains(List<KeyValuePair<string, string>> pairs, string key)
        {
            foreach (var pair in pairs)
            {
                if (pair.Key == key)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static string ResourcesPrefix(FactorialClientOptions options) => $"api/{options.ApiVersion}/resources/";

    private static ILogger CreateLogger(FactorialClientOptions options) =>
        options.LoggerFactory?.CreateLogger<FactorialConnection>() ?? NullLogger<FactorialConnection>.Instance;

    private static HttpClient CreateHttpClient(FactorialAuthHandler authHandler, FactorialClientOptions options)
    {
        authHandler.InnerHandler = options.PrimaryHandler is { } primary
            ? new NonDisposingHandler(primary)
            : new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        return new HttpClient(authHandler, disposeHandler: true) { BaseAddress = options.BaseAddress, Timeout = options.Timeout };
    }

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

    /// <summary>Lets a caller-owned handler sit inside a pipeline this client disposes.</summary>
    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The caller owns the inner handler.
        }
    }
}
