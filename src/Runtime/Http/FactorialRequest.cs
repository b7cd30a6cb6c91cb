using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FactorialGen;

/// <summary>
/// One call to the Factorial API, for <see cref="FactorialConnection"/>: method, path, query and JSON body, plus the
/// scope the call needs. Generated clients build these; use them directly for endpoints your spec lacks.
/// </summary>
/// <example>
/// <code>
/// var request = new FactorialRequest(HttpMethod.Get, "employees/employees").AddQuery("ids[]", ["1", "2"]);
/// JsonElement employees = await connection.SendJsonAsync(request);
/// </code>
/// </example>
public sealed class FactorialRequest
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };
    private List<KeyValuePair<string, string>>? _query; // most calls have no query: no list until one is added

    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">
    /// A resource path such as <c>employees/employees/42</c>, resolved to <c>/api/{version}/resources/…</c> with
    /// the connection's API version; or an absolute path starting with <c>/</c>, used as it is.
    /// </param>
    /// <param name="requiredScope">
    /// The scope the call needs. Default: <see cref="FactorialScope.Read"/> for GET and HEAD,
    /// <see cref="FactorialScope.Write"/> for every other method.
    /// </param>
    public FactorialRequest(HttpMethod method, string path, FactorialScope? requiredScope = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Method = method;
        Path = path;
        RequiredScope = requiredScope ?? ScopeOf(method);
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The resource path or absolute path (see the constructor).</summary>
    public string Path { get; }

    /// <summary>The path with placeholders (e.g. <c>employees/employees/{id}</c>), used in errors and logs instead of the concrete path.</summary>
    public string? PathTemplate { get; init; }

    /// <summary>The scope the call needs.</summary>
    public FactorialScope RequiredScope { get; }

    /// <summary>
    /// The Factorial resource scope the call needs, or <see cref="FactorialResourceScopes.None"/> when no resource scope
    /// is known to cover it (then only <see cref="RequiredScope"/> is checked).
    /// </summary>
    public FactorialResourceScopes RequiredResource { get; init; }

    /// <summary>The query parameters, in the order added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => (IReadOnlyList<KeyValuePair<string, string>>?)_query ?? [];

    /// <summary>The body, or <see langword="null"/>.</summary>
    public HttpContent? Content { get; private set; }

    /// <summary>The default scope rule: GET and HEAD read, every other method writes.</summary>
    public static FactorialScope ScopeOf(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options ? FactorialScope.Read : FactorialScope.Write;

    /// <summary>Adds a query parameter; a <see langword="null"/> value adds nothing.</summary>
    public FactorialRequest AddQuery(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value is not null)
        {
            (_query ??= []).Add(new(name, value));
        }

        return this;
    }

    /// <summary>Adds one query parameter per value, e.g. <c>ids[]=1&amp;ids[]=2</c>; <see langword="null"/> adds nothing.</summary>
    public FactorialRequest AddQuery(string name, IEnumerable<string>? values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (values is not null)
        {
            foreach (var value in values)
            {
                (_query ??= []).Add(new(name, value));
            }
        }

        return this;
    }

    /// <summary>
    /// Adds an object as Rails-style query fields: <c>filter[key]=value</c> for each pair (<c>filter[][key]=value</c>
    /// when <paramref name="name"/> ends with <c>[]</c>); <see langword="null"/> adds nothing.
    /// </summary>
    public FactorialRequest AddQueryObject(string name, IEnumerable<KeyValuePair<string, string>>? fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (fields is not null)
        {
            foreach (var field in fields)
            {
                (_query ??= []).Add(new($"{name}[{field.Key}]", field.Value));
            }
        }

        return this;
    }

    /// <summary>Sets a JSON body, serialized with <paramref name="typeInfo"/> (no reflection).</summary>
    public FactorialRequest WithJsonBody<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = JsonMediaType;
        Content = content;
        return this;
    }

    /// <summary>Sets a body you built yourself.</summary>
    public FactorialRequest WithContent(HttpContent? content)
    {
        Content = content;
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathTemplate ?? Path}";
}
