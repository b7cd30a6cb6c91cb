using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// A known token scope: the possible read/write scopes and where they came from, and — beside them, in the same
/// value — the resource scopes the token may have (<see cref="Resources"/>) and where those came from. The lattice
/// element "unknown" is <see langword="null"/> wherever a <see cref="ScopeValue"/>? is used.
/// </summary>
/// <remarks>
/// Resource scopes: <see langword="null"/> is unknown (also a token of the read/write scheme only, whose resources are
/// <c>None</c>), which never lacks anything; a known value is the union of the masks every path may give, so a resource
/// scope missing from it is missing on every path (must-analysis). The join of known and unknown is unknown.
/// </remarks>
internal sealed class ScopeValue : IEquatable<ScopeValue>
{
    /// <summary>More origins than this are dropped from messages (the scope set still counts them all).</summary>
    private const int MaxOrigins = 8;

    private ScopeValue(ScopeSet scopes, ImmutableArray<Origin> origins, long? resources, ImmutableArray<Origin> resourceOrigins)
    {
        Scopes = scopes;
        Origins = origins;
        Resources = resources;
        ResourceOrigins = resourceOrigins;
    }

    /// <summary>
    /// A <see langword="null"/> token or client: the bottom of the lattice. No call succeeds on it, so it never
    /// lacks a scope, and a join with another value gives that value.
    /// </summary>
    public static ScopeValue Null { get; } = new(default, ImmutableArray<Origin>.Empty, 0, ImmutableArray<Origin>.Empty);

    public ScopeSet Scopes { get; }

    /// <summary>Sorted by <see cref="Origin.Compare"/>, without duplicates.</summary>
    public ImmutableArray<Origin> Origins { get; }

    /// <summary>The union of the resource scopes the token may have, or <see langword="null"/> when they are not known (0 only for <see cref="Null"/>).</summary>
    public long? Resources { get; }

    /// <summary>Where the known resource scopes came from; sorted like <see cref="Origins"/>.</summary>
    public ImmutableArray<Origin> ResourceOrigins { get; }

    /// <summary>A value with a single origin, or <see langword="null"/> (unknown) for a scope outside Read, Write, ReadWrite.</summary>
    public static ScopeValue? From(Origin origin) =>
        ScopeSet.Of(origin.Scope) is { } set ? new ScopeValue(set, ImmutableArray.Create(origin), null, ImmutableArray<Origin>.Empty) : null;

    /// <summary>
    /// A token made from a read/write scope (unknown when <see langword="null"/>) and resource scopes (unknown when
    /// <paramref name="resources"/> is <see langword="null"/> or its mask is <c>None</c>); unknown when both are.
    /// </summary>
    public static ScopeValue? From(ScopeValue? scope, Origin? resources)
    {
        if (resources is null || !ResourceSet.IsValid(resources.Resources))
        {
            return scope;
        }

        return scope is null
            ? new ScopeValue(ScopeSet.Any, ImmutableArray<Origin>.Empty, resources.Resources, ImmutableArray.Create(resources))
            : new ScopeValue(scope.Scopes, scope.Origins, resources.Resources, ImmutableArray.Create(resources));
    }

    /// <summary>The resource scopes of <paramref name="required"/> this token is known to lack on every path, or 0.</summary>
    public long MissingResources(long required) =>
        Resources is { } known && known != 0 && !Scopes.IsEmpty ? required & ~known : 0;

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

        var resources = left.Resources is { } l && right.Resources is { } r ? l | r : (long?)null;
        var resourceOrigins = resources is null ? ImmutableArray<Origin>.Empty : Merge(left.ResourceOrigins, right.ResourceOrigins);
        return new ScopeValue(left.Scopes.Union(right.Scopes), Merge(left.Origins, right.Origins), resources, resourceOrigins);
    }

    private static ImmutableArray<Origin> Merge(ImmutableArray<Origin> left, ImmutableArray<Origin> right)
    {
        var origins = new List<Origin>(left);
        foreach (var origin in right)
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

        return origins.ToImmutableArray();
    }

    public bool Equals(ScopeValue? other) =>
        other is not null && Scopes.Equals(other.Scopes) && Resources == other.Resources &&
        SameOrigins(Origins, other.Origins) && SameOrigins(ResourceOrigins, other.ResourceOrigins);

    private static bool SameOrigins(ImmutableArray<Origin> left, ImmutableArray<Origin> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!left[i].Equals(right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ScopeValue);

    public override int GetHashCode() => (((Scopes.GetHashCode() * 31) + Origins.Length) * 31) + (Resources ?? -1).GetHashCode();
}
