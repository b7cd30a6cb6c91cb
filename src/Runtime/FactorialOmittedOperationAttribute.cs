using System;

namespace FactorialGen;

/// <summary>
/// Put by the generator on a generated client type to record a member it left out because the client's declared
/// scope does not allow it (a write operation on a read-only client, say). The FactorialGen code fix reads it to
/// offer widening the client's scope when such a member is called (CS1061).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class FactorialOmittedOperationAttribute : Attribute
{
    /// <summary>Records an omitted member.</summary>
    /// <param name="memberName">The member's name, e.g. <c>TerminateAsync</c>, or a group property such as <c>Attendance</c>.</param>
    /// <param name="requiredScope">The scope the client would need to be declared with to get the member.</param>
    public FactorialOmittedOperationAttribute(string memberName, FactorialScope requiredScope)
    {
        MemberName = memberName;
        RequiredScope = requiredScope;
    }

    /// <summary>The omitted member's name.</summary>
    public string MemberName { get; }

    /// <summary>The scope the client would need.</summary>
    public FactorialScope RequiredScope { get; }

    /// <summary>
    /// The resource scope the client's <see cref="FactorialClientAttribute.Resources"/> would need to include to get the
    /// member, or <see cref="FactorialResourceScopes.None"/> when the member was left out for its read/write scope only.
    /// </summary>
    public FactorialResourceScopes RequiredResource { get; set; }

    /// <summary>
    /// Whether the member was left out because no resource scope covers it and the client is declared with
    /// <see cref="FactorialClientAttribute.OmitUnknownOperations"/>: to get it the declaration must keep unknown operations
    /// (<c>OmitUnknownOperations = false</c>), or another client without <see cref="FactorialClientAttribute.Resources"/>
    /// must be declared. Adding resource scopes does not bring it back.
    /// </summary>
    public bool RequiresUnknownOperations { get; set; }
}
