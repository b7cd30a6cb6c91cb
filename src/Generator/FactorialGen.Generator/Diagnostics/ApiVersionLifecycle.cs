using System;
using System.Globalization;
using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;

namespace FactorialGen.Generator.Diagnostics;

/// <summary>
/// FG1012: the client calls a dated API version that is past Factorial's support window. Factorial names each version by
/// its release date and supports it for about a year after release. The generator never reads the clock (the same
/// input gives the same diagnostics on every machine and every day), so "today" is bounded from below by the release
/// of the newest version this package knows (its built-in document's): a version released a year or more before that
/// one is past its window whenever this package runs. Versions that are not dates are never judged.
/// </summary>
internal static class ApiVersionLifecycle
{
    /// <summary>The support window, counted from a version's release.</summary>
    public const int SupportMonths = 12;

    /// <summary>The newest API version this package knows: the version of its built-in document.</summary>
    public static string? NewestKnown => BuiltInDocument.Document.Value?.ApiVersion;

    /// <summary>Whether <paramref name="version"/> is past its support window, judged against <paramref name="newest"/>.</summary>
    public static bool IsPastSupport(string version, string newest) =>
        TryParse(version, out var released)
        && TryParse(newest, out var newestReleased)
        && released.AddMonths(SupportMonths) <= newestReleased;

    /// <summary><paramref name="diagnostics"/>, plus FG1012 when the client's document calls a version past support.</summary>
    public static EquatableArray<DiagnosticInfo> Check(ClientTarget target, ApiDocumentSpec document, EquatableArray<DiagnosticInfo> diagnostics)
    {
        if (document.ApiVersion is not { } version || NewestKnown is not { } newest || !IsPastSupport(version, newest))
        {
            return diagnostics;
        }

        var warning = target.AttributeLocation with
        {
            Id = Descriptors.FG1012_ApiVersionPastSupport.Id,
            Arguments = new[] { target.Declaration.Name, version, document.FileName ?? "the built-in document", newest }.ToEquatableArray(),
        };
        return diagnostics.Concat(new[] { warning }).ToEquatableArray();
    }

    private static bool TryParse(string version, out DateTime released) =>
        DateTime.TryParseExact(version, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out released);
}
