using System;
using System.ComponentModel;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// The errors a generated operation can raise beyond the null and path-value checks of its arguments (the paging limit's
/// included), documented once: each generated
/// operation inherits the <c>&lt;exception&gt;</c> tags of one member
/// (<c>&lt;inheritdoc cref="FactorialOperationErrors.Read" path="/exception"/&gt;</c>) instead of repeating them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum FactorialOperationErrors
{
    /// <summary>An operation that needs the read scope and reads an answer.</summary>
    /// <exception cref="FactorialScopeException">The token lacks the <c>read</c> scope (nothing is sent), or Factorial answered 403.</exception>
    /// <exception cref="FactorialApiException">Factorial answered with an error status, such as 404 for an id that does not exist or 422 for invalid input; 429 is <see cref="FactorialRateLimitException"/>.</exception>
    /// <exception cref="FactorialAuthException">The token could not be refreshed; <see cref="FactorialReauthorizationRequiredException"/> when only a new authorization helps.</exception>
    /// <exception cref="FactorialInvalidResponseException">The answer was not the JSON the document describes, or was larger than <see cref="FactorialClientOptions.MaxResponseBytes"/>.</exception>
    /// <exception cref="FactorialNetworkException">Factorial could not be reached, or the answer was not complete within <see cref="FactorialClientOptions.Timeout"/>.</exception>
    Read,

    /// <summary>An operation that needs the write scope and reads an answer.</summary>
    /// <exception cref="FactorialScopeException">The token lacks the <c>write</c> scope (nothing is sent), or Factorial answered 403.</exception>
    /// <exception cref="FactorialApiException">Factorial answered with an error status, such as 404 for an id that does not exist or 422 for invalid input; 429 is <see cref="FactorialRateLimitException"/>.</exception>
    /// <exception cref="FactorialAuthException">The token could not be refreshed; <see cref="FactorialReauthorizationRequiredException"/> when only a new authorization helps.</exception>
    /// <exception cref="FactorialInvalidResponseException">The answer was not the JSON the document describes, or was larger than <see cref="FactorialClientOptions.MaxResponseBytes"/>.</exception>
    /// <exception cref="FactorialNetworkException">Factorial could not be reached, or the answer was not complete within <see cref="FactorialClientOptions.Timeout"/>.</exception>
    Write,

    /// <summary>An operation that needs the read scope and reads no answer.</summary>
    /// <exception cref="FactorialScopeException">The token lacks the <c>read</c> scope (nothing is sent), or Factorial answered 403.</exception>
    /// <exception cref="FactorialApiException">Factorial answered with an error status, such as 404 for an id that does not exist or 422 for invalid input; 429 is <see cref="FactorialRateLimitException"/>.</exception>
    /// <exception cref="FactorialAuthException">The token could not be refreshed; <see cref="FactorialReauthorizationRequiredException"/> when only a new authorization helps.</exception>
    /// <exception cref="FactorialNetworkException">Factorial could not be reached, or the answer was not complete within <see cref="FactorialClientOptions.Timeout"/>.</exception>
    ReadNoAnswer,

    /// <summary>An operation that needs the write scope and reads no answer.</summary>
    /// <exception cref="FactorialScopeException">The token lacks the <c>write</c> scope (nothing is sent), or Factorial answered 403.</exception>
    /// <exception cref="FactorialApiException">Factorial answered with an error status, such as 404 for an id that does not exist or 422 for invalid input; 429 is <see cref="FactorialRateLimitException"/>.</exception>
    /// <exception cref="FactorialAuthException">The token could not be refreshed; <see cref="FactorialReauthorizationRequiredException"/> when only a new authorization helps.</exception>
    /// <exception cref="FactorialNetworkException">Factorial could not be reached, or the answer was not complete within <see cref="FactorialClientOptions.Timeout"/>.</exception>
    WriteNoAnswer,

    /// <summary>An operation that lists every item, page after page, with the read scope: the errors are raised while the items are enumerated.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>paging.Limit</c> is not 1 to 100 (<see cref="FactorialPaging.MaxLimit"/>); nothing is sent.</exception>
    /// <exception cref="FactorialScopeException">The token lacks the <c>read</c> scope (nothing is sent), or Factorial answered 403 (raised while the items are enumerated).</exception>
    /// <exception cref="FactorialApiException">Factorial answered with an error status, such as 404 for an id that does not exist or 422 for invalid input; 429 is <see cref="FactorialRateLimitException"/> (raised while the items are enumerated).</exception>
    /// <exception cref="FactorialAuthException">The token could not be refreshed; <see cref="FactorialReauthorizationRequiredException"/> when only a new authorization helps (raised while the items are enumerated).</exception>
    /// <exception cref="FactorialInvalidResponseException">The answer was not the JSON the document describes, or was larger than <see cref="FactorialClientOptions.MaxResponseBytes"/> (raised while the items are enumerated).</exception>
    /// <exception cref="FactorialNetworkException">Factorial could not be reached, or the answer was not complete within <see cref="FactorialClientOptions.Timeout"/> (raised while the items are enumerated).</exception>
    ReadAll,

    /// <summary>An operation that lists every item, page after page, with the write scope: the errors are raised while the items are enumerated.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>paging.Limit</c> is not 1 to 100 (<see cref="FactorialPaging.MaxLimit"/>); nothing is sent.</exception>
    /// <exception cref="FactorialScopeException">The token lacks the <c>write</c> scope (nothing is sent), or Factorial answered 403 (raised while the items are enumerated).</exception>
    /// <exception cref="FactorialApiException">Factorial answered with an error status, such as 404 for an id that does not exist or 422 for invalid input; 429 is <see cref="FactorialRateLimitException"/> (raised while the items are enumerated).</exception>
    /// <exception cref="FactorialAuthException">The token could not be refreshed; <see cref="FactorialReauthorizationRequiredException"/> when only a new authorization helps (raised while the items are enumerated).</exception>
    /// <exception cref="FactorialInvalidResponseException">The answer was not the JSON the document describes, or was larger than <see cref="FactorialClientOptions.MaxResponseBytes"/> (raised while the items are enumerated).</exception>
    /// <exception cref="FactorialNetworkException">Factorial could not be reached, or the answer was not complete within <see cref="FactorialClientOptions.Timeout"/> (raised while the items are enumerated).</exception>
    WriteAll,

    /// <summary>An operation that reads one page with the read scope.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>limit</c> is not 1 to 100 (<see cref="FactorialPaging.MaxLimit"/>); nothing is sent.</exception>
    /// <exception cref="FactorialScopeException">The token lacks the <c>read</c> scope (nothing is sent), or Factorial answered 403.</exception>
    /// <exception cref="FactorialApiException">Factorial answered with an error status, such as 404 for an id that does not exist or 422 for invalid input; 429 is <see cref="FactorialRateLimitException"/>.</exception>
    /// <exception cref="FactorialAuthException">The token could not be refreshed; <see cref="FactorialReauthorizationRequiredException"/> when only a new authorization helps.</exception>
    /// <exception cref="FactorialInvalidResponseException">The answer was not the JSON the document describes, or was larger than <see cref="FactorialClientOptions.MaxResponseBytes"/>.</exception>
    /// <exception cref="FactorialNetworkException">Factorial could not be reached, or the answer was not complete within <see cref="FactorialClientOptions.Timeout"/>.</exception>
    ReadPage,

    /// <summary>An operation that reads one page with the write scope.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>limit</c> is not 1 to 100 (<see cref="FactorialPaging.MaxLimit"/>); nothing is sent.</exception>
    /// <exception cref="FactorialScopeException">The token lacks the <c>write</c> scope (nothing is sent), or Factorial answered 403.</exception>
    /// <exception cref="FactorialApiException">Factorial answered with an error status, such as 404 for an id that does not exist or 422 for invalid input; 429 is <see cref="FactorialRateLimitException"/>.</exception>
    /// <exception cref="FactorialAuthException">The token could not be refreshed; <see cref="FactorialReauthorizationRequiredException"/> when only a new authorization helps.</exception>
    /// <exception cref="FactorialInvalidResponseException">The answer was not the JSON the document describes, or was larger than <see cref="FactorialClientOptions.MaxResponseBytes"/>.</exception>
    /// <exception cref="FactorialNetworkException">Factorial could not be reached, or the answer was not complete within <see cref="FactorialClientOptions.Timeout"/>.</exception>
    WritePage,
}
