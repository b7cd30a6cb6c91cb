using System.ComponentModel;
using System.Net.Http;
using System.Runtime.CompilerServices;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// Builds the request of a generated operation in one short call, instead of a constructor and an object initializer
/// repeated in every operation. Generated code calls it; it is not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FactorialCall
{
    /// <summary>Creates the request of one operation.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The absolute path, with the path values filled in and escaped.</param>
    /// <param name="scope">The scope the operation needs.</param>
    /// <param name="resource">The resource scope the operation needs, or <see cref="FactorialResourceScopes.None"/>.</param>
    /// <param name="pathTemplate">The path with placeholders; <see langword="null"/> when it is <paramref name="path"/> (no path values).</param>
    /// <returns>The request, with <see cref="FactorialRequest.PathTemplate"/> and <see cref="FactorialRequest.RequiredResource"/> set.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // as cheap as the constructor and initializer it replaces
    public static FactorialRequest Create(HttpMethod method, string path, FactorialScope scope, FactorialResourceScopes resource = FactorialResourceScopes.None, string? pathTemplate = null) =>
        new(method, path, scope) { PathTemplate = pathTemplate ?? path, RequiredResource = resource };
}
