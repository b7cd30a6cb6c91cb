using System;
using System.ComponentModel;
using System.Net.Http;
using System.Threading;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// The parameters a generated operation adds to the document's own (the cancellation token, the request body, the
/// options object, the paging values), documented once: each generated operation inherits their <c>&lt;param&gt;</c>
/// tags from the member whose parameters are the ones it adds
/// (<c>&lt;inheritdoc cref="FactorialOperationParameters.Page" path="/param"/&gt;</c>), or selects them by name from
/// <see cref="Any"/>, instead of repeating them. Only documentation refers to these members; nothing derives from
/// this type or calls them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class FactorialOperationParameters
{
    private protected FactorialOperationParameters()
    {
    }

    /// <summary>An operation that adds only the cancellation token.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public abstract void Call(CancellationToken cancellationToken);

    /// <summary>An operation with a JSON request body.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public abstract void Body(object? body, CancellationToken cancellationToken);

    /// <summary>An operation whose request body the caller builds.</summary>
    /// <param name="content">The request body (for example multipart form data), built by the caller.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public abstract void Content(HttpContent content, CancellationToken cancellationToken);

    /// <summary>An operation whose optional query parameters are an options object.</summary>
    /// <param name="options">The optional query parameters (filters, switches).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public abstract void Options(object options, CancellationToken cancellationToken);

    /// <summary>An operation that reads one page.</summary>
    /// <param name="limit">Items per page, 1 to 100 (FactorialPaging.MaxLimit; another value is refused before sending); the document does not list it, Factorial accepts it.</param>
    /// <param name="afterId">The cursor after which the page starts (the previous page's 'end_cursor').</param>
    /// <param name="beforeId">The cursor before which the page ends (the next page's 'start_cursor').</param>
    /// <param name="page">The page number, for page-based paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public abstract void Page(int? limit, string? afterId, string? beforeId, int? page, CancellationToken cancellationToken);

    /// <summary>An operation that reads one page, its optional query parameters an options object.</summary>
    /// <param name="options">The optional query parameters (filters, switches).</param>
    /// <param name="limit">Items per page, 1 to 100 (FactorialPaging.MaxLimit; another value is refused before sending); the document does not list it, Factorial accepts it.</param>
    /// <param name="afterId">The cursor after which the page starts (the previous page's 'end_cursor').</param>
    /// <param name="beforeId">The cursor before which the page ends (the next page's 'start_cursor').</param>
    /// <param name="page">The page number, for page-based paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public abstract void OptionsPage(object options, int? limit, string? afterId, string? beforeId, int? page, CancellationToken cancellationToken);

    /// <summary>
    /// An operation that lists every item, page after page: its other parameters are those of the operation that reads
    /// one page, whose docs it inherits too.
    /// </summary>
    /// <param name="paging">Page size and paging mode; by default 100 items per page with cursors.</param>
    public abstract void Paging(FactorialPaging? paging);

    /// <summary>
    /// The checks of an operation whose one path value, a text, is <c>id</c> (the most common shape): the operation
    /// inherits these exceptions (<c>path="/exception"</c>).
    /// </summary>
    /// <param name="id">The path value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, <c>.</c> or <c>..</c>, which would address another resource; nothing is sent.</exception>
    public abstract void Id(string id);

    /// <summary>
    /// The check of an operation whose one argument that must not be null is its options object: the operation
    /// inherits this exception (<c>path="/exception"</c>).
    /// </summary>
    /// <param name="options">The optional query parameters (filters, switches).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public abstract void RequiredOptions(object options);

    /// <summary>Every parameter a generated operation can add, for the combinations no other member has: selected by name (<c>path="/param[@name='options' or @name='cancellationToken']"</c>).</summary>
    /// <param name="body">The request body.</param>
    /// <param name="content">The request body (for example multipart form data), built by the caller.</param>
    /// <param name="options">The optional query parameters (filters, switches).</param>
    /// <param name="limit">Items per page, 1 to 100 (FactorialPaging.MaxLimit; another value is refused before sending); the document does not list it, Factorial accepts it.</param>
    /// <param name="afterId">The cursor after which the page starts (the previous page's 'end_cursor').</param>
    /// <param name="beforeId">The cursor before which the page ends (the next page's 'start_cursor').</param>
    /// <param name="page">The page number, for page-based paging.</param>
    /// <param name="paging">Page size and paging mode; by default 100 items per page with cursors.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public abstract void Any(object? body, HttpContent? content, object? options, int? limit, string? afterId, string? beforeId, int? page, FactorialPaging? paging, CancellationToken cancellationToken);
}
