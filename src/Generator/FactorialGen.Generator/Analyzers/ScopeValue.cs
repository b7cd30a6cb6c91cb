using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// The set of scopes a token may have at a point of the program (a bit per scope value 1..3), e.g. {Read} or
/// {Read, ReadWrite} after two paths join. Empty only for <see cref="ScopeValue.Null"/> (no token at all), which
/// lacks nothing: a call on it cannot succeed, so it is never reported.
/// </summary>
internal readonly struct ScopeSet : IEquatable<ScopeSet>
{
    private readonly byte _bits;

    private ScopeSet(byte bits) => _bits = bits;

    /// <summary>The set holding only <paramref name="scope"/>, or <see langword="null"/> for a value that is not Read, Write or ReadWrite.</summary>
    public static ScopeSet? Of(int scope) => scope is >= 1 and <= 3 ? new ScopeSet((byte)(1 << scope)) : null;

    public ScopeSet Union(ScopeSet other) => new((byte)(_bits | other._bits));

    /// <summary>Whether every scope in the set lacks part of <paramref name="needed"/>.</summary>
    public bool AllLack(int needed)
    {
        for (var scope = 1; scope <= 3; scope++)
        {
            if ((_bits & (1 << scope)) != 0 && (scope & needed) == needed)
            {
                return false;
            }
        }

        return _bits != 0;
    }

    /// <summary>"Read", "Read or Write", … for messages.</summary>
    public string Describe(string separator)
    {
        var text = new StringBuilder();
        for (var scope = 1; scope <= 3; scope++)
        {
            if ((_bits & (1 << scope)) != 0)
            {
                if (text.Length > 0)
                {
                    text.Append(separator);
                }

                text.Append(ScopeDiagnosticContract.ScopeName(scope));
            }
        }

        return text.ToString();
    }

    public bool Equals(ScopeSet other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is ScopeSet other && Equals(other);

    public override int GetHashCode() => _bits;
}

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

    public OriginKind Kind { get; }

    public int Scope { get; }

    /// <summary>The constant scope expression (or the call, for a default argument); <see cref="Location.None"/> for metadata.</summary>
    public Location Location { get; }

    /// <summary>The method (<c>FactorialOAuth.Authorize</c>) or declared symbol (<c>parameter 'token'</c>).</summary>
    public string Subject { get; }

    /// <summary>A phrase for the diagnostic message, e.g. "FactorialScope.Read passed to FactorialOAuth.Authorize on line 12".</summary>
    public string Describe(Location reportedAt)
    {
        var scope = "FactorialScope." + ScopeDiagnosticContract.ScopeName(Scope);
        var text = Kind switch
        {
            OriginKind.ConstantArgument => $"{scope} passed to {Subject}",
            OriginKind.DefaultArgument => $"{scope}, the default of {Subject}",
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
        other is not null && Kind == other.Kind && Scope == other.Scope && Location.Equals(other.Location) &&
        string.Equals(Subject, other.Subject, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Origin);

    public override int GetHashCode() => (Location.GetHashCode() * 31) + Scope;

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

/// <summary>
/// A known token scope: the possible scopes and where they came from. The lattice element "unknown" is
/// <see langword="null"/> wherever a <see cref="ScopeValue"/>? is used.
/// </summary>
internal sealed class ScopeValue : IEquatable<ScopeValue>
{
    /// <summary>More origins than this are dropped from messages (the scope set still counts them all).</summary>
    private const int MaxOrigins = 8;

    private ScopeValue(ScopeSet scopes, ImmutableArray<Origin> origins)
    {
        Scopes = scopes;
        Origins = origins;
    }

    /// <summary>
    /// A <see langword="null"/> token or client: the bottom of the lattice. No call succeeds on it, so it never
    /// lacks a scope, and a join with another value gives that value.
    /// </summary>
    public static ScopeValue Null { get; } = new(default, ImmutableArray<Origin>.Empty);

    public ScopeSet Scopes { get; }

    /// <summary>Sorted by <see cref="Origin.Compare"/>, without duplicates.</summary>
    public ImmutableArray<Origin> Origins { get; }

    /// <summary>A value with a single origin, or <see langword="null"/> (unknown) for a scope outside Read, Write, ReadWrite.</summary>
    public static ScopeValue? From(Origin origin) =>
        ScopeSet.Of(origin.Scope) is { } set ? new ScopeValue(set, ImmutableArray.Create(origin)) : null;

    /// <summary>The join of two paths: unknown if either is unknown, else the union of scopes and origins.</summary>
    public static ScopeValue? Join(ScopeValue? left, ScopeValue? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        if (ReferenceEquals(left, right) || left.Equals(right))
        {
            return left;
        }

        var origins = new List<Origin>(left.Origins);
        foreach (var origin in right.Origins)
        {
            if (!origins.Contains(origin))
            {
                origins.Add(origin);
            }
        }

        origins.Sort(Origin.Compare);
        if (origins.Count > MaxOrigins)
        {
            origins.RemoveRange(MaxOrigins, origins.Count - MaxOrigins);
        }

        return new ScopeValue(left.Scopes.Union(right.Scopes), origins.ToImmutableArray());
    }

    public bool Equals(ScopeValue? other)
    {
        if (other is null || !Scopes.Equals(other.Scopes) || Origins.Length != other.Origins.Length)
        {
            return false;
        }

        for (var i = 0; i < Origins.Length; i++)
        {
            if (!Origins[i].Equals(other.Origins[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ScopeValue);

    public override int GetHashCode() => (Scopes.GetHashCode() * 31) + Origins.Length;
}
