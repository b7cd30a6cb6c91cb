using System;

namespace FactorialGen;

/// <summary>
/// The OAuth scopes that Factorial grants: <c>read</c> for operations that only read, <c>write</c> for
/// operations that change data. A token carries one or both.
/// </summary>
[Flags]
public enum FactorialScope
{
    /// <summary>Read operations (GET): OAuth scope <c>read</c>.</summary>
    Read = 1,

    /// <summary>Write operations (POST, PUT, PATCH, DELETE): OAuth scope <c>write</c>.</summary>
    Write = 2,

    /// <summary>Both scopes: OAuth scope <c>read write</c>.</summary>
    ReadWrite = Read | Write,
}
