using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// Emits a document's models (sealed classes), enums and query options once, each model and enum with a
/// <c>JsonConverter</c> over <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c> (no reflection), and a <c>FactorialJson</c>
/// class that hands out their <c>JsonTypeInfo</c>s.
/// </summary>
/// <remarks>
/// The types go in one file per first letter of their names (<c>{namespace}.Models.E.g.cs</c> holds <c>Employee</c>,
/// <c>{namespace}.Serialization.E.g.cs</c> its converter: one file-scoped namespace each), not one file each: a full
/// document has over five hundred of them, and each file repeated the header and the namespace declarations (about a
/// tenth of the models' text) and cost the compiler a syntax tree.
/// </remarks>
internal static class ModelEmitter
{
    public static void Emit(SourceProductionContext context, ModelSet set)
    {
        var models = set.Document.Models.ToLookup(m => FileKey(m.Name));
        var enums = set.Document.Enums.ToLookup(e => FileKey(e.Name));
        var options = set.Document.Operations.Where(o => o.OptionsName is not null).ToLookup(o => FileKey(o.OptionsName!));
        var keys = models.Select(g => g.Key).Concat(enums.Select(g => g.Key)).Concat(options.Select(g => g.Key))
            .Distinct().OrderBy(k => k, System.StringComparer.Ordinal);
        foreach (var key in keys)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource($"{set.Namespace}.Models.{key}.g.cs", EmitFile(set, models[key], enums[key], options[key]).ToSourceText());
            if (models[key].Any() || enums[key].Any())
            {
                context.AddSource($"{set.Namespace}.Serialization.{key}.g.cs", EmitConverters(set, models[key], enums[key]).ToSourceText());
            }
        }

        context.AddSource($"{set.Namespace}.FactorialJson.g.cs", JsonMetadataEmitter.Emit(set, context.CancellationToken).ToSourceText());
    }

    internal static string Accessibility(ModelSet set) => set.IsPublic ? "public" : "internal";

    /// <summary>
    /// The file a type named <paramref name="name"/> goes in: its first letter, upper case (type names are ASCII
    /// identifiers, so two keys never differ only in case, which hint names must not); <c>_</c> for anything else.
    /// </summary>
    internal static string FileKey(string name)
    {
        var first = name.Length == 0 ? '_' : name[0] == '@' && name.Length > 1 ? name[1] : name[0];
        return first is >= 'a' and <= 'z' ? char.ToUpperInvariant(first).ToString()
            : first is >= 'A' and <= 'Z' ? first.ToString()
            : "_";
    }

    private static SourceWriter EmitFile(ModelSet set, IEnumerable<ModelSpec> models, IEnumerable<EnumSpec> enums, IEnumerable<OperationSpec> options)
    {
        var ns = set.Namespace;
        // The reading constructors name the converters of the fields' models and enums (__C::) and SetsRequiredMembers.
        var writer = CodeText.Start(ns, models.Any() ? Aliases.SetsRequired | Aliases.Converters : Aliases.None);
        writer.FileNamespace(ns);
        var first = true;
        void Separate()
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
        }

        foreach (var model in models)
        {
            Separate();
            WriteModel(writer, model, set);
        }

        foreach (var @enum in enums)
        {
            Separate();
            EnumEmitter.WriteEnum(writer, @enum, set);
        }

        foreach (var operation in options)
        {
            Separate();
            QueryOptionsEmitter.WriteOptions(writer, operation, set);
        }

        return writer;
    }

    /// <summary>The converters of the models and enums of one file (<see cref="EmitFile"/>), in the models' <c>Serialization</c> namespace.</summary>
    private static SourceWriter EmitConverters(ModelSet set, IEnumerable<ModelSpec> models, IEnumerable<EnumSpec> enums)
    {
        var ns = set.Namespace;
        var writer = CodeText.Start(ns, Aliases.Converters);
        // The converters are internal and generated field by field: no nullable context at all (the file's header
        // already turns the warnings, and so the flow analysis, off; here the annotations go too). Their helpers say
        // `?` for value types only (CodeText.ConverterTypeName), as a disabled context asks.
        writer.WriteLine("#nullable disable");
        writer.FileNamespace($"{ns}.Serialization");
        var first = true;
        foreach (var model in models)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            ModelConverterWriter.WriteConverter(writer, model, ns);
        }

        foreach (var @enum in enums)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            EnumEmitter.WriteConverter(writer, @enum);
        }

        return writer;
    }

    private static void WriteModel(SourceWriter writer, ModelSpec model, ModelSet set)
    {
        var ns = set.Namespace;
        CodeText.Summary(writer, model.Description ?? $"The '{model.Name}' schema of the API document.");
        if (model.Deprecated)
        {
            writer.WriteLine("[__S::Obsolete(\"Deprecated in the API document.\")]");
        }

        writer.WriteLine(CodeText.GeneratedCode);
        using (writer.Block($"{Accessibility(set)} sealed partial class {model.Name}"))
        {
            var first = true;
            if (model.Properties.Count > 0)
            {
                // The reading constructor (ModelConverterWriter.WriteReader) replaces the implicit one.
                writer.WriteLine($"/// <summary>Creates an empty <see cref=\"{model.Name}\"/>, to fill with an object initializer.</summary>");
                writer.WriteLine($"public {model.Name}() {{ }}");
                writer.WriteLine();
                ModelConverterWriter.WriteReader(writer, model, ns);
                first = false;
            }

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
}
