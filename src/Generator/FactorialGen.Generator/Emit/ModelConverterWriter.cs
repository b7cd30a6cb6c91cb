using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>The <c>Read</c> and <c>Write</c> of a record's generated <c>JsonConverter</c>, field by field (no reflection).</summary>
internal static class ModelConverterWriter
{
    private const string Reader = "__R::FactorialJsonReader";
    private const string Utf8Reader = "__J::Utf8JsonReader";

    internal static void EmitRead(SourceWriter writer, ModelSpec model, string ns, string type, List<string> helpers)
    {
        using (writer.Block($"public override {type}? Read(ref {Utf8Reader} reader, __S::Type typeToConvert, __J::JsonSerializerOptions options)"))
        {
            using (writer.Block("if (reader.TokenType == __J::JsonTokenType.Null)"))
            {
                writer.WriteLine("return null;");
            }

            writer.WriteLine();
            writer.WriteLine($"{Reader}.ExpectObject(ref reader, {CodeText.Literal(model.Name)});");
            var index = 0;
            foreach (var property in model.Properties)
            {
                writer.WriteLine($"{CodeText.TypeName(property.Type, ns, nullable: true)} __value{index++} = default;");
            }

            using (writer.Block("while (reader.Read() && reader.TokenType != __J::JsonTokenType.EndObject)"))
            {
                if (model.Properties.Count == 0)
                {
                    writer.WriteLine("reader.Read();");
                    writer.WriteLine("reader.Skip();");
                }
                else
                {
                    using (writer.Block("switch (__PropertyIndex(ref reader))"))
                    {
                        index = 0;
                        foreach (var property in model.Properties)
                        {
                            // One line per field: the same statements, a third of the text to parse.
                            writer.WriteLine($"case {index}: reader.Read(); __value{index} = {JsonValueCode.ReadExpression(property.Type, "reader", ns, helpers, $"{index}")}; break;");
                            index++;
                        }

                        writer.WriteLine("default: reader.Read(); reader.Skip(); break;");
                    }
                }
            }

            writer.WriteLine();
            if (model.Properties.Count == 0)
            {
                writer.WriteLine($"return new {type}();");
                return;
            }

            writer.WriteLine($"return new {type}");
            writer.WriteLine("{");
            writer.Indent();
            index = 0;
            foreach (var property in model.Properties)
            {
                var value = property.IsNullable
                    ? $"__value{index}"
                    : $"__value{index} ?? throw {Reader}.MissingRequired({CodeText.Literal(model.Name)}, {CodeText.Literal(property.JsonName)})";
                writer.WriteLine($"{property.Name} = {value},");
                index++;
            }

            writer.Unindent();
            writer.WriteLine("};");
        }

        if (model.Properties.Count > 0)
        {
            writer.WriteLine();
            EmitPropertyIndex(writer, model);
        }
    }

    /// <summary>
    /// Which property the reader is on: the name's byte length picks a handful of candidates, so a model of 30 fields
    /// costs one or two comparisons per field instead of fifteen on average. Escaped names take the plain comparisons.
    /// </summary>
    private static void EmitPropertyIndex(SourceWriter writer, ModelSpec model)
    {
        using (writer.Block($"private static int __PropertyIndex(ref {Utf8Reader} reader)"))
        {
            using (writer.Block("if (!reader.ValueIsEscaped && !reader.HasValueSequence)"))
            {
                writer.WriteLine("var name = reader.ValueSpan;");
                using (writer.Block("switch (name.Length)"))
                {
                    var byLength = model.Properties
                        .Select((property, position) => (property.JsonName, Position: position, Length: System.Text.Encoding.UTF8.GetByteCount(property.JsonName)))
                        .GroupBy(p => p.Length)
                        .OrderBy(g => g.Key);
                    foreach (var group in byLength)
                    {
                        writer.WriteLine($"case {group.Key}:");
                        writer.Indent();
                        foreach (var (jsonName, position, _) in group)
                        {
                            writer.WriteLine($"if (__S::MemoryExtensions.SequenceEqual(name, {CodeText.Literal(jsonName)}u8)) return {position};");
                        }

                        writer.WriteLine("return -1;");
                        writer.Unindent();
                    }
                }

                writer.WriteLine();
                writer.WriteLine("return -1;");
            }

            writer.WriteLine();
            var index = 0;
            foreach (var property in model.Properties)
            {
                writer.WriteLine($"if (reader.ValueTextEquals({CodeText.Literal(property.JsonName)}u8)) return {index++};");
            }

            writer.WriteLine("return -1;");
        }
    }

    internal static void EmitWrite(SourceWriter writer, ModelSpec model, string ns, string type, List<string> helpers)
    {
        using (writer.Block($"public override void Write(__J::Utf8JsonWriter writer, {type} value, __J::JsonSerializerOptions options)"))
        {
            writer.WriteLine("writer.WriteStartObject();");
            var index = 0;
            foreach (var property in model.Properties)
            {
                var name = $"__Name{index++}";
                if (property.IsNullable)
                {
                    writer.WriteLine($"if (value.{property.Name} is {{ }} __{property.Name}) {{ writer.WritePropertyName({name}); {JsonValueCode.WriteStatement(property.Type, "writer", "__" + property.Name, ns, helpers, $"{index - 1}")} }}");
                }
                else
                {
                    writer.WriteLine($"writer.WritePropertyName({name}); {JsonValueCode.WriteStatement(property.Type, "writer", $"value.{property.Name}", ns, helpers, $"{index - 1}")}");
                }
            }

            writer.WriteLine("writer.WriteEndObject();");
        }
    }
}
