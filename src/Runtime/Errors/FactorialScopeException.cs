using System.Net;

namespace FactorialGen;

/// <summary>
/// An operation needs a scope the token lacks. Raised before anything is sent when the token's scope is known
/// to be insufficient, and when Factorial answers 403 <c>insufficient_scope</c>.
/// </summary>
public sealed class FactorialScopeException : FactorialException
{
    /// <summary>Creates the exception.</summary>
    public FactorialScopeException(FactorialScope requiredScope, FactorialScope? grantedScope, string method, string path, HttpStatusCode? statusCode = null, string? responseBody = null)
        : base(Describe(requiredScope, grantedScope, method, path, statusCode))
    {
        RequiredScope = requiredScope;
        GrantedScope = grantedScope;
        Method = method;
        Path = path;
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>The scope the operation needs.</summary>
    public FactorialScope RequiredScope { get; }

    /// <summary>The scope the token was granted, when known.</summary>
    public FactorialScope? GrantedScope { get; }

    /// <summary>The request's HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request's path, without query string.</summary>
    public string Path { get; }

    /// <summary>403 when Factorial refused the call; <see langword="null"/> when nothing was sent.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Factorial's raw answer when it refused the call.</summary>
    public string? ResponseBody { get; }

    private static string Describe(FactorialScope required, FactorialScope? granted, string method, string path, HttpStatusCode? status)
    {
        var grantedText = granted is { } g ? $"'{g.ToOAuthString()}'" : "a scope without it";
        var prefix = status is null ? "Not sent: " : "Factorial refused the call (403 insufficient_scope): ";
        return $"{prefix}{method} {path} needs the '{required.ToOAuthString()}' scope, but the token was authorized for {grantedText}. "
            + $"Authorize with FactorialScope.{(granted is { } gs ? gs | required : required)} to make this call.";
    }
}
