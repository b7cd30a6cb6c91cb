using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// The reader sorts without LINQ (less for a cold compiler to JIT-compile): its order must stay the one
/// <c>OrderBy(name, StringComparer.Ordinal)</c> gave, equal names in document order, or the generated names and files
/// would change. More items than an insertion sort handles, so an unstable sort would show.
/// </summary>
public sealed class StableOrderTests
{
    private static readonly string[] Names = ["b", "a", "B", "/x", "a", "é", "b", "A", "a", "_", "b", "a1", "a"];

    [Fact]
    public void Properties_come_by_ordinal_name_with_duplicates_in_document_order()
    {
        var items = Enumerable.Range(0, 60).Select(i => (Name: Names[i % Names.Length], Value: i)).ToList();
        using var document = JsonDocument.Parse("{" + string.Join(",", items.Select(p => $"\"{p.Name}\": {p.Value}")) + "}");

        var sorted = Ordered.ByName(document.RootElement).Select(p => p.Value.GetInt32()).ToList();

        Assert.Equal(items.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Value), sorted);
    }

    [Fact]
    public void Items_come_by_ordinal_key_with_equal_keys_in_their_order()
    {
        var items = Enumerable.Range(0, 60).Select(i => new EnumMemberSpec(Names[(i * 7) % Names.Length], i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var sorted = new List<EnumMemberSpec>(items);

        Ordered.Sort(sorted, static m => m.Name);

        Assert.Equal(items.OrderBy(m => m.Name, StringComparer.Ordinal), sorted);
    }

    [Fact]
    public void Member_names_over_lists_equal_those_over_pairs()
    {
        (string, string)[] pairs = [("Equals", "R"), ("X", "R"), ("XApi", "R"), ("Y", "YApi"), ("Y", "Z"), ("Y", "ZResource"), ("Y", "ToString"), ("X", "R"), ("A", "Equals")];

        var byPair = OperationNamer.MemberNames(pairs);
        var (groups, resources) = OperationNamer.MemberNames(pairs.Select(p => p.Item1).ToList(), pairs.Select(p => p.Item2).ToList());

        foreach (var (group, resource) in pairs)
        {
            Assert.Equal(byPair[(group, resource)], (groups[group], resources[group][resource]));
        }
    }

    [Fact]
    public void A_collected_batch_is_equal_only_to_the_same_array_as_the_array_itself_is()
    {
        var items = ImmutableArray.Create("a", "b");
        var same = new Batch<string>(items);

        Assert.Equal(items.Equals(items), same.Equals(new Batch<string>(items)));
        Assert.Equal(items.Equals(ImmutableArray.Create("a", "b")), same.Equals(new Batch<string>(ImmutableArray.Create("a", "b"))));
        Assert.True(new Boxed<EquatableArray<string>>(new EquatableArray<string>(items)).Equals(new Boxed<EquatableArray<string>>(new EquatableArray<string>(ImmutableArray.Create("a", "b")))));
    }
}
