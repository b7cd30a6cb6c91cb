using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using FactorialGen.Sandbox.Json;
using FactorialGen.Sandbox.Models;
using Microsoft.AspNetCore.Http;

namespace FactorialGen.Sandbox.Api;

/// <summary>
/// Writes records and lists in the shape of the requested API version. Lists arrive filtered and
/// in id order; paging happens here.
/// </summary>
internal static class ApiResponses
{
    public const int MaxLimit = 100;

    public static Task ItemAsync<T>(HttpContext http, ApiRequest api, T item, ResourceJson<T> json, int status = 200) =>
        HttpJson.WriteAsync(http, status, item, json.Item(api.Version.Json));

    /// <summary>
    /// Old versions: the whole list as a bare array, or one page of it when <c>page</c> is given.
    /// New versions: <c>{data, meta}</c> with <c>limit</c> (max 100) and either <c>page</c>,
    /// <c>after_id</c> or <c>before_id</c> (cursors are opaque; plain ids are accepted too).
    /// </summary>
    public static Task ListAsync<T>(HttpContext http, ApiRequest api, List<T> items, ResourceJson<T> json)
        where T : IResource
    {
        var query = new QueryReader(http.Request.Query);
        int? page = query.Int("page");
        if (page is < 1)
        {
            throw ApiProblem.BadRequest("The page parameter starts at 1.");
        }

        int limit = Math.Clamp(query.Int("limit") is int requested and > 0 ? requested : MaxLimit, 1, MaxLimit);
        if (!api.Version.WrapsLists)
        {
            List<T> bare = page is int p ? Slice(items, (int)Math.Min((long)(p - 1) * limit, items.Count), limit) : items;
            return HttpJson.WriteAsync(http, 200, bare, json.List(api.Version.Json));
        }

        long? after = Cursor(query, "after_id");
        long? before = Cursor(query, "before_id");
        if (after is not null && before is not null)
        {
            throw ApiProblem.BadRequest("Use either after_id or before_id, not both.");
        }

        int start;
        int end;
        if (page is int number)
        {
            start = (int)Math.Min((long)(number - 1) * limit, items.Count);
            end = Math.Min(start + limit, items.Count);
        }
        else if (before is long beforeId)
        {
            end = FirstIndexAtLeast(items, beforeId);
            start = Math.Max(0, end - limit);
        }
        else
        {
            start = after is long afterId ? FirstIndexAtLeast(items, afterId + 1) : 0;
            end = Math.Min(start + limit, items.Count);
        }

        List<T> data = items.GetRange(start, end - start);
        var meta = new PageMeta(
            limit,
            items.Count,
            HasNextPage: end < items.Count,
            HasPreviousPage: start > 0,
            StartCursor: data.Count == 0 ? null : EncodeCursor(data[0].Id.Value),
            EndCursor: data.Count == 0 ? null : EncodeCursor(data[^1].Id.Value));
        return HttpJson.WriteAsync(http, 200, new ListEnvelope<T>(data, meta), json.Envelope(api.Version.Json));
    }

    public static string EncodeCursor(long id) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(id.ToString(CultureInfo.InvariantCulture)));

    private static long? Cursor(QueryReader query, string name)
    {
        string? text = query.Text(name);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long plain))
        {
            return plain;
        }

        try
        {
            string decoded = Encoding.ASCII.GetString(Convert.FromBase64String(text));
            if (long.TryParse(decoded, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
            {
                return id;
            }
        }
        catch (FormatException)
        {
        }

        throw ApiProblem.BadRequest($"The cursor '{name}' is not one this server issued.");
    }

    private static int FirstIndexAtLeast<T>(List<T> items, long id)
        where T : IResource
    {
        int low = 0;
        int high = items.Count;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (items[middle].Id.Value < id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static List<T> Slice<T>(List<T> items, int start, int count)
    {
        start = Math.Min(start, items.Count);
        return items.GetRange(start, Math.Min(count, items.Count - start));
    }
}
