using System;
using System.Text;

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

    /// <summary>
    /// Every scope: the read/write scope is not known (a token whose resource scopes alone are known). It lacks nothing,
    /// since ReadWrite is among its members.
    /// </summary>
    public static ScopeSet Any { get; } = new((1 << 1) | (1 << 2) | (1 << 3));

    /// <summary>Whether the set holds no scope (the <see langword="null"/> token).</summary>
    public bool IsEmpty => _bits == 0;

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
