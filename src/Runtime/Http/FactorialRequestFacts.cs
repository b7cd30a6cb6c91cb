using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;

namespace FactorialGen;

/// <summary>
/// What a <see cref="FactorialRequest"/> becomes on the wire: its path template (the name logs, traces and errors use,
/// never the concrete path), its absolute URI, and the <see cref="HttpRequestMessage"/> that carries the scope and
/// template to the handler chain.
/// </summary>
internal static class FactorialRequestFacts
{
    public static string TemplateOf(FactorialRequest request) => request.PathTemplate ?? request.Path;

    public static string ResourcesPrefix(FactorialClientOptions options) => $"api/{options.ApiVersion}/resources/";

    /// <summary>
    /// The message for <paramref name="request"/>. Over a pipeline this library built, the scope and template ride on
    /// the message itself (no <see cref="HttpRequestMessage.Options"/> dictionary per request); over a caller's
    /// pipeline, whose handlers may clone requests or read the documented <see cref="FactorialRequestOptions"/>
    /// keys, they go into the options as well.
    /// </summary>
    public static HttpRequestMessage NewMessage(FactorialRequest request, Uri uri, string template, bool setsRequestOptions)
    {
        if (!setsRequestOptions)
        {
            return new FactorialHttpRequestMessage(request.Method, uri, request.RequiredScope, template) { Content = request.Content, RequiredResource = request.RequiredResource };
        }

        var message = new HttpRequestMessage(request.Method, uri) { Content = request.Content };
        message.Options.Set(FactorialRequestOptions.RequiredScope, request.RequiredScope);
        message.Options.Set(FactorialRequestOptions.PathTemplate, template);
        if (request.RequiredResource != FactorialResourceScopes.None)
        {
            message.Options.Set(FactorialRequestOptions.RequiredResource, request.RequiredResource);
        }

        return message;
    }

    /// <summary>
    /// The absolute URI: base address, then the resource prefix for relative paths, then the query, where
    /// <paramref name="extraQuery"/> (the pager's parameters) wins over the request's own pairs of the same name.
    /// </summary>
    public static Uri BuildUri(FactorialClientOptions options, string resourcesPrefix, FactorialRequest request, List<KeyValuePair<string, string>>? extraQuery)
    {
        // A stack buffer (pooled array when larger): the URI string is the only allocation besides the Uri itself.
        var builder = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        var baseAddress = options.BaseAddress.AbsoluteUri; // ends with '/'
        if (request.Path.StartsWith('/'))
        {
            builder.AppendFormatted(baseAddress.AsSpan(0, baseAddress.Length - 1));
            builder.AppendFormatted(request.Path);
        }
        else
        {
            builder.AppendFormatted(baseAddress);
            builder.AppendFormatted(resourcesPrefix);
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
}
