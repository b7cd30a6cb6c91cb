using System;
using System.Globalization;

namespace FactorialGen;

/// <summary>
/// Catches a base address that already holds the API's own path. Clients append <c>/api/{version}/resources/…</c>
/// (and OAuth <c>/oauth/…</c>) to the base address, so <c>https://api.factorialhr.com/api/</c> would send every call to
/// <c>/api/api/…</c> and get 404s that name the right path. A base address may have a path (a proxy's prefix, say);
/// only one whose last segment is <c>api</c>, or that goes on past <c>api</c> into a version or <c>resources</c>, is refused.
/// </summary>
internal static class BaseAddressPaths
{
    /// <exception cref="ArgumentException">The path of <paramref name="address"/> holds the API's own <c>/api/…</c> path.</exception>
    public static void ThrowIfDoubled(Uri address, string paramName)
    {
        var segments = address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (!string.Equals(segments[i], "api", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var next = i + 1 < segments.Length ? segments[i + 1] : null;
            if (next is null || IsVersion(next) || string.Equals(next, "resources", StringComparison.OrdinalIgnoreCase))
            {
                // Only the segments checked above appear (api, a version, resources): the rest of the path is never shown.
                var kept = next is null ? "/api/" : $"/api/{next}/";
                throw new ArgumentException(
                    $"The base address '{BaseAddressPolicy.Describe(address)}' has '{kept}' in its path, but clients add '/api/{{version}}/resources/…' themselves, so every call would go to '/api/api/…' and fail with 404. "
                    + "Give the host only, such as 'https://api.factorialhr.com/' (keep a proxy's own path prefix before 'api', if there is one), and choose the version with FactorialClientOptions.ApiVersion.",
                    paramName);
            }
        }
    }

    /// <summary>A dated API version (<c>2026-07-01</c>) or a <c>v1</c>-style one.</summary>
    private static bool IsVersion(string segment) =>
        DateOnly.TryParseExact(segment, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || (segment.Length >= 2 && segment[0] is 'v' or 'V' && int.TryParse(segment.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out _));
}
