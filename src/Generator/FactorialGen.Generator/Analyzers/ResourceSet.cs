using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// Names of Factorial resource-scope masks (<c>FactorialResourceScopes</c>, mirrored by <see cref="ResourceScope"/>) for
/// messages and diagnostic properties.
/// </summary>
internal static class ResourceSet
{
    /// <summary>The member names of the bits in <paramref name="mask"/>, each after <paramref name="prefix"/>, joined by <paramref name="separator"/> (e.g. <c>Employees | TimeTracking</c>).</summary>
    public static string Describe(long mask, string separator, string prefix = "") => ResourceScopeNames.Describe((ResourceScope)mask, separator, prefix);

    /// <summary>Whether <paramref name="mask"/> is a combination of known resource scopes, none unknown.</summary>
    public static bool IsValid(long mask) => mask != 0 && (mask & ~(long)ResourceScopeNames.All) == 0;
}
