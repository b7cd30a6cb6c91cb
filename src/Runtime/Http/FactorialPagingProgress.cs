namespace FactorialGen;

/// <summary>
/// How far <see cref="FactorialConnection.ListAllAsync{T}"/> (and a generated <c>ListAllAsync</c>) has read, reported
/// to <see cref="FactorialPaging.Progress"/> as each page arrives, before its items are handed out.
/// </summary>
/// <param name="Pages">Pages received so far, this one included.</param>
/// <param name="Items">Items received so far, this page's included.</param>
/// <param name="Total">The number of items in the whole list, when the server says (<c>meta.total</c>); otherwise <see langword="null"/>.</param>
public readonly record struct FactorialPagingProgress(int Pages, long Items, int? Total);
