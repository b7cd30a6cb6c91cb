using System;
using System.Globalization;

namespace FactorialGen;

/// <summary>
/// The one page-size rule, stated once: a page holds 1 to <see cref="FactorialPaging.MaxLimit"/> items. It applies to
/// <see cref="FactorialPaging.Limit"/> and to a <c>limit</c> in a request's query (a generated <c>ListAsync(limit: …)</c>),
/// with the same message, before anything is sent: a larger limit would otherwise be cut to 100 by the server without a word.
/// </summary>
internal static class FactorialPagingRules
{
    public static void Validate(FactorialPaging paging)
    {
        ThrowIfOutOfRange(paging.Limit, "FactorialPaging.Limit", nameof(paging));
        if (paging.Prefetch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(paging), paging.Prefetch, $"FactorialPaging.Prefetch is {paging.Prefetch.ToString(CultureInfo.InvariantCulture)}: it counts the pages requested at once, so it is 1 or more.");
        }

        if (paging.MaxPages < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(paging), paging.MaxPages, $"FactorialPaging.MaxPages is {paging.MaxPages.ToString(CultureInfo.InvariantCulture)}: it must be 1 or more.");
        }
    }

    /// <summary>Checks a <c>limit</c> in <paramref name="request"/>'s query (the last one wins, as on the server).</summary>
    public static void ThrowIfQueryLimitOutOfRange(FactorialRequest request)
    {
        var query = request.Query;
        for (var i = query.Count - 1; i >= 0; i--)
        {
            if (query[i].Key == "limit")
            {
                if (int.TryParse(query[i].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit))
                {
                    ThrowIfOutOfRange(limit, "limit", "limit");
                }

                return;
            }
        }
    }

    private static void ThrowIfOutOfRange(int limit, string what, string paramName)
    {
        if (limit is < 1 or > FactorialPaging.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                limit,
                $"{what} is {limit.ToString(CultureInfo.InvariantCulture)}, but a page holds 1 to {FactorialPaging.MaxLimit.ToString(CultureInfo.InvariantCulture)} items (FactorialPaging.MaxLimit). To read more, use ListAllAsync: it requests page after page by itself.");
        }
    }

    /// <summary>Reports a page that arrived to <see cref="FactorialPaging.Progress"/>.</summary>
    public static void Report<T>(FactorialPaging paging, ref int pages, ref long items, FactorialPage<T> page)
    {
        pages++;
        items += page.Items.Count;
        paging.Progress?.Report(new FactorialPagingProgress(pages, items, page.Meta?.Total));
    }
}
