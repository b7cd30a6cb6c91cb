using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// Emits a document's models (sealed classes) and enums once, each with a <c>JsonConverter</c> over <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c>
/// (no reflection), and a <c>FactorialJson</c> class that hands out their <c>JsonTypeInfo</c>s.
/// </summary>
internal static class ModelEmitter
{

    public static void Emit(SourceProductionContext context, ModelSet set)
    {
        // Hint names must be unique ignoring case (Roslyn's rule, and the file systems' the files may be written to),
        // while C# type names are case-sensitive: "Leave" and "LEAVE" are two types and need two hint names.
        var hintNames = new UniqueNames(System.StringComparer.OrdinalIgnoreCase).Reserve([$"{set.Namespace}.FactorialJson.g.cs"]);
        string HintName(string name) => hintNames.Claim($"{set.Namespace}.{name}.g.cs", i => $"{set.Namespace}.{name}.{i}.g.cs");

        foreach (var model in set.Document.Models)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource(HintName(model.Name), EmitModel(model, set).ToSourceText());
        }

        foreach (var @enum in set.Document.Enums)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource(HintName(@enum.Name), EnumEmitter.Emit(@enum, set).ToSourceText());
        }

        foreach (var operation in set.Document.Operations)
        {
            if (operation.OptionsName is not null)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                context.AddSource(HintName(operation.OptionsName), QueryOptionsEmitter.Emit(operation, set).ToSourceText());
            }
        }

        context.AddSource($"{set.Namespace}.FactorialJson.g.cs", JsonMetadataEmitter.Emit(set, context.CancellationToken).ToSourceText());
    }

    internal static string Accessibility(ModelSet set) => set.IsPublic ? "public" : "internal";

    internal static SourceWriter EmitModel(ModelSpec model, ModelSet set)
    {
        var ns = set.Namespace;
        var writer = CodeText.Start(ns);
        using (writer.Block($"namespace {ns}"))
        {
            CodeText.Summary(writer, model.Description ?? $"The '{model.Name}' schema of the API document.");
            if (model.Deprecated)
            {
                writer.WriteLine("[__S::Obsolete(\"Deprecated in the API document.\")]");
            }

            writer.WriteLine(CodeText.GeneratedCode);
            using (writer.Block($"{Accessibility(set)} sealed partial class {model.Name}"))
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
                        writer.WriteLine("[__S::Obsolete(\"Deprecated in the API document.\")]");
                    }

                    var required = property.IsNullable ? string.Empty : "required ";
                    writer.WriteLine($"public {required}{CodeText.TypeName(property.Type, ns, property.IsNullable)} {property.Name} {{ get; init; }}");
                }
            }
        }

        writer.WriteLine();
        // The converter is internal and generated field by field: no nullable context at all (the file's header already
        // turns the warnings, and so the flow analysis, off; here the annotations go too). Its locals and helpers say `?`
        // for value types only (CodeText.ConverterTypeName), as a disabled context asks.
        writer.WriteLine("#nullable disable");
        using (writer.Block($"namespace {ns}.Serialization"))
        {
            var type = $"__M::{model.Name}";
            writer.WriteLine($"/// <summary>Reads and writes <see cref=\"{type}\"/> without reflection, tolerating unknown fields and loosely typed values.</summary>");
            writer.WriteLine(CodeText.GeneratedCode);
            using (writer.Block($"internal sealed class {model.Name}JsonConverter : __R::FactorialObjectConverter<{type}>"))
            {
                // The JSON names are data (string literals) in one runtime table: it finds a field being read, hands
                // out the encoded name being written and names a missing field. Made before Instance, which takes it.
                var names = string.Join(", ", model.Properties.Select(p => CodeText.Literal(p.JsonName)));
                writer.WriteLine($"private static readonly __R::FactorialJsonNames __Names = new({names});");
                writer.WriteLine();
                writer.WriteLine($"public static readonly {model.Name}JsonConverter Instance = new();");
                writer.WriteLine();
                writer.WriteLine($"public {model.Name}JsonConverter() : base({CodeText.Literal(model.Name)}, __Names) {{ }}");
                writer.WriteLine();
                var helpers = new List<string>();
                ModelConverterWriter.EmitRead(writer, model, ns, type, helpers);
                writer.WriteLine();
                ModelConverterWriter.EmitWrite(writer, model, ns, type, helpers);
                foreach (var helper in helpers)
                {
                    writer.WriteLine();
                    writer.WriteLine(helper);
                }
            }
        }

        writer.WriteLine("#nullable enable annotations");
        return writer;
    }
}
