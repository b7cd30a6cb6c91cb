using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Testing;

/// <summary>
/// An in-memory server: answers every request with a response made afresh for it (a canned body, bytes, a stream, a
/// redirect), and records the requests. For tests of what the client does with an answer; no network involved.
/// </summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;
    private int _calls;

    /// <summary>Answers <paramref name="status"/> with <paramref name="body"/> (UTF-8) of type <paramref name="mediaType"/> (none when null).</summary>
    public CannedHandler(HttpStatusCode status, string body, string? mediaType = "application/json")
        : this(_ =>
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (mediaType is not null)
            {
                content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            }

            return new HttpResponseMessage(status) { Content = content };
        })
    {
    }

    /// <summary>Answers each request with what <paramref name="answer"/> makes for it.</summary>
    public CannedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) => _answer = answer;

    /// <summary>How many requests arrived.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The last request that arrived.</summary>
    public HttpRequestMessage? LastRequest { get; private set; }

    /// <summary>Where each request went, in order.</summary>
    public List<Uri> Requests { get; } = [];

    /// <summary>Answers 200 with <paramref name="body"/> as JSON, with a Content-Length, or without one (then in chunks of 1000 bytes).</summary>
    public static CannedHandler Bytes(byte[] body, bool announceLength = true) => new(_ =>
    {
        HttpContent content = announceLength ? new ByteArrayContent(body) : new StreamContent(new OneWayStream(body, chunk: 1000));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    });

    /// <summary>Answers with a body read from a fresh <paramref name="body"/> stream, chunked (no Content-Length) unless <paramref name="contentLength"/> is given.</summary>
    public static CannedHandler Streaming(HttpStatusCode status, Func<Stream> body, long? contentLength = null, string mediaType = "application/json") => new(_ =>
    {
        var content = new StreamContent(body());
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        content.Headers.ContentLength = contentLength;
        return new HttpResponseMessage(status) { Content = content };
    });

    /// <summary>Answers every request with a redirect (<paramref name="status"/>) to <paramref name="location"/>.</summary>
    public static CannedHandler Redirect(HttpStatusCode status, Uri location) => new(_ =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(string.Empty) };
        response.Headers.Location = location;
        return response;
    });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        LastRequest = request;
        lock (Requests)
        {
            Requests.Add(request.RequestUri!);
        }

        var response = _answer(request);
        response.RequestMessage ??= request;
        return Task.FromResult(response);
    }
}
