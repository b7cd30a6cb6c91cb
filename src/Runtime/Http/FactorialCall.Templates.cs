using System.Net.Http;
using System.Runtime.CompilerServices;

namespace FactorialGen.Runtime.Generated;

// The request of an operation from its path template, written once: FromTemplate for any method, and one shortcut per
// common method so generated code does not spell out the HttpMethod at each operation. The path values (0 to 3: no
// params array) fill the template's {…} placeholders in order, each escaped with Uri.EscapeDataString.
public static partial class FactorialCall
{
    /// <summary>Creates the request of one operation from its path template.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="template">The absolute path with a <c>{…}</c> placeholder per path value, e.g. <c>/api/2026-07-01/resources/timeoff/leaves/{id}</c>.</param>
    /// <param name="scope">The scope the operation needs.</param>
    /// <param name="resource">The resource scope the operation needs, or <see cref="FactorialResourceScopes.None"/>.</param>
    /// <returns>
    /// The request: its <see cref="FactorialRequest.Path"/> is the template with the placeholders filled in, each value escaped
    /// with <see cref="System.Uri.EscapeDataString(string)"/>; its <see cref="FactorialRequest.PathTemplate"/> is <paramref name="template"/>.
    /// </returns>
    /// <exception cref="System.ArgumentException">The template's placeholders are not exactly as many as the values given.</exception>
    /// <exception cref="System.ArgumentNullException">A value is null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest FromTemplate(HttpMethod method, string template, FactorialScope scope, FactorialResourceScopes resource) =>
        Build(method, template, scope, resource, 0, null, null, null);

    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)"/>
    /// <param name="method">The HTTP method.</param>
    /// <param name="template">The absolute path with one <c>{…}</c> placeholder.</param>
    /// <param name="scope">The scope the operation needs.</param>
    /// <param name="resource">The resource scope the operation needs, or <see cref="FactorialResourceScopes.None"/>.</param>
    /// <param name="first">The value of the placeholder (not yet escaped).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest FromTemplate(HttpMethod method, string template, FactorialScope scope, FactorialResourceScopes resource, string first) =>
        Build(method, template, scope, resource, 1, first, null, null);

    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)"/>
    /// <param name="method">The HTTP method.</param>
    /// <param name="template">The absolute path with two <c>{…}</c> placeholders.</param>
    /// <param name="scope">The scope the operation needs.</param>
    /// <param name="resource">The resource scope the operation needs, or <see cref="FactorialResourceScopes.None"/>.</param>
    /// <param name="first">The value of the first placeholder (not yet escaped).</param>
    /// <param name="second">The value of the second placeholder.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest FromTemplate(HttpMethod method, string template, FactorialScope scope, FactorialResourceScopes resource, string first, string second) =>
        Build(method, template, scope, resource, 2, first, second, null);

    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)"/>
    /// <param name="method">The HTTP method.</param>
    /// <param name="template">The absolute path with three <c>{…}</c> placeholders.</param>
    /// <param name="scope">The scope the operation needs.</param>
    /// <param name="resource">The resource scope the operation needs, or <see cref="FactorialResourceScopes.None"/>.</param>
    /// <param name="first">The value of the first placeholder (not yet escaped).</param>
    /// <param name="second">The value of the second placeholder.</param>
    /// <param name="third">The value of the third placeholder.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest FromTemplate(HttpMethod method, string template, FactorialScope scope, FactorialResourceScopes resource, string first, string second, string third) =>
        Build(method, template, scope, resource, 3, first, second, third);

    /// <summary>Creates the request of one GET operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)"/> with <see cref="HttpMethod.Get"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Get(string template, FactorialScope scope, FactorialResourceScopes resource) =>
        Build(HttpMethod.Get, template, scope, resource, 0, null, null, null);

    /// <summary>Creates the request of one GET operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string)"/> with <see cref="HttpMethod.Get"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Get(string template, FactorialScope scope, FactorialResourceScopes resource, string first) =>
        Build(HttpMethod.Get, template, scope, resource, 1, first, null, null);

    /// <summary>Creates the request of one GET operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string)"/> with <see cref="HttpMethod.Get"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Get(string template, FactorialScope scope, FactorialResourceScopes resource, string first, string second) =>
        Build(HttpMethod.Get, template, scope, resource, 2, first, second, null);

    /// <summary>Creates the request of one GET operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string, string)"/> with <see cref="HttpMethod.Get"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Get(string template, FactorialScope scope, FactorialResourceScopes resource, string first, string second, string third) =>
        Build(HttpMethod.Get, template, scope, resource, 3, first, second, third);

    /// <summary>Creates the request of one POST operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)"/> with <see cref="HttpMethod.Post"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Post(string template, FactorialScope scope, FactorialResourceScopes resource) =>
        Build(HttpMethod.Post, template, scope, resource, 0, null, null, null);

    /// <summary>Creates the request of one POST operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string)"/> with <see cref="HttpMethod.Post"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Post(string template, FactorialScope scope, FactorialResourceScopes resource, string first) =>
        Build(HttpMethod.Post, template, scope, resource, 1, first, null, null);

    /// <summary>Creates the request of one POST operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string)"/> with <see cref="HttpMethod.Post"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Post(string template, FactorialScope scope, FactorialResourceScopes resource, string first, string second) =>
        Build(HttpMethod.Post, template, scope, resource, 2, first, second, null);

    /// <summary>Creates the request of one POST operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string, string)"/> with <see cref="HttpMethod.Post"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Post(string template, FactorialScope scope, FactorialResourceScopes resource, string first, string second, string third) =>
        Build(HttpMethod.Post, template, scope, resource, 3, first, second, third);

    /// <summary>Creates the request of one PUT operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)"/> with <see cref="HttpMethod.Put"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Put(string template, FactorialScope scope, FactorialResourceScopes resource) =>
        Build(HttpMethod.Put, template, scope, resource, 0, null, null, null);

    /// <summary>Creates the request of one PUT operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string)"/> with <see cref="HttpMethod.Put"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Put(string template, FactorialScope scope, FactorialResourceScopes resource, string first) =>
        Build(HttpMethod.Put, template, scope, resource, 1, first, null, null);

    /// <summary>Creates the request of one PUT operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string)"/> with <see cref="HttpMethod.Put"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Put(string template, FactorialScope scope, FactorialResourceScopes resource, string first, string second) =>
        Build(HttpMethod.Put, template, scope, resource, 2, first, second, null);

    /// <summary>Creates the request of one PUT operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string, string)"/> with <see cref="HttpMethod.Put"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Put(string template, FactorialScope scope, FactorialResourceScopes resource, string first, string second, string third) =>
        Build(HttpMethod.Put, template, scope, resource, 3, first, second, third);

    /// <summary>Creates the request of one PATCH operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)"/> with <see cref="HttpMethod.Patch"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Patch(string template, FactorialScope scope, FactorialResourceScopes resource) =>
        Build(HttpMethod.Patch, template, scope, resource, 0, null, null, null);

    /// <summary>Creates the request of one PATCH operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string)"/> with <see cref="HttpMethod.Patch"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Patch(string template, FactorialScope scope, FactorialResourceScopes resource, string first) =>
        Build(HttpMethod.Patch, template, scope, resource, 1, first, null, null);

    /// <summary>Creates the request of one PATCH operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string)"/> with <see cref="HttpMethod.Patch"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Patch(string template, FactorialScope scope, FactorialResourceScopes resource, string first, string second) =>
        Build(HttpMethod.Patch, template, scope, resource, 2, first, second, null);

    /// <summary>Creates the request of one PATCH operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string, string)"/> with <see cref="HttpMethod.Patch"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Patch(string template, FactorialScope scope, FactorialResourceScopes resource, string first, string second, string third) =>
        Build(HttpMethod.Patch, template, scope, resource, 3, first, second, third);

    /// <summary>Creates the request of one DELETE operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)"/> with <see cref="HttpMethod.Delete"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Delete(string template, FactorialScope scope, FactorialResourceScopes resource) =>
        Build(HttpMethod.Delete, template, scope, resource, 0, null, null, null);

    /// <summary>Creates the request of one DELETE operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string)"/> with <see cref="HttpMethod.Delete"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Delete(string template, FactorialScope scope, FactorialResourceScopes resource, string first) =>
        Build(HttpMethod.Delete, template, scope, resource, 1, first, null, null);

    /// <summary>Creates the request of one DELETE operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string)"/> with <see cref="HttpMethod.Delete"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Delete(string template, FactorialScope scope, FactorialResourceScopes resource, string first, string second) =>
        Build(HttpMethod.Delete, template, scope, resource, 2, first, second, null);

    /// <summary>Creates the request of one DELETE operation from its path template (<see cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string, string)"/> with <see cref="HttpMethod.Delete"/>).</summary>
    /// <inheritdoc cref="FromTemplate(HttpMethod, string, FactorialScope, FactorialResourceScopes, string, string, string)" path="/*[not(self::summary)]"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FactorialRequest Delete(string template, FactorialScope scope, FactorialResourceScopes resource, string first, string second, string third) =>
        Build(HttpMethod.Delete, template, scope, resource, 3, first, second, third);

    private static FactorialRequest Build(HttpMethod method, string template, FactorialScope scope, FactorialResourceScopes resource, int count, string? first, string? second, string? third) =>
        new(method, FactorialPathTemplate.Fill(template, count, first, second, third), scope) { PathTemplate = template, RequiredResource = resource };
}
