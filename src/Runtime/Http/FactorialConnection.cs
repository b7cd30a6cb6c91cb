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
        using var response = await SendCoreAsync(request, extraQuery: null, cancellationToken).ConfigureAwait(false);
        var value = await ReadJsonAsync(response, request, static (stream, type, ct) => JsonSerializer.DeserializeAsync(stream, type, ct), responseType, cancellationToken).ConfigureAwait(false);
        return value ?? throw Invalid(response, request, "Factorial answered with an empty (null) body", null);
    }

    /// <summary>Sends <paramref name="request"/> and ignores the answer's body.</summary>
    /// <exception cref="FactorialApiException">Factorial answered with an error status.</exception>
    public async Task SendAsync(FactorialRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendCoreAsync(request, extraQuery: null, cancellationToken).ConfigureAwait(false);
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
        using var response = await SendCoreAsync(request, extraQuery, cancellationToken).ConfigureAwait(false);
        using var document = await ReadJsonAsync(response, request, static async (stream, _, ct) => await JsonDocument.ParseAsync(stream, default, ct).ConfigureAwait(false), (object?)null, cancellationToken).ConfigureAwait(false);
        var root = document!.RootElement;
        JsonElement data;
        FactorialPageMeta? meta = null;
        if (root.ValueKind == JsonValueKind.Array)
        {
            data = root;
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out data) && data.ValueKind == JsonValueKind.Array)
        {
            meta = root.TryGetProperty("meta", out var metaElement) ? PageMetaReader.Read(metaElement) : null;
        }
        else
        {
            throw Invalid(response, request, $"Expected a list (an array, or an object with a 'data' array) but got a JSON {root.ValueKind}", null);
        }

        var items = new List<T>(data.GetArrayLength());
        foreach (var element in data.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            T? item;
            try
            {
                item = element.Deserialize(itemType);
            }
            catch (Exception ex) when (IsDataError(ex))
            {
                throw Invalid(response, request, $"Item {items.Count} of the list could not be read: {ex.Message}", ex);
            }

            if (item is not null)
            {
                items.Add(item);
            }
        }

        return new FactorialPage<T>(items, meta);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(FactorialRequest request, List<KeyValuePair<string, string>>? extraQuery, CancellationToken cancellationToken)
    {
        var template = TemplateOf(request);
        using var message = new HttpRequestMessage(request.Method, BuildUri(request, extraQuery)) { Content = request.Content };
        message.Options.Set(FactorialRequestOptions.RequiredScope, request.RequiredScope);
        message.Options.Set(FactorialRequestOptions.PathTemplate, template);
        message.Headers.Accept.ParseAdd("application/json");

        var started = Stopwatch.GetTimestamp();
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
            throw await ErrorOfAsync(response, request, template, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Exception> ErrorOfAsync(HttpResponseMessage response, FactorialRequest request, string template, CancellationToken cancellationToken)
    {
        var body = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var (code, message) = ErrorBody.Parse(body);
        var method = request.Method.Method;
        if (response.StatusCode == HttpStatusCode.Forbidden && (code == "insufficient_scope" || HasBearerError(response, "insufficient_scope")))
        {
            return new FactorialScopeException(request.RequiredScope, TokenSource?.Current?.Scope, method, template, response.StatusCode, body);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new FactorialRateLimitException(method, template, RetryAfterOf(response), code, message, body);
        }

        return new FactorialApiException(response.StatusCode, method, template, code, message, body);
    }

    private async Task<string?> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[Math.Max(Options.MaxErrorBodyChars, 1)];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            return read == 0 ? null : new string(buffer, 0, read);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return null; // the status still tells what happened
        }
    }

    private async Task<TResult?> ReadJsonAsync<TResult, TState>(HttpResponseMessage response, FactorialRequest request, Func<Stream, TState, CancellationToken, ValueTask<TResult?>> read, TState state, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(response, request, $"Expected JSON but the server sent '{mediaType}'", null);
        }

        if (response.Content.Headers.ContentLength > Options.MaxResponseBytes)
        {
            throw Invalid(response, request, $"The body of {response.Content.Headers.ContentLength} bytes is over the limit of {Options.MaxResponseBytes} bytes", null);
        }

        try
        {
            var raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using var stream = new LimitedReadStream(raw, Options.MaxResponseBytes);
            return await read(stream, state, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException ex)
        {
            throw Invalid(response, request, ex.Message.TrimEnd('.'), ex);
        }
        catch (Exception ex) when (IsDataError(ex))
        {
            throw Invalid(response, request, $"The body could not be read: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new FactorialNetworkException($"The answer to {request.Method.Method} {TemplateOf(request)} broke off: {ex.Message}", request.Method.Method, TemplateOf(request), ex);
        }
    }

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
        var builder = new StringBuilder(Options.BaseAddress.AbsoluteUri.Length + 96);
        builder.Append(Options.BaseAddress.AbsoluteUri);
        if (request.Path.StartsWith('/'))
        {
            builder.Length--; // the base ends with '/'
            builder.Append(request.Path);
        }
        else
        {
            builder.Append(_resourcesPrefix).Append(request.Path);
        }

        var separator = '?';
        foreach (var pair in request.Query)
        {
            if (extraQuery is not null && extraQuery.Exists(e => e.Key == pair.Key))
            {
                continue; // paging parameters of ListAllAsync win
            }

            builder.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            separator = '&';
        }

        if (extraQuery is not null)
        {
            foreach (var pair in extraQuery)
            {
                builder.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
                separator = '&';
            }
        }

        return new Uri(builder.ToString(), UriKind.Absolute);
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
