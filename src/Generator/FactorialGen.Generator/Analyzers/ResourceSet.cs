using System.Text;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// Names of Factorial resource-scope masks (<c>FactorialResourceScopes</c>, mirrored by <see cref="ResourceScope"/>) for
/// messages and diagnostic properties.
/// </summary>
internal static class ResourceSet
{
    private const int Count = 27;

    /// <summary>The member names of the bits in <paramref name="mask"/>, each after <paramref name="prefix"/>, joined by <paramref name="separator"/> (e.g. <c>Employees | TimeTracking</c>).</summary>
    public static string Describe(long mask, string separator, string prefix = "")
    {
        var text = new StringBuilder();
        for (var bit = 0; bit < Count; bit++)
        {
            var one = 1L << bit;
            if ((mask & one) != 0)
            {
                text.Append(text.Length == 0 ? "" : separator).Append(prefix).Append(((ResourceScope)one).ToString());
            }
        }

        return text.ToString();
    }

    /// <summary>Whether <paramref name="mask"/> is a combination of known resource scopes, none unknown.</summary>
    public static bool IsValid(long mask) => mask != 0 && (mask & ~(long)ResourceScopeNames.All) == 0;
}
