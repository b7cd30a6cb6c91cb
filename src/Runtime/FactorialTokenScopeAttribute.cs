using System;

namespace FactorialGen;

/// <summary>
/// Declares the scope of the token held by a parameter, field, property or method result, so the FactorialGen
/// analyzer can check calls made with it across method boundaries (FG0001, FG0002).
/// </summary>
/// <example>
/// <code>
/// public Task ExportAsync([FactorialTokenScope(FactorialScope.Read)] FactorialToken token) { … }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = false)]
public sealed class FactorialTokenScopeAttribute : Attribute
{
    /// <summary>Declares the token's scope.</summary>
    public FactorialTokenScopeAttribute(FactorialScope scope) => Scope = scope;

    /// <summary>The scope the token was authorized for.</summary>
    public FactorialScope Scope { get; }

    /// <summary>
    /// The resource scopes the token was granted, or <see cref="FactorialResourceScopes.None"/> when the token uses the
    /// read/write scheme only (or its resource scopes are not known).
    /// </summary>
    public FactorialResourceScopes Resources { get; set; }
}
