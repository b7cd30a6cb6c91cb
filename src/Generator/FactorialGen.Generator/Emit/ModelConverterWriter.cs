using System.Collections.Generic;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>The <c>Read</c> and <c>Write</c> of a model's generated <c>JsonConverter</c>, field by field (no reflection).</summary>
internal static class ModelConverterWriter
{
    private const string Utf8Reader = "__J::Utf8JsonReader";

    internal static void EmitRead(SourceWriter writer, ModelSpec model, string ns, string type, List<string> helpers)
    {
        // Null and the check for an object are the base class's (FactorialObjectConverter): only the fields are here.
        using (writer.Block($"protected override {type} ReadObject(ref {Utf8Reader} reader)"))
        {
            var index = 0;
            foreach (var property in model.Properties)
            {
                writer.WriteLine($"{CodeText.ConverterTypeName(property.Type, ns)} __v{index++} = default;");
            }

            if (model.Properties.Count == 0)
            {
                using (writer.Block("while (reader.Read() && reader.TokenType != __J::JsonTokenType.EndObject)"))
                {
                    writer.WriteLine("reader.Read();");
                    writer.WriteLine("reader.Skip();");
                }
            }
            else
            {
                writer.WriteLine("var __at = -1;");

                // The runtime's name table moves to the next field and finds it: the one after the last found first
                // (answers list fields in the document's order), then the candidates of its byte length; escaped names
                // unescaped. It leaves the reader on the value. One call: less for the compiler to bind per converter.
                using (writer.Block("while (__Names.ReadNextField(ref reader, ref __at))"))
                {
                    using (writer.Block("switch (__at)"))
                    {
                        index = 0;
                        foreach (var property in model.Properties)
                        {
                            // One line per field: the same statements, a third of the text to parse.
                            writer.WriteLine($"case {index}: __v{index} = {JsonValueCode.ReadExpression(property.Type, "reader", ns, helpers, $"{index}")}; break;");
                            index++;
                        }

                        writer.WriteLine("default: reader.Skip(); break;");
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
                    ? $"__v{index}"
                    : $"__v{index} ?? throw MissingRequired({index})";
                writer.WriteLine($"{property.Name} = {value},");
                index++;
            }

            writer.Unindent();
            writer.WriteLine("};");
        }
    }

    internal static void EmitWrite(SourceWriter writer, ModelSpec model, string ns, string type, List<string> helpers)
    {
        using (writer.Block($"public override void WriteValue(__J::Utf8JsonWriter writer, {type} value)"))
        {
            writer.WriteLine("writer.WriteStartObject();");
            var index = 0;
            foreach (var property in model.Properties)
            {
                var name = $"__Names[{index++}]";
                var key = $"{index - 1}";
                if (JsonValueCode.PropertyStatement(property, "writer", name, $"value.{property.Name}", ns, helpers, key) is { } statement)
                {
                    // One call per field, which writes nothing for a null value.
                    writer.WriteLine(statement);
                }
                else if (property.IsNullable)
                {
                    // The local is named by position: a property named "Names" must not hide the table.
                    writer.WriteLine($"if (value.{property.Name} is {{ }} __p{key}) {{ writer.WritePropertyName({name}); {JsonValueCode.WriteStatement(property.Type, "writer", $"__p{key}", ns, helpers, key)} }}");
                }
                else
                {
                    writer.WriteLine($"writer.WritePropertyName({name}); {JsonValueCode.WriteStatement(property.Type, "writer", $"value.{property.Name}", ns, helpers, key)}");
                }
            }

            writer.WriteLine("writer.WriteEndObject();");
        }
    }
}
