using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using FactorialGen.Sandbox.Json;

namespace FactorialGen.Sandbox.Api;

/// <summary>
/// The dated version in an <c>/api/{version}/...</c> path. Versions before 2025-01-01 use the old
/// shapes: bare-array lists and numeric ids; later ones wrap lists and write ids as strings.
/// </summary>
internal sealed record ApiVersion(DateOnly Date)
{
    private static readonly DateOnly FirstWrappedVersion = new(2025, 1, 1);

    public bool WrapsLists => Date >= FirstWrappedVersion;

    public SandboxJsonContext Json => WrapsLists ? SandboxJsonContext.Current : SandboxJsonContext.Legacy;

    public static bool TryParse(string? segment, [NotNullWhen(true)] out ApiVersion? version)
    {
        if (segment is { Length: 10 }
            && DateOnly.TryParseExact(segment, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            version = new ApiVersion(date);
            return true;
        }

        version = null;
        return false;
    }
}
