using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// Emits a document's records and enums once, each with a <c>JsonConverter</c> over <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c>
/// (no reflection), and a <c>FactorialJson</c> class that hands out their <c>JsonTypeInfo</c>s.
/// </summary>
internal static class ModelEmitter
{
    private const string Reader = "global::FactorialGen.Runtime.Generated.FactorialJsonReader";
    private const string Utf8Reader = "global::System.Text.Json.Utf8JsonReader";

    public static void Emit(SourceProductionContext context, ModelSet set)
    {
        // Hint names must be unique ignoring case (Roslyn's rule, and the file systems' the files may be written to),
        // while C# type names are case-sensitive: "Leave" and "LEAVE" are two types and need two hint names.
        var hintNames = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase) { $"{set.Namespace}.FactorialJson.g.cs" };
        string HintName(string name)
        {
            var hint = $"{set.Namespace}.{name}.g.cs";
            for (var i = 2; !hintNames.Add(hint); i++)
            {
                hint = $"{set.Namespace}.{name}.{i}.g.cs";
            }

            return hint;
        }

        foreach (var model in set.Document.Models)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource(HintName(model.Name), EmitModel(model, set).ToSourceText());
        }

        foreach (var @enum in set.Document.Enums)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource(HintName(@enum.Name), EmitEnum(@enum, set).ToSourceText());
        }

        context.AddSource($"{set.Namespace}.FactorialJson.g.cs", EmitJsonMetadata(set, context.CancellationToken).ToSourceText());
    }

    private static string Accessibility(ModelSet set) => set.IsPublic ? "public" : "internal";

    internal static SourceWriter EmitModel(ModelSpec model, ModelSet set)
    {
        var ns = set.Namespace;
        var writer = new SourceWriter().WriteLines(CodeText.Header).WriteLine();
        using (writer.Block($"namespace {ns}"))
        {
            CodeText.Summary(writer, model.Description ?? $"The '{model.Name}' schema of the API document.");
            if (model.Deprecated)
            {
                writer.WriteLine("[global::System.Obsolete(\"Deprecated in the API document.\")]");
            }

            writer.WriteLine(CodeText.GeneratedCode);
            using (writer.Block($"{Accessibility(set)} sealed partial record {model.Name}"))
            {
                var first = true;
                foreach (var property in model.Properties)
                {
                    if (!first)
                    {
                        writer.WriteLine();
                    }

                    first = false;
                    CodeText.Summary(writer, property.Description ?? $"The '{property.JsonName}' field.");
                    if (property.Deprecated)
                    {
                        writer.WriteLine("[global::System.Obsolete(\"Deprecated in the API document.\")]");
                    }

                    var required = property.IsNullable ? string.Empty : "required ";
                    writer.WriteLine($"public {required}{CodeText.TypeName(property.Type, ns, property.IsNullable)} {property.Name} {{ get; init; }}");
                }
            }
        }

        writer.WriteLine();
        using (writer.Block($"namespace {ns}.Serialization"))
        {
            var type = $"global::{ns}.{model.Name}";
            writer.WriteLine($"/// <summary>Reads and writes <see cref=\"{type}\"/> without reflection, tolerating unknown fields and loosely typed values.</summary>");
            writer.WriteLine(CodeText.GeneratedCode);
            using (writer.Block($"internal sealed class {model.Name}JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{type}>"))
            {
                writer.WriteLine($"public static readonly {model.Name}JsonConverter Instance = new();");
                writer.WriteLine();
                var index = 0;
                foreach (var property in model.Properties)
                {
                    writer.WriteLine($"private static readonly global::System.Text.Json.JsonEncodedText __Name{index++} = global::System.Text.Json.JsonEncodedText.Encode({CodeText.Literal(property.JsonName)});");
                }

                if (model.Properties.Count > 0)
                {
                    writer.WriteLine();
                }

                var helpers = new List<string>();
                EmitRead(writer, model, ns, type, helpers);
                writer.WriteLine();
                EmitWrite(writer, model, ns, type, helpers);
                foreach (var helper in helpers)
                {
                    writer.WriteLine();
                    writer.WriteLine(helper);
                }
            }
        }

        return writer;
    }

    private static void EmitRead(SourceWriter writer, ModelSpec model, string ns, string type, List<string> helpers)
    {
        using (writer.Block($"public override {type}? Read(ref {Utf8Reader} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)"))
        {
            using (writer.Block("if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)"))
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

            using (writer.Block("while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)"))
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
                            writer.WriteLine($"case {index}:");
                            writer.Indent();
                            writer.WriteLine("reader.Read();");
                            writer.WriteLine($"__value{index} = {ReadExpression(property.Type, "reader", ns, helpers, $"{index}")};");
                            writer.WriteLine("break;");
                            writer.Unindent();
                            index++;
                        }

                        writer.WriteLine("default:");
                        writer.Indent();
                        writer.WriteLine("reader.Read();");
                        writer.WriteLine("reader.Skip();");
                        writer.WriteLine("break;");
                        writer.Unindent();
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
                            writer.WriteLine($"if (global::System.MemoryExtensions.SequenceEqual(name, {CodeText.Literal(jsonName)}u8)) return {position};");
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

    private static void EmitWrite(SourceWriter writer, ModelSpec model, string ns, string type, List<string> helpers)
    {
        using (writer.Block($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {type} value, global::System.Text.Json.JsonSerializerOptions options)"))
        {
            writer.WriteLine("writer.WriteStartObject();");
            var index = 0;
            foreach (var property in model.Properties)
            {
                var name = $"__Name{index++}";
                if (property.IsNullable)
                {
                    using (writer.Block($"if (value.{property.Name} is {{ }} __{property.Name})"))
                    {
                        writer.WriteLine($"writer.WritePropertyName({name});");
                        writer.WriteLine(WriteStatement(property.Type, "writer", "__" + property.Name, ns, helpers, $"{index - 1}"));
                    }
                }
                else
                {
                    writer.WriteLine($"writer.WritePropertyName({name});");
                    writer.WriteLine(WriteStatement(property.Type, "writer", $"value.{property.Name}", ns, helpers, $"{index - 1}"));
                }
            }

            writer.WriteLine("writer.WriteEndObject();");
        }
    }

    /// <summary>An expression reading a value of <paramref name="type"/> (nullable) from the reader variable <paramref name="reader"/>.</summary>
    /// <remarks>
    /// A list's items are read by a named helper method per nesting level (added to <paramref name="helpers"/>, named
    /// from <paramref name="key"/>), passed as a method group with explicit type arguments: nested implicitly typed
    /// lambdas made the consumer's compiler infer types in time exponential in the nesting depth.
    /// </remarks>
    internal static string ReadExpression(TypeRef type, string reader, string ns, List<string> helpers, string key, int level = 1) => type.Kind switch
    {
        TypeRefKind.String => $"{Reader}.ReadString(ref {reader})",
        TypeRefKind.Int32 => $"{Reader}.ReadInt32(ref {reader})",
        TypeRefKind.Int64 => $"{Reader}.ReadInt64(ref {reader})",
        TypeRefKind.Double => $"{Reader}.ReadDouble(ref {reader})",
        TypeRefKind.Boolean => $"{Reader}.ReadBoolean(ref {reader})",
        TypeRefKind.Date => $"{Reader}.ReadDate(ref {reader})",
        TypeRefKind.DateTime => $"{Reader}.ReadDateTime(ref {reader})",
        TypeRefKind.Json => $"{Reader}.ReadElement(ref {reader})",
        TypeRefKind.Model => $"({reader}.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : global::{ns}.Serialization.{type.Name}JsonConverter.Instance.Read(ref {reader}, typeof(global::{ns}.{type.Name}), global::{ns}.FactorialJson.Options))",
        TypeRefKind.Enum => $"global::{ns}.Serialization.{type.Name}JsonConverter.ReadValue(ref {reader})",
        TypeRefKind.Array => $"{Reader}.{(type.Element!.IsValueType ? "ReadValueList" : "ReadList")}<{CodeText.TypeName(type.Element!, ns)}>(ref {reader}, {ReadItemHelper(type.Element!, ns, helpers, key, level)})",
        _ => "default",
    };

    private static string ReadItemHelper(TypeRef element, string ns, List<string> helpers, string key, int level)
    {
        var name = $"__ReadItem{key}_{level}";
        var body = ReadExpression(element, "reader", ns, helpers, key, level + 1);
        helpers.Add($"private static {CodeText.TypeName(element, ns, nullable: true)} {name}(ref {Utf8Reader} reader) => {body};");
        return name;
    }

    /// <summary>A statement writing the (non-null) <paramref name="value"/> of <paramref name="type"/> with <paramref name="writer"/>.</summary>
    /// <remarks>A list's items are written by a named helper per nesting level, as in <see cref="ReadExpression"/>.</remarks>
    internal static string WriteStatement(TypeRef type, string writer, string value, string ns, List<string> helpers, string key, int level = 1) => type.Kind switch
    {
        TypeRefKind.String => $"{writer}.WriteStringValue({value});",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double => $"{writer}.WriteNumberValue({value});",
        TypeRefKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeRefKind.Date => $"global::FactorialGen.Runtime.Generated.FactorialJsonWriter.WriteDate({writer}, {value});",
        TypeRefKind.DateTime => $"{writer}.WriteStringValue({value});",
        TypeRefKind.Json => $"{value}.WriteTo({writer});",
        TypeRefKind.Model => $"global::{ns}.Serialization.{type.Name}JsonConverter.Instance.Write({writer}, {value}, global::{ns}.FactorialJson.Options);",
        TypeRefKind.Enum => $"global::{ns}.Serialization.{type.Name}JsonConverter.WriteValue({writer}, {value});",
        TypeRefKind.Array => $"global::FactorialGen.Runtime.Generated.FactorialJsonWriter.WriteList<{CodeText.TypeName(type.Element!, ns)}>({writer}, {value}, {WriteItemHelper(type.Element!, ns, helpers, key, level)});",
        _ => string.Empty,
    };

    private static string WriteItemHelper(TypeRef element, string ns, List<string> helpers, string key, int level)
    {
        var name = $"__WriteItem{key}_{level}";
        var body = WriteStatement(element, "writer", "item", ns, helpers, key, level + 1);
        helpers.Add($"private static void {name}(global::System.Text.Json.Utf8JsonWriter writer, {CodeText.TypeName(element, ns)} item) {{ {body} }}");
        return name;
    }

    internal static SourceWriter EmitEnum(EnumSpec spec, ModelSet set)
    {
        var ns = set.Namespace;
        var type = $"global::{ns}.{spec.Name}";
        var writer = new SourceWriter().WriteLines(CodeText.Header).WriteLine();
        using (writer.Block($"namespace {ns}"))
        {
            CodeText.Summary(writer, spec.Description ?? $"The values of '{spec.Name}' in the API document.");
            writer.WriteLine(CodeText.GeneratedCode);
            using (writer.Block($"{Accessibility(set)} enum {spec.Name}"))
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
            using (writer.Block($"internal sealed class {spec.Name}JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{type}>"))
            {
                writer.WriteLine($"public static readonly {spec.Name}JsonConverter Instance = new();");
                writer.WriteLine();
                writer.WriteLine("public override bool HandleNull => true;");
                writer.WriteLine();
                writer.WriteLine($"public override {type} Read(ref {Utf8Reader} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader) ?? {type}.Unknown;");
                writer.WriteLine();
                writer.WriteLine($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {type} value, global::System.Text.Json.JsonSerializerOptions options) => WriteValue(writer, value);");
                writer.WriteLine();
                using (writer.Block($"public static {type}? ReadValue(ref {Utf8Reader} reader)"))
                {
                    using (writer.Block("switch (reader.TokenType)"))
                    {
                        writer.WriteLine("case global::System.Text.Json.JsonTokenType.Null:");
                        writer.WriteLine("    return null;");
                        writer.WriteLine("case global::System.Text.Json.JsonTokenType.String:");
                        writer.Indent();
                        foreach (var member in spec.Members)
                        {
                            writer.WriteLine($"if (reader.ValueTextEquals({CodeText.Literal(member.Value)}u8)) return {type}.{member.Name};");
                        }

                        writer.WriteLine($"return {type}.Unknown;");
                        writer.Unindent();
                        writer.WriteLine("case global::System.Text.Json.JsonTokenType.StartObject:");
                        writer.WriteLine("case global::System.Text.Json.JsonTokenType.StartArray:");
                        writer.WriteLine("    reader.Skip();");
                        writer.WriteLine($"    return {type}.Unknown;");
                        writer.WriteLine("default:");
                        writer.WriteLine($"    return {type}.Unknown;");
                    }
                }

                writer.WriteLine();
                using (writer.Block($"public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, {type} value)"))
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

    internal static SourceWriter EmitJsonMetadata(ModelSet set, CancellationToken cancellationToken)
    {
        var ns = set.Namespace;
        var names = set.Document.Models.Select(m => m.Name).Concat(set.Document.Enums.Select(e => e.Name)).OrderBy(n => n, System.StringComparer.Ordinal).ToList();
        var writer = new SourceWriter().WriteLines(CodeText.Header).WriteLine();
        // Named without its extension: the YAML and JSON forms of one document generate the same code.
        var source = set.Document.FileName is { } fileName ? System.IO.Path.GetFileNameWithoutExtension(fileName) : "the built-in document";
        using (writer.Block($"namespace {ns}"))
        {
            writer.WriteLine($"/// <summary>JSON metadata for the models of {CodeText.Escape(source)}, made without reflection (trimming and Native AOT safe).</summary>");
            writer.WriteLine(CodeText.GeneratedCode);
            using (writer.Block($"{Accessibility(set)} static partial class FactorialJson"))
            {
                writer.WriteLine("/// <summary>Serializer options whose resolver knows every model of this document.</summary>");
                writer.WriteLine("public static global::System.Text.Json.JsonSerializerOptions Options { get; } = CreateOptions();");
                writer.WriteLine();
                foreach (var name in names)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var type = $"global::{ns}.{name}";
                    writer.WriteLine($"private static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type}>? __{name};");
                    writer.WriteLine();
                    writer.WriteLine($"/// <summary>JSON metadata of <see cref=\"{type}\"/>.</summary>");
                    writer.WriteLine($"public static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type}> {name} => __{name} ??= (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type}>)Options.GetTypeInfo(typeof({type}));");
                    writer.WriteLine();
                }

                using (writer.Block("private static global::System.Text.Json.JsonSerializerOptions CreateOptions()"))
                {
                    writer.WriteLine($"var options = new global::System.Text.Json.JsonSerializerOptions {{ TypeInfoResolver = new global::{ns}.Serialization.FactorialJsonResolver() }};");
                    writer.WriteLine("options.MakeReadOnly();");
                    writer.WriteLine("return options;");
                }
            }
        }

        writer.WriteLine();
        using (writer.Block($"namespace {ns}.Serialization"))
        {
            writer.WriteLine("/// <summary>Hands out the generated converters' <c>JsonTypeInfo</c>s through <c>JsonMetadataServices</c>.</summary>");
            writer.WriteLine(CodeText.GeneratedCode);
            using (writer.Block("internal sealed class FactorialJsonResolver : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver"))
            {
                using (writer.Block("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)"))
                {
                    foreach (var name in names)
                    {
                        var type = $"global::{ns}.{name}";
                        using (writer.Block($"if (type == typeof({type}))"))
                        {
                            writer.WriteLine($"return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{type}>(options, {name}JsonConverter.Instance);");
                        }
                    }

                    writer.WriteLine("return null;");
                }
            }
        }

        return writer;
    }
}
