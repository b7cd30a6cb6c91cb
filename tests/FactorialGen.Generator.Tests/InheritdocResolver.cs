using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using System.Xml.XPath;

namespace FactorialGen.Generator.Tests;

/// <summary>Expands <c>&lt;inheritdoc cref path&gt;</c> as Roslyn's IDE does, over the consumer's and the runtime's XML files.</summary>
internal sealed class InheritdocResolver(XDocument consumer, XDocument runtime)
{
    private readonly Dictionary<string, XElement> _members = consumer.Descendants("member").Concat(runtime.Descendants("member"))
        .ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal);

    public XElement Expanded(string id) => Expand(id, []);

    private XElement Expand(string id, HashSet<string> visiting)
    {
        Assert.True(_members.TryGetValue(id, out var member), $"no documentation for {id}");
        Assert.True(visiting.Add(id), $"inheritdoc cycle at {id}");
        var copy = new XElement(member);
        foreach (var inherit in copy.Descendants("inheritdoc").ToList())
        {
            var cref = (string?)inherit.Attribute("cref");
            Assert.NotNull(cref);
            var path = (string?)inherit.Attribute("path") ?? "/*[not(self::overloads)]"; // Roslyn: every node but overloads
            var source = new XDocument(Expand(cref, visiting));
            var selected = source.XPathSelectElements(path.StartsWith('/') ? "/*" + path : path).Select(e => new XElement(e)).ToList();
            Assert.NotEmpty(selected); // an inheritdoc that selects nothing documents nothing
            inherit.ReplaceWith(selected);
        }

        visiting.Remove(id);
        return copy;
    }
}
