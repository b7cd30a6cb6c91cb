using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FactorialGen.Generator.Parsing;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// An inline object reuses a component when their canonical texts are equal. The text is built by hand (no
/// Utf8JsonWriter): it must tell apart and match up exactly the schemas the writer's compact JSON did, whatever the
/// strings hold, so no document's types change.
/// </summary>
public sealed class CanonicalShapeTests
{
    private static readonly string[] Samples =
    [
        """{"type":"object","properties":{"a":{"type":"string"}}}""",
        """{ "type" : "object", "properties" : { "a" : { "type" : "string" } } }""",
        """{"type":"object","properties":{"\u0061":{"type":"str\u0069ng"}}}""",
        """{"properties":{"a":{"type":"string"}},"type":"object"}""",
        """{"a":"b","c":""}""",
        """{"a":"bc","":""}""",
        """{"ab":"","c":""}""",
        """["ab","c"]""",
        """["a","bc"]""",
        """["a:b"]""",
        """["a\"","b"]""",
        """["a","\"b"]""",
        """{"a\"":"b"}""",
        """{"a":"\"b"}""",
        """["a","b"]""",
        """[1,1.0,1e0]""",
        """[1.0,1,1e0]""",
        """[true,false,null]""",
        """[false,true,null]""",
        """{"a":[]}""",
        """{"a":{}}""",
        """{"a":"\"}"}""",
        """{"a":"\\","b":"}"}""",
        """{"a":"x","a":"x"}""",
        """{"a":"x"}""",
        """{"d":"\u00e9 \u003c \ud83d\ude00"}""",
        """{"d":"é < 😀"}""",
    ];

    [Fact]
    public void Two_schemas_have_the_same_canonical_text_exactly_when_their_compact_json_is_the_same()
    {
        var documents = Samples.Select(s => JsonDocument.Parse(s)).ToList();
        try
        {
            foreach (var a in documents)
            {
                foreach (var b in documents)
                {
                    var sameJson = WriterText(a.RootElement) == WriterText(b.RootElement);
                    Assert.True(sameJson == (SchemaShapes.Canonical(a.RootElement) == SchemaShapes.Canonical(b.RootElement)), $"{a.RootElement.GetRawText()} / {b.RootElement.GetRawText()}");
                }
            }
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    /// <summary>The compact JSON a Utf8JsonWriter writes (what the reader compared before).</summary>
    private static string WriterText(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
