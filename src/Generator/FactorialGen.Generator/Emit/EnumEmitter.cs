using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>Emits a generated enum and its converter: string values, unknown ones read as <c>Unknown</c>.</summary>
internal static class EnumEmitter
{
    private const string Utf8Reader = "__J::Utf8JsonReader";

    internal static SourceWriter Emit(EnumSpec spec, ModelSet set)
    {
        var ns = set.Namespace;
        var type = $"__M::{spec.Name}";
        var writer = CodeText.Start(ns);
        using (writer.Block($"namespace {ns}"))
        {
            CodeText.Summary(writer, spec.Description ?? $"The values of '{spec.Name}' in the API document.");
            writer.WriteLine(CodeText.GeneratedCode);
            using (writer.Block($"{ModelEmitter.Accessibility(set)} enum {spec.Name}"))
            {
                writer.WriteLine("/// <summary>A value this client does not know: the server sent something the document does not list.</summary>");
                writer.WriteLine("Unknown = 0,");
                foreach (var member in spec.Members)
                {
                    writer.WriteLine();
                    writer.WriteLine($"/// <summary>The value <c>{CodeText.Escape(member.Value)}</c>.</summary>");
                    writer.WriteLine($"{member.Name},");
                }
            }
        }

        writer.WriteLine();
        using (writer.Block($"namespace {ns}.Serialization"))
        {
            writer.WriteLine($"/// <summary>Reads and writes <see cref=\"{type}\"/> as its string values; an unknown value reads as <c>Unknown</c>.</summary>");
            writer.WriteLine(CodeText.GeneratedCode);
            using (writer.Block($"internal sealed class {spec.Name}JsonConverter : __J::Serialization.JsonConverter<{type}>"))
            {
                writer.WriteLine($"public static readonly {spec.Name}JsonConverter Instance = new();");
                writer.WriteLine();
                writer.WriteLine("public override bool HandleNull => true;");
                writer.WriteLine();
                writer.WriteLine($"public override {type} Read(ref {Utf8Reader} reader, __S::Type typeToConvert, __J::JsonSerializerOptions options) => ReadValue(ref reader) ?? {type}.Unknown;");
                writer.WriteLine();
                writer.WriteLine($"public override void Write(__J::Utf8JsonWriter writer, {type} value, __J::JsonSerializerOptions options) => WriteValue(writer, value);");
                writer.WriteLine();
                using (writer.Block($"public static {type}? ReadValue(ref {Utf8Reader} reader)"))
                {
                    using (writer.Block("switch (reader.TokenType)"))
                    {
                        writer.WriteLine("case __J::JsonTokenType.Null:");
                        writer.WriteLine("    return null;");
                        writer.WriteLine("case __J::JsonTokenType.String:");
                        writer.Indent();
                        foreach (var member in spec.Members)
                        {
                            writer.WriteLine($"if (reader.ValueTextEquals({CodeText.Literal(member.Value)}u8)) return {type}.{member.Name};");
                        }

                        writer.WriteLine($"return {type}.Unknown;");
                        writer.Unindent();
                        writer.WriteLine("case __J::JsonTokenType.StartObject:");
                        writer.WriteLine("case __J::JsonTokenType.StartArray:");
                        writer.WriteLine("    reader.Skip();");
                        writer.WriteLine($"    return {type}.Unknown;");
                        writer.WriteLine("default:");
                        writer.WriteLine($"    return {type}.Unknown;");
                    }
                }

                writer.WriteLine();
                using (writer.Block($"public static void WriteValue(__J::Utf8JsonWriter writer, {type} value)"))
                {
                    using (writer.Block("switch (value)"))
                    {
                        foreach (var member in spec.Members)
                        {
                            writer.WriteLine($"case {type}.{member.Name}:");
                            writer.WriteLine($"    writer.WriteStringValue({CodeText.Literal(member.Value)}u8);");
                            writer.WriteLine("    break;");
                        }

                        writer.WriteLine("default:");
                        writer.WriteLine("    writer.WriteNullValue();");
                        writer.WriteLine("    break;");
                    }
                }
            }
        }

        return writer;
    }
}
