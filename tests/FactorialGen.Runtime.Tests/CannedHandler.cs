using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>Answers every request with one canned response, for tests of what the client does with bad bodies.</summary>
internal sealed class CannedHandler(HttpStatusCode status, string body, string? mediaType = "application/json") : HttpMessageHandler
{
    public int Calls { get; private set; }

    public HttpRequestMessage? LastRequest { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        LastRequest = request;
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (mediaType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        }

        return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
    }
}
