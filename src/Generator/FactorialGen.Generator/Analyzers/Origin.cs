using System;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Analyzers;

/// <summary>How a token's scope became known.</summary>
internal enum OriginKind
{
    /// <summary>A constant passed to a method or constructor (<c>Authorize(FactorialScope.Read)</c>).</summary>
    ConstantArgument,

    /// <summary>The default value of an optional scope parameter (<c>Authorize()</c> means ReadWrite).</summary>
    DefaultArgument,

    /// <summary><c>[FactorialTokenScope(...)]</c> on a parameter, field, property or return value.</summary>
    DeclaredScope,

    /// <summary>A <c>FactorialApiKey</c>, which always covers ReadWrite.</summary>
    ApiKey,
}

/// <summary>Where a known scope came from: reported as an additional location and in the message.</summary>
internal sealed class Origin : IEquatable<Origin>
{
    public Origin(OriginKind kind, int scope, Location location, string subject)
    {
        Kind = kind;
        Scope = scope;
        Location = location;
        Subject = subject;
    }

    private Origin(OriginKind kind, long resources, Location location, string subject)
        : this(kind, 0, location, subject) => Resources = resources;

    /// <summary>An origin of a token's resource scopes (a constant <c>FactorialResourceScopes</c> expression).</summary>
    public static Origin ForResources(OriginKind kind, long resources, Location location, string subject) => new(kind, resources, location, subject);

    public OriginKind Kind { get; }

    /// <summary>The read/write scope this origin gives; 0 for an origin of resource scopes.</summary>
    public int Scope { get; }

    /// <summary>The resource scopes this origin gives (a <c>FactorialResourceScopes</c> mask); 0 for a read/write origin.</summary>
    public long Resources { get; }

    /// <summary>The constant scope expression (or the call, for a default argument); <see cref="Location.None"/> for metadata.</summary>
    public Location Location { get; }

    /// <summary>The method (<c>FactorialOAuth.Authorize</c>) or declared symbol (<c>parameter 'token'</c>).</summary>
    public string Subject { get; }

    /// <summary>A phrase for the diagnostic message, e.g. "FactorialScope.Read passed to FactorialOAuth.Authorize on line 12".</summary>
    public string Describe(Location reportedAt)
    {
        var scope = Resources != 0 ? ResourceSet.Describe(Resources, " | ", "FactorialResourceScopes.") : "FactorialScope." + ScopeDiagnosticContract.ScopeName(Scope);
        var text = Kind switch
        {
            OriginKind.ConstantArgument => $"{scope} passed to {Subject}",
            OriginKind.DefaultArgument => $"{scope}, the default of {Subject}",
            OriginKind.DeclaredScope when Resources != 0 => $"[FactorialTokenScope(..., Resources = {scope})] on {Subject}",
            OriginKind.DeclaredScope => $"[FactorialTokenScope({scope})] on {Subject}",
            _ => "a FactorialApiKey",
        };
        if (!Location.IsInSource)
        {
            return text;
        }

        var span = Location.GetLineSpan();
        var line = span.StartLinePosition.Line + 1;
        return reportedAt.IsInSource && string.Equals(reportedAt.GetLineSpan().Path, span.Path, StringComparison.Ordinal)
            ? $"{text} on line {line}"
            : $"{text} in {System.IO.Path.GetFileName(span.Path)} on line {line}";
    }

    public bool Equals(Origin? other) =>
        other is not null && Kind == other.Kind && Scope == other.Scope && Resources == other.Resources && Location.Equals(other.Location) &&
        string.Equals(Subject, other.Subject, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Origin);

    public override int GetHashCode() => (Location.GetHashCode() * 31) + Scope + Resources.GetHashCode();

    /// <summary>Orders origins by file and position, so messages and additional locations are deterministic.</summary>
    public static int Compare(Origin x, Origin y)
    {
        var byPath = string.CompareOrdinal(x.Location.SourceTree?.FilePath, y.Location.SourceTree?.FilePath);
        if (byPath != 0)
        {
            return byPath;
        }

        var byStart = x.Location.SourceSpan.Start.CompareTo(y.Location.SourceSpan.Start);
        return byStart != 0 ? byStart : string.CompareOrdinal(x.Subject, y.Subject);
    }
}
