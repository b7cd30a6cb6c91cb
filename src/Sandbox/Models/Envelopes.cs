using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace FactorialGen.Sandbox.Models;

/// <summary>The list shape of newer API versions: the page of items plus paging metadata.</summary>
internal sealed record ListEnvelope<T>(IReadOnlyList<T> Data, PageMeta Meta);

/// <summary>Paging metadata of a wrapped list; cursors are opaque and null for an empty page.</summary>
internal sealed record PageMeta(
    int? Limit,
    int Total,
    bool HasNextPage,
    bool HasPreviousPage,
    string? StartCursor,
    string? EndCursor);

/// <summary>The JSON error body used by every endpoint.</summary>
internal sealed record ErrorBody(
    string Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorDescription = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequiredScope = null);

/// <summary>A successful answer of <c>POST /oauth/token</c>.</summary>
internal sealed record TokenResponse(
    string AccessToken,
    string TokenType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ExpiresIn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken,
    string Scope,
    long CreatedAt);
