using System.Collections.Generic;

namespace FactorialGen;

/// <summary>
/// One page of a list. Factorial's 2024-10-01 API answers lists as bare arrays (<see cref="Meta"/> is
/// <see langword="null"/>); newer versions wrap them as <c>{ data, meta }</c> with cursors.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page, in the server's order.</param>
/// <param name="Meta">The paging facts, when the server sent them.</param>
public sealed record FactorialPage<T>(IReadOnlyList<T> Items, FactorialPageMeta? Meta)
{
    /// <summary>Whether the server says another page follows (<see langword="false"/> for bare arrays).</summary>
    public bool HasNextPage => Meta?.HasNextPage ?? false;

    /// <summary>The cursor to ask for the next page with (<c>after_id</c>), when there is one.</summary>
    public string? NextCursor => HasNextPage ? Meta?.EndCursor : null;
}

/// <summary>The <c>meta</c> object of a wrapped list. Every field is optional: servers leave some out or null.</summary>
/// <param name="Limit">The page size the server used.</param>
/// <param name="Total">The number of items over all pages.</param>
/// <param name="HasNextPage">Whether a page follows.</param>
/// <param name="HasPreviousPage">Whether a page precedes.</param>
/// <param name="StartCursor">The cursor of the first item (for <c>before_id</c>).</param>
/// <param name="EndCursor">The cursor of the last item (for <c>after_id</c>).</param>
public sealed record FactorialPageMeta(int? Limit, int? Total, bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>How <see cref="FactorialConnection.ListAllAsync{T}"/> walks the pages.</summary>
public enum FactorialPagingMode
{
    /// <summary>Cursor paging (<c>limit</c> + <c>after_id</c>) when the server sends <c>meta</c>; a bare array is the whole list.</summary>
    Auto = 0,

    /// <summary>Page-number paging (<c>page</c> + <c>limit</c>) until a short or empty page.</summary>
    Page = 1,
}

/// <summary>Paging settings of <see cref="FactorialConnection.ListAllAsync{T}"/>.</summary>
public sealed record FactorialPaging
{
    /// <summary>The largest page Factorial serves.</summary>
    public const int MaxLimit = 100;

    /// <summary>Items per page, 1 to <see cref="MaxLimit"/> (100). Default: 100.</summary>
    public int Limit { get; init; } = MaxLimit;

    /// <summary>How to walk the pages. Default: <see cref="FactorialPagingMode.Auto"/>.</summary>
    public FactorialPagingMode Mode { get; init; }

    /// <summary>Stop after this many pages (a guard against a server that never ends). Default: 100,000.</summary>
    public int MaxPages { get; init; } = 100_000;

    /// <summary>
    /// With <see cref="FactorialPagingMode.Page"/>: how many pages to request at once, ahead of the one being read.
    /// Items still come in order, and at most this many pages are held. Default: 1 (one request at a time).
    /// Cursor paging cannot run ahead (each cursor comes from the page before), so it ignores this.
    /// </summary>
    public int Prefetch { get; init; } = 1;

    /// <summary>
    /// Told how far the list has been read as each page arrives (pages, items, and the total when the server gives it),
    /// for a progress bar over a long list. Optional.
    /// </summary>
    public System.IProgress<FactorialPagingProgress>? Progress { get; init; }
}
