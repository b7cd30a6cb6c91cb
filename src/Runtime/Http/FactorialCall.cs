using System;
using System.ComponentModel;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// Builds the request of a generated operation in one short call, instead of a constructor and an object initializer
/// repeated in every operation. Generated code calls it; it is not meant to be called directly.
/// </summary>
/// <remarks>
/// Generated operations call the template forms (<see cref="Get(string, FactorialScope, FactorialResourceScopes, string)"/>
/// and the others in <c>FactorialCall.Templates.cs</c>): the path is written once, as its template, and the values are
/// escaped and filled in here.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class FactorialCall
{
    /// <summary>Creates the request of one operation.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The absolute path, with the path values filled in and escaped.</param>
    /// <param name="scope">The scope the operation needs.</param>
    /// <param name="resource">The resource scope the operation needs, or <see cref="FactorialResourceScopes.None"/>.</param>
    /// <param name="pathTemplate">The path with placeholders; <see langword="null"/> when it is <paramref name="path"/> (no path values).</param>
    /// <returns>The request, with <see cref="FactorialRequest.PathTemplate"/> and <see cref="FactorialRequest.RequiredResource"/> set.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // as cheap as the constructor and initializer it replaces
    public static FactorialRequest Create(HttpMethod method, string path, FactorialScope scope, FactorialResourceScopes resource = FactorialResourceScopes.None, string? pathTemplate = null) =>
        new(method, path, scope) { PathTemplate = pathTemplate ?? path, RequiredResource = resource };

    /// <summary>
    /// Adds the paging values of a one-page call, in the order generated operations always added them:
    /// <c>limit</c>, <c>after_id</c>, <c>before_id</c>, <c>page</c>; a <see langword="null"/> value adds nothing.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="afterId">The cursor after which the page starts.</param>
    /// <param name="beforeId">The cursor before which the page ends.</param>
    /// <param name="page">The page number.</param>
    /// <returns><paramref name="request"/>.</returns>
    public static FactorialRequest AddPaging(FactorialRequest request, int? limit, string? afterId, string? beforeId, int? page)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request
            .AddQuery("limit", FactorialQuery.FormatInt32(limit))
            .AddQuery("after_id", afterId)
            .AddQuery("before_id", beforeId)
            .AddQuery("page", FactorialQuery.FormatInt32(page));
    }

    /// <summary>
    /// Sets the JSON body of an operation whose body is optional: <paramref name="body"/> serialized with
    /// <paramref name="typeInfo"/>, or no body at all when the caller left it out (<see langword="null"/>), as the
    /// <c>if (body is not null)</c> generated operations wrote did.
    /// </summary>
    /// <typeparam name="T">The body's model type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="body">The body, or <see langword="null"/> for none.</param>
    /// <param name="typeInfo">The model's JSON metadata.</param>
    /// <returns><paramref name="request"/>.</returns>
    public static FactorialRequest OptionalBody<T>(FactorialRequest request, T? body, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        return body is null ? request : request.WithJsonBody(body, typeInfo);
    }
}
