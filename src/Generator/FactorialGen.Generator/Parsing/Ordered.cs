using System;
using System.Collections.Generic;
using System.Text.Json;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Stable ordinal sorts without LINQ: the same order as <c>OrderBy(key, StringComparer.Ordinal)</c> (equal keys keep
/// their order), with no iterator or sorter types instantiated for the items (less for a cold compiler to compile).
/// </summary>
internal static class Ordered
{
    /// <summary>The object's properties, by name (duplicates in document order).</summary>
    public static List<JsonProperty> ByName(JsonElement element)
    {
        var properties = new List<JsonProperty>();
        foreach (var property in element.EnumerateObject())
        {
            properties.Add(property);
        }

        var names = new string[properties.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = properties[i].Name;
        }

        var order = Order(names);
        var sorted = new List<JsonProperty>(order.Length);
        foreach (var i in order)
        {
            sorted.Add(properties[i]);
        }

        return sorted;
    }

    /// <summary>Sorts <paramref name="items"/> in place by <paramref name="key"/> (ordinal; equal keys keep their order).</summary>
    public static void Sort<T>(List<T> items, Func<T, string> key)
        where T : class
    {
        var keys = new string[items.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = key(items[i]);
        }

        var order = Order(keys);
        var copy = items.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            items[i] = copy[order[i]];
        }
    }

    /// <summary>The indexes of <paramref name="keys"/> in ordinal order of the keys, equal keys by index.</summary>
    private static int[] Order(string[] keys)
    {
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => string.CompareOrdinal(keys[a], keys[b]) is var c && c != 0 ? c : a - b);
        return order;
    }
}
