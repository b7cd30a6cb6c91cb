using System.Net;

namespace FactorialGen;

/// <summary>
/// An operation needs a scope the token lacks: a read/write scope (<see cref="RequiredScope"/>) or one of Factorial's
/// resource scopes (<see cref="RequiredResource"/>). Raised before anything is sent when the token is known to lack
/// it, and when Factorial answers 403 <c>insufficient_scope</c>. <see cref="MissingScope"/> names the scope to add.
/// </summary>
public sealed class FactorialScopeException : FactorialException
{
    /// <summary>Creates the exception for a read/write scope the token lacks.</summary>
    public FactorialScopeException(FactorialScope requiredScope, FactorialScope? grantedScope, string method, string path, HttpStatusCode? statusCode = null, string? responseBody = null)
        : this(ScopeMessages.ReadWrite(requiredScope, grantedScope, method, path, statusCode), requiredScope, grantedScope, FactorialResourceScopes.None, FactorialResourceScopes.None, requiredScope.ToOAuthString(), method, path, statusCode, responseBody)
    {
    }

    /// <summary>Creates the exception for a Factorial resource scope the token lacks.</summary>
    /// <param name="requiredResource">The resource scope the operation needs (not <see cref="FactorialResourceScopes.None"/>).</param>
    /// <param name="grantedResources">The resource scopes the token was granted; <see cref="FactorialResourceScopes.None"/> when not known.</param>
    /// <param name="requiredScope">The read/write scope the operation needs.</param>
    /// <param name="grantedScope">The read/write scope the token was granted, when known.</param>
    /// <param name="method">The request's HTTP method.</param>
    /// <param name="path">The request's path template.</param>
    /// <param name="statusCode">403 when Factorial refused the call; <see langword="null"/> when nothing was sent.</param>
    /// <param name="responseBody">Factorial's raw answer when it refused the call.</param>
    public FactorialScopeException(FactorialResourceScopes requiredResource, FactorialResourceScopes grantedResources, FactorialScope requiredScope, FactorialScope? grantedScope, string method, string path, HttpStatusCode? statusCode = null, string? responseBody = null)
        : this(ScopeMessages.Resource(requiredResource, grantedResources, method, path, statusCode, fromTable: false), requiredScope, grantedScope, requiredResource, grantedResources, ScopeMessages.NameOf(requiredResource), method, path, statusCode, responseBody)
    {
    }

    internal FactorialScopeException(string message, FactorialScope requiredScope, FactorialScope? grantedScope, FactorialResourceScopes requiredResource, FactorialResourceScopes grantedResources, string? missingScope, string method, string path, HttpStatusCode? statusCode, string? responseBody)
        : base(message)
    {
        RequiredScope = requiredScope;
        GrantedScope = grantedScope;
        RequiredResource = requiredResource;
        GrantedResources = grantedResources;
        MissingScope = missingScope;
        Method = method;
        Path = path;
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>The read/write scope the operation needs.</summary>
    public FactorialScope RequiredScope { get; }

    /// <summary>The read/write scope the token was granted, when known.</summary>
    public FactorialScope? GrantedScope { get; }

    /// <summary>
    /// The Factorial resource scope the operation needs and the token lacks, or <see cref="FactorialResourceScopes.None"/>
    /// when the missing scope is a read/write scope or not known.
    /// </summary>
    public FactorialResourceScopes RequiredResource { get; }

    /// <summary>The resource scopes the token was granted, or <see cref="FactorialResourceScopes.None"/> when not known.</summary>
    public FactorialResourceScopes GrantedResources { get; }

    /// <summary>
    /// The OAuth name of the scope to add (<c>write</c>, <c>time_tracking</c>, or the name Factorial's answer gave), or
    /// <see langword="null"/> when neither the answer nor FactorialGen's table says which scope is missing.
    /// </summary>
    public string? MissingScope { get; }

    /// <summary>The request's HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request's path, without query string.</summary>
    public string Path { get; }

    /// <summary>403 when Factorial refused the call; <see langword="null"/> when nothing was sent.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Factorial's raw answer when it refused the call.</summary>
    public string? ResponseBody { get; }
}
