using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// A model's reading constructor and its generated <c>JsonConverter</c>, field by field (no reflection). The fields are
/// read by an internal constructor of the model, straight into its init-only properties (no local and no object
/// initializer per field), and written by the converter; both call the per-field members of the model's
/// <c>FactorialJsonFields</c> (one sealed runtime class: one method reference for every model), which know the JSON
/// names by position.
/// </summary>
internal static class ModelConverterWriter
{
    private const string Utf8Reader = "__J::Utf8JsonReader";

    /// <summary>
    /// <c>internal Model(ref Utf8JsonReader r, FactorialJsonFields f)</c>: reads the fields of the object
    /// the reader is on; a required field missing or null is an error. The last of a repeated field wins.
    /// </summary>
    internal static void WriteReader(SourceWriter writer, ModelSpec model, string ns)
    {
        var helpers = new List<string>();
        writer.WriteLine("[__SR]");
        using (writer.Block($"internal {model.Name}(ref {Utf8Reader} r, __R::FactorialJsonFields f)"))
        {
            // A required value type is read into a nullable local first: its property cannot say "missing".
            var index = 0;
            foreach (var property in model.Properties)
            {
                if (!property.IsNullable && property.Type.IsValueType)
                {
                    writer.WriteLine($"{CodeText.TypeName(property.Type, ns, nullable: true)} __v{index} = default;");
                }

                index++;
            }

            // The runtime's name table moves to the next field and finds it: the one after the last found first
            // (answers list fields in the document's order), then the candidates of its byte length; escaped names
            // unescaped. It leaves the reader on the value, and skips the fields the model does not know (no default case).
            writer.WriteLine("var __at = -1;");
            using (writer.Block("while (f.Next(ref r, ref __at))"))
            {
                using (writer.Block("switch (__at)"))
                {
                    index = 0;
                    foreach (var property in model.Properties)
                    {
                        // A required reference may be null until the check after the loop: `!` says so to the
                        // nullable analysis (which FactorialGen's tests turn on).
                        var (target, bang) = property.IsNullable ? (property.Name, "") : property.Type.IsValueType ? ($"__v{index}", "") : (property.Name, "!");
                        writer.WriteLine($"case {index}: {target} = {JsonValueCode.ReadExpression(property.Type, "r", ns, helpers, $"{index}", fields: "f")}{bang}; break;");
                        index++;
                    }
                }
            }

            index = 0;
            var checks = false;
            foreach (var property in model.Properties)
            {
                if (!property.IsNullable)
                {
                    if (!checks)
                    {
                        writer.WriteLine();
                        checks = true;
                    }

                    writer.WriteLine(property.Type.IsValueType
                        ? $"{property.Name} = __v{index} ?? throw f.Missing({index});"
                        : $"if ({property.Name} is null) throw f.Missing({index});");
                }

                index++;
            }
        }

        if (helpers.Count == 0)
        {
            return;
        }

        // The list item helpers are written for no nullable context, as in the converters (CodeText.ConverterTypeName).
        writer.WriteLine();
        writer.WriteLine("#nullable disable");
        foreach (var helper in helpers)
        {
            writer.WriteLine(helper);
        }

        writer.WriteLine("#nullable enable annotations");
    }

    /// <summary>The model's converter: its JSON names, the reading constructor's call and the writing, field by field.</summary>
    internal static void WriteConverter(SourceWriter writer, ModelSpec model, string ns)
    {
        var type = $"__M::{model.Name}";
        writer.WriteLine(CodeText.GeneratedCode);
        using (writer.Block($"internal sealed class {model.Name}JsonConverter : __R::FactorialObjectConverter<{type}>"))
        {
            // The JSON names are data (string literals) in one runtime table: it finds a field being read, hands out the
            // encoded name being written and names a missing field. Made before Instance, whose constructor takes it.
            var names = string.Concat(model.Properties.Select(p => ", " + CodeText.Literal(p.JsonName)));
            writer.WriteLine($"private static readonly __R::FactorialJsonFields F = new({CodeText.Literal(model.Name)}{names});");
            writer.WriteLine();
            writer.WriteLine($"public static readonly {model.Name}JsonConverter Instance = new();");
            writer.WriteLine();
            writer.WriteLine($"public {model.Name}JsonConverter() : base(F) {{ }}");
            writer.WriteLine();
            if (model.Properties.Count == 0)
            {
                // Null and the check for an object are the base class's (FactorialObjectConverter): only the fields are here.
                using (writer.Block($"protected override {type} ReadObject(ref {Utf8Reader} reader)"))
                {
                    using (writer.Block("while (reader.Read() && reader.TokenType != __J::JsonTokenType.EndObject)"))
                    {
                        writer.WriteLine("reader.Read();");
                        writer.WriteLine("reader.Skip();");
                    }

                    writer.WriteLine($"return new {type}();");
                }
            }
            else
            {
                writer.WriteLine($"protected override {type} ReadObject(ref {Utf8Reader} reader) => new(ref reader, F);");
            }

            writer.WriteLine();
            var helpers = new List<string>();
            WriteWrite(writer, model, ns, type, helpers);
            foreach (var helper in helpers)
            {
                writer.WriteLine();
                writer.WriteLine(helper);
            }
        }
    }

    private static void WriteWrite(SourceWriter writer, ModelSpec model, string ns, string type, List<string> helpers)
    {
        // The object's start and end are the base class's (FactorialObjectConverter.WriteValue): only the fields are here.
        using (writer.Block($"protected override void WriteFields(__J::Utf8JsonWriter w, {type} v)"))
        {
            var index = 0;
            foreach (var property in model.Properties)
            {
                var key = $"{index++}";
                var name = $"F.Name({key})";
                if (JsonValueCode.PropertyStatement(property, "w", key, name, $"v.{property.Name}", ns, helpers) is { } statement)
                {
                    // One call per field, which writes nothing for a null value.
                    writer.WriteLine(statement);
                }
                else if (property.IsNullable)
                {
                    // The local is named by position: no property name can hide it.
                    writer.WriteLine($"if (v.{property.Name} is {{ }} __p{key}) {{ w.WritePropertyName({name}); {JsonValueCode.WriteStatement(property.Type, "w", $"__p{key}", ns, helpers, key)} }}");
                }
                else
                {
                    writer.WriteLine($"w.WritePropertyName({name}); {JsonValueCode.WriteStatement(property.Type, "w", $"v.{property.Name}", ns, helpers, key)}");
                }
            }
        }
    }
}
