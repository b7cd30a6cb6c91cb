using System;

namespace FactorialGen;

/// <summary>
/// Marks a generated client method with the API operation it calls: HTTP method, path template and the scope the
/// token needs. The FactorialGen analyzer reads it to report scope mistakes at compile time (FG0001).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FactorialOperationAttribute : Attribute
{
    /// <summary>Describes an operation.</summary>
    /// <param name="method">The HTTP method, e.g. <c>GET</c>.</param>
    /// <param name="path">The path template, e.g. <c>/api/2026-07-01/resources/employees/employees/{id}</c>.</param>
    public FactorialOperationAttribute(string method, string path)
    {
        Method = method;
        Path = path;
    }

    /// <summary>Describes an operation and the scopes a token needs for it (the form generated code writes: shortest).</summary>
    /// <param name="method">The HTTP method, e.g. <c>GET</c>.</param>
    /// <param name="path">The path template, e.g. <c>/api/2026-07-01/resources/employees/employees/{id}</c>.</param>
    /// <param name="requiredScope">The scope a token needs (<see cref="RequiredScope"/>).</param>
    /// <param name="requiredResource">The resource scope a token needs, or <see cref="FactorialResourceScopes.None"/> (<see cref="RequiredResource"/>).</param>
    public FactorialOperationAttribute(string method, string path, FactorialScope requiredScope, FactorialResourceScopes requiredResource = FactorialResourceScopes.None)
        : this(method, path)
    {
        RequiredScope = requiredScope;
        RequiredResource = requiredResource;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path template.</summary>
    public string Path { get; }

    /// <summary>The scope a token needs for this operation.</summary>
    public FactorialScope RequiredScope { get; set; } = FactorialScope.Read;

    /// <summary>
    /// The Factorial resource scope a token needs for this operation, or <see cref="FactorialResourceScopes.None"/>
    /// when no resource scope is known to cover it (then nothing is checked).
    /// </summary>
    public FactorialResourceScopes RequiredResource { get; set; }
}
