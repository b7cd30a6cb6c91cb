using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>How the generated code states an operation's resource scope: in its attribute, its request and its docs.</summary>
internal static class ScopeText
{
    /// <summary>
    /// <c>, __Res.X</c>: the last argument of a <c>[FactorialOperation(method, path, requiredScope, requiredResource)]</c>,
    /// or nothing for <see cref="ResourceScope.None"/> (the constructor's default).
    /// </summary>
    public static string RequiredResourceArgument(ResourceScope scope) =>
        scope == ResourceScope.None ? string.Empty : $", {Expression(scope)}";

    /// <summary>The C# expression naming <paramref name="scope"/>, e.g. <c>__Res.Employees</c> (the alias of <see cref="Aliases.Scopes"/>).</summary>
    public static string Expression(ResourceScope scope) =>
        scope == ResourceScope.None ? "__Res.None" : ResourceScopeNames.Describe(scope, " | ", "__Res.");

    /// <summary>The sentence of the remarks that names the operation's resource scope, or says that none covers it.</summary>
    public static string Remark(ResourceScope scope) =>
        scope == ResourceScope.None
            ? " Not covered by any resource scope: a client limited with <c>Resources</c> keeps it."
            : $" Resource scope <c>{ResourceScopeTable.OAuthName(scope)}</c>.";
}
