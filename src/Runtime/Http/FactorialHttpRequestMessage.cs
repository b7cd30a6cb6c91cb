using System;
using System.Net.Http;

namespace FactorialGen;

/// <summary>
/// A request sent by <see cref="FactorialConnection"/>: it carries the operation's scope, resource scope and path
/// template for <see cref="FactorialAuthHandler"/> itself, so the pipelines the connection builds need no
/// <see cref="HttpRequestMessage.Options"/> dictionary per request.
/// </summary>
internal sealed class FactorialHttpRequestMessage(HttpMethod method, Uri requestUri, FactorialScope requiredScope, string pathTemplate)
    : HttpRequestMessage(method, requestUri)
{
    public FactorialScope RequiredScope { get; } = requiredScope;

    /// <summary>The resource scope the operation needs, or <see cref="FactorialResourceScopes.None"/> when none is known.</summary>
    public FactorialResourceScopes RequiredResource { get; init; }

    public string PathTemplate { get; } = pathTemplate;
}
