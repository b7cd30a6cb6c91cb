using System;
using System.Collections.Generic;
using System.Text;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>The groups <see cref="ShapeDeduplicator"/> merges, their keys, and the name each merged group keeps.</summary>
internal static partial class ShapeDeduplicator
{
    private static T[] Copy<T>(EquatableArray<T> items)
        where T : IEquatable<T>
    {
        var copy = new T[items.Count];
        items.AsImmutableArray().CopyTo(copy);
        return copy;
    }

    /// <summary>The groups of more than one item with the same key (ordinal), in the order of their first items; items in their order.</summary>
    private static List<List<T>> Duplicates<T>(List<T> items, Func<T, string> key)
        where T : class
    {
        var byKey = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        var all = new List<List<T>>();
        foreach (var item in items)
        {
            var k = key(item);
            if (!byKey.TryGetValue(k, out var group))
            {
                byKey[k] = group = [];
                all.Add(group);
            }

            group.Add(item);
        }

        all.RemoveAll(g => g.Count < 2);
        return all;
    }

    /// <summary>Text that is equal exactly when the members are (each name and value, length-prefixed).</summary>
    private static string MembersKey(EquatableArray<EnumMemberSpec> members)
    {
        var key = new StringBuilder();
        foreach (var member in members)
        {
            key.Append(member.Name.Length).Append(':').Append(member.Name).Append(member.Value.Length).Append(':').Append(member.Value);
        }

        return key.ToString();
    }

    private static List<string> Names(List<EnumSpec> group)
    {
        var names = new List<string>(group.Count);
        foreach (var e in group)
        {
            names.Add(e.Name);
        }

        return names;
    }

    private static List<string> Names(List<ModelSpec> group)
    {
        var names = new List<string>(group.Count);
        foreach (var m in group)
        {
            names.Add(m.Name);
        }

        return names;
    }

    private static int Count(List<string?> names, string name)
    {
        var count = 0;
        foreach (var n in names)
        {
            count += n == name ? 1 : 0;
        }

        return count;
    }

    /// <summary>The longest run of whole PascalCase words every name ends with, or null when there is none.</summary>
    private static string? CommonSuffix(List<string> names)
    {
        var shortest = names[0];
        foreach (var name in names)
        {
            shortest = name.Length < shortest.Length ? name : shortest;
        }

        for (var start = 1; start < shortest.Length; start++)
        {
            if (char.IsUpper(shortest[start]) && EveryEndsWith(names, shortest.Substring(start)))
            {
                return shortest.Substring(start);
            }
        }

        return null;
    }

    /// <summary>Whether every name is <paramref name="suffix"/> or ends with it after a character that is not upper case.</summary>
    private static bool EveryEndsWith(List<string> names, string suffix)
    {
        foreach (var n in names)
        {
            if (!((n.EndsWith(suffix, StringComparison.Ordinal) && n.Length > suffix.Length && !char.IsUpper(n[n.Length - suffix.Length - 1])) || n == suffix))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The shortest name, the first in ordinal order among the shortest.</summary>
    private static string Kept(List<string> names)
    {
        var kept = names[0];
        foreach (var name in names)
        {
            if (name.Length < kept.Length || (name.Length == kept.Length && string.CompareOrdinal(name, kept) < 0))
            {
                kept = name;
            }
        }

        return kept;
    }

    private static string Shape(ModelSpec model)
    {
        var shape = new StringBuilder();
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var p = model.Properties[i];
            shape.Append(i == 0 ? string.Empty : "\u0001").Append(p.JsonName).Append('\u0002').Append(p.Name).Append('\u0002').Append(Describe(p.Type))
                .Append('\u0002').Append(p.Required).Append('\u0002').Append(p.Deprecated);
        }

        return shape.ToString();
    }
}
