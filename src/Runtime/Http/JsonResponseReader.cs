using System;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Runtime.Generated;
using FactorialGen.Serialization;

namespace FactorialGen;

/// <summary>
/// Reads a successful answer's JSON body: checks its media type and size, reads it whole into a pooled buffer
/// (bounded by <see cref="FactorialClientOptions.MaxResponseBytes"/> and <see cref="FactorialClientOptions.Timeout"/>,
/// see <see cref="ResponseBodyReader"/>), parses it in one synchronous pass, and turns every failure into a typed error
/// that names the JSON path of the offending value when it is known.
/// </summary>
internal static class JsonResponseReader
{
    public delegate TResult? ParseBody<TResult, TState>(ReadOnlySpan<byte> json, TState state);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<TResult?> ReadAsync<TResult, TState>(HttpResponseMessage response, FactorialRequest request, FactorialClientOptions options, ParseBody<TResult, TState> parse, TState state, long started, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(response, request, $"Expected JSON but the server sent '{mediaType}'", null);
        }

        var length = response.Content.Headers.ContentLength;
        if (length > options.MaxResponseBytes)
        {
            throw new FactorialResponseTooLargeException(options.MaxResponseBytes, length, response.StatusCode, request.Method.Method, FactorialRequestFacts.TemplateOf(request));
        }

        byte[]? buffer = null;
        var count = 0;
        var start = 0;
        try
        {
            (buffer, count) = await ResponseBodyReader.ReadAsync(response, options.MaxResponseBytes, truncate: false, started, options.Timeout, cancellationToken).ConfigureAwait(false);
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
            throw new FactorialResponseTooLargeException(ex.Limit, length, response.StatusCode, request.Method.Method, FactorialRequestFacts.TemplateOf(request));
        }
        catch (BodyTimeoutException ex)
        {
            var template = FactorialRequestFacts.TemplateOf(request);
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
            var template = FactorialRequestFacts.TemplateOf(request);
            throw new FactorialNetworkException($"The answer to {request.Method.Method} {template} broke off: {ex.Message}", request.Method.Method, template, ex);
        }
        finally
        {
            BodyBufferPool.Return(buffer);
        }
    }

    public static FactorialInvalidResponseException Invalid(HttpResponseMessage response, FactorialRequest request, string what, Exception? inner) =>
        new(what, response.StatusCode, request.Method.Method, FactorialRequestFacts.TemplateOf(request), inner);

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
        return new FactorialInvalidResponseException(what.TrimEnd('.'), response.StatusCode, request.Method.Method, FactorialRequestFacts.TemplateOf(request), path, cause);
    }

    private static bool IsDataError(Exception ex) =>
        ex is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException or ArgumentException;
}
