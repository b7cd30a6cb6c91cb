using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>How the generated code states an operation's resource scope: in its attribute, its request and its docs.</summary>
internal static class ScopeText
{
    /// <summary><c>, RequiredResource = ...</c> for an attribute's argument list, or nothing for <see cref="ResourceScope.None"/>.</summary>
    public static string RequiredResourceArgument(ResourceScope scope) =>
        scope == ResourceScope.None ? string.Empty : $", RequiredResource = {ResourceScopeNames.Expression(scope)}";

    /// <summary>The sentence of the remarks that names the operation's resource scope, or says that none covers it.</summary>
    public static string Remark(ResourceScope scope) =>
        scope == ResourceScope.None
            ? " Not covered by any resource scope: a client limited with <c>Resources</c> keeps it."
            : $" Resource scope <c>{ResourceScopeTable.OAuthName(scope)}</c>.";
}
