using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen;

/// <summary>
/// Walks a list page after page for <see cref="FactorialConnection.ListAllAsync"/>: cursor paging
/// (<c>limit</c> + <c>after_id</c>, refusing a cursor the server sends twice), page numbers, and page numbers with
/// pages fetched ahead (<see cref="FactorialPaging.Prefetch"/>), never past <see cref="FactorialPaging.MaxPages"/>.
/// </summary>
internal static class FactorialPager
{
    public static async IAsyncEnumerable<T> ListAllAsync<T>(FactorialConnection connection, FactorialRequest request, JsonTypeInfo<T> itemType, FactorialPaging paging, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (paging.Mode == FactorialPagingMode.Page && paging.Prefetch > 1)
        {
            await foreach (var item in ListPagesAheadAsync(connection, request, itemType, paging, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        var limit = paging.Limit.ToString(CultureInfo.InvariantCulture);
        string? cursor = null;
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        var (pages, items) = (0, 0L);
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

            var page = await connection.GetPageCoreAsync(request, itemType, extra, cancellationToken).ConfigureAwait(false);
            FactorialPagingRules.Report(paging, ref pages, ref items, page);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (paging.Mode == FactorialPagingMode.Page)
            {
                if (!HasMore(page, paging))
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
                throw new FactorialInvalidResponseException($"Paging did not advance: the server sent the cursor '{next}' twice, so reading stopped instead of looping forever. Read the list with FactorialPagingMode.Page, or report the answer to Factorial", HttpStatusCode.OK, request.Method.Method, FactorialRequestFacts.TemplateOf(request), null);
            }

            cursor = next;
        }
    }

    private static bool HasMore<T>(FactorialPage<T> page, FactorialPaging paging)
    {
        var more = page.Meta is { } meta ? meta.HasNextPage : page.Items.Count >= paging.Limit;
        return more && page.Items.Count > 0;
    }

    private static async IAsyncEnumerable<T> ListPagesAheadAsync<T>(FactorialConnection connection, FactorialRequest request, JsonTypeInfo<T> itemType, FactorialPaging paging, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = paging.Limit.ToString(CultureInfo.InvariantCulture);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = new Queue<Task<FactorialPage<T>>>(paging.Prefetch);
        var nextPage = 1;
        var (pages, items) = (0, 0L);
        Task<FactorialPage<T>> Fetch(int number) => connection.GetPageCoreAsync(
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
                FactorialPagingRules.Report(paging, ref pages, ref items, page);
                foreach (var item in page.Items)
                {
                    yield return item;
                }

                if (!HasMore(page, paging))
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
}
