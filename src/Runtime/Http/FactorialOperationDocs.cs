using System.ComponentModel;
using System.Net.Http;
using System.Threading;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// The shared docs of the most common kinds of generated operation in one member each: the parameters the generator
/// adds and, for an operation on one item or with an options object, the argument checks (from
/// <see cref="FactorialOperationParameters"/>), and the errors the operation raises (from
/// <see cref="FactorialOperationErrors"/>), so that such an operation inherits them all with one tag
/// (<c>&lt;inheritdoc cref="FactorialOperationDocs.WriteBody"/&gt;</c>). An operation of another kind inherits from
/// the two types separately. Only documentation refers to these members; nothing derives from this type or calls them.
/// A member's docs have no summary (what it is for is a plain comment), so the operation inherits every element of
/// them, with no path to select all but the summary: that path was 23 KB of a full document's client.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class FactorialOperationDocs
{
    private protected FactorialOperationDocs()
    {
    }

    // An operation that needs the read scope, reads an answer and adds only the cancellation token.
    /// <inheritdoc cref="FactorialOperationParameters.Call" path="/param"/>
    /// <inheritdoc cref="FactorialOperationErrors.Read" path="/exception"/>
    public abstract void Read(CancellationToken cancellationToken);

    // An operation that needs the write scope, reads an answer and adds only the cancellation token.
    /// <inheritdoc cref="FactorialOperationParameters.Call" path="/param"/>
    /// <inheritdoc cref="FactorialOperationErrors.Write" path="/exception"/>
    public abstract void Write(CancellationToken cancellationToken);

    // An operation that needs the read scope, reads no answer and adds only the cancellation token.
    /// <inheritdoc cref="FactorialOperationParameters.Call" path="/param"/>
    /// <inheritdoc cref="FactorialOperationErrors.ReadNoAnswer" path="/exception"/>
    public abstract void ReadNoAnswer(CancellationToken cancellationToken);

    // An operation that needs the write scope, reads no answer and adds only the cancellation token.
    /// <inheritdoc cref="FactorialOperationParameters.Call" path="/param"/>
    /// <inheritdoc cref="FactorialOperationErrors.WriteNoAnswer" path="/exception"/>
    public abstract void WriteNoAnswer(CancellationToken cancellationToken);

    // An operation that needs the write scope, sends a JSON body and reads an answer.
    /// <inheritdoc cref="FactorialOperationParameters.Body" path="/param"/>
    /// <inheritdoc cref="FactorialOperationErrors.Write" path="/exception"/>
    public abstract void WriteBody(object? body, CancellationToken cancellationToken);

    // An operation that needs the write scope, sends a JSON body and reads no answer.
    /// <inheritdoc cref="FactorialOperationParameters.Body" path="/param"/>
    /// <inheritdoc cref="FactorialOperationErrors.WriteNoAnswer" path="/exception"/>
    public abstract void WriteBodyNoAnswer(object? body, CancellationToken cancellationToken);

    // An operation that needs the write scope, sends a body the caller builds and reads an answer.
    /// <inheritdoc cref="FactorialOperationParameters.Content" path="/param"/>
    /// <inheritdoc cref="FactorialOperationErrors.Write" path="/exception"/>
    public abstract void WriteContent(HttpContent content, CancellationToken cancellationToken);

    // An operation that reads one page with the read scope.
    /// <inheritdoc cref="FactorialOperationParameters.Page" path="/param"/>
    /// <inheritdoc cref="FactorialOperationErrors.ReadPage" path="/exception"/>
    public abstract void ReadPage(int? limit, string? afterId, string? beforeId, int? page, CancellationToken cancellationToken);

    // An operation that lists every item, page after page, with the read scope (its other parameters are its one-page operation's).
    /// <inheritdoc cref="FactorialOperationParameters.Paging" path="/param"/>
    /// <inheritdoc cref="FactorialOperationErrors.ReadAll" path="/exception"/>
    public abstract void ReadAll(FactorialPaging? paging);

    // An operation on one item (a text <c>id</c>) that needs the read scope, reads an answer and adds only the cancellation token.
    /// <inheritdoc cref="FactorialOperationParameters.Call" path="/param"/>
    /// <inheritdoc cref="FactorialOperationParameters.Id" path="/exception"/>
    /// <inheritdoc cref="FactorialOperationErrors.Read" path="/exception"/>
    public abstract void ReadId(string id, CancellationToken cancellationToken);

    // An operation on one item (a text <c>id</c>) that needs the write scope, reads an answer and adds only the cancellation token.
    /// <inheritdoc cref="FactorialOperationParameters.Call" path="/param"/>
    /// <inheritdoc cref="FactorialOperationParameters.Id" path="/exception"/>
    /// <inheritdoc cref="FactorialOperationErrors.Write" path="/exception"/>
    public abstract void WriteId(string id, CancellationToken cancellationToken);

    // An operation on one item (a text <c>id</c>) that needs the write scope, reads no answer and adds only the cancellation token.
    /// <inheritdoc cref="FactorialOperationParameters.Call" path="/param"/>
    /// <inheritdoc cref="FactorialOperationParameters.Id" path="/exception"/>
    /// <inheritdoc cref="FactorialOperationErrors.WriteNoAnswer" path="/exception"/>
    public abstract void WriteNoAnswerId(string id, CancellationToken cancellationToken);

    // An operation on one item (a text <c>id</c>) that needs the write scope, sends a JSON body and reads an answer.
    /// <inheritdoc cref="FactorialOperationParameters.Body" path="/param"/>
    /// <inheritdoc cref="FactorialOperationParameters.Id" path="/exception"/>
    /// <inheritdoc cref="FactorialOperationErrors.Write" path="/exception"/>
    public abstract void WriteBodyId(string id, object? body, CancellationToken cancellationToken);

    // An operation on one item (a text <c>id</c>) that needs the write scope, sends a JSON body and reads no answer.
    /// <inheritdoc cref="FactorialOperationParameters.Body" path="/param"/>
    /// <inheritdoc cref="FactorialOperationParameters.Id" path="/exception"/>
    /// <inheritdoc cref="FactorialOperationErrors.WriteNoAnswer" path="/exception"/>
    public abstract void WriteBodyNoAnswerId(string id, object? body, CancellationToken cancellationToken);

    // An operation that reads one page with the read scope, its optional query parameters an options object.
    /// <inheritdoc cref="FactorialOperationParameters.OptionsPage" path="/param"/>
    /// <inheritdoc cref="FactorialOperationParameters.RequiredOptions" path="/exception"/>
    /// <inheritdoc cref="FactorialOperationErrors.ReadPage" path="/exception"/>
    public abstract void ReadOptionsPage(object options, int? limit, string? afterId, string? beforeId, int? page, CancellationToken cancellationToken);

    // An operation that lists every item, page after page, with the read scope, its optional query parameters an options object (its other parameters are its one-page operation's).
    /// <inheritdoc cref="FactorialOperationParameters.Paging" path="/param"/>
    /// <inheritdoc cref="FactorialOperationParameters.RequiredOptions" path="/exception"/>
    /// <inheritdoc cref="FactorialOperationErrors.ReadAll" path="/exception"/>
    public abstract void ReadOptionsAll(object options, FactorialPaging? paging);
}
