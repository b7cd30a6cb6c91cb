using System.Linq;
using System.Threading;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>Emits a document's <c>FactorialJson</c> class and the table of converters that hands out its models' <c>JsonTypeInfo</c>s.</summary>
internal static class JsonMetadataEmitter
{
    internal static SourceWriter Emit(ModelSet set, CancellationToken cancellationToken)
    {
        var ns = set.Namespace;
        var names = set.Document.Models.Select(m => m.Name).Concat(set.Document.Enums.Select(e => e.Name)).OrderBy(n => n, System.StringComparer.Ordinal).ToList();
        var writer = CodeText.Start(ns, names.Count > 0 ? Aliases.Metadata | Aliases.Converters : Aliases.Metadata);
        // Named by its version, not its file name: renaming the file (or its YAML and JSON forms) changes no generated code.
        var source = set.Document.FileName is null ? "the built-in document" : "the API document " + (set.Document.ApiVersion ?? set.Document.SpecId);
        writer.FileNamespace(ns);
        writer.WriteLine($"/// <summary>JSON metadata for the models of {CodeText.Escape(source)}, made without reflection (trimming and Native AOT safe).</summary>");
        writer.WriteLine(CodeText.GeneratedCode);
        using (writer.Block($"{ModelEmitter.Accessibility(set)} static partial class FactorialJson"))
        {
            writer.WriteLine("/// <summary>Serializer options whose resolver knows every model of this document.</summary>");
            writer.WriteLine("public static __J::JsonSerializerOptions Options { get; } = CreateOptions();");
            writer.WriteLine();
            foreach (var name in names)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var type = $"__M::{name}";
                writer.WriteLine($"/// <summary>JSON metadata of <see cref=\"{type}\"/>.</summary>");
                // The converter keeps the metadata it made for these options: no field, cast or typeof here.
                writer.WriteLine($"public static __I::JsonTypeInfo<{type}> {name} => __C::{name}JsonConverter.Instance.TypeInfo(Options);");
                writer.WriteLine();
            }

            using (writer.Block("private static __J::JsonSerializerOptions CreateOptions()"))
            {
                // A table of converters, each making its own JsonTypeInfo: no type test or generic call per model here.
                writer.WriteLine("var options = new __J::JsonSerializerOptions { TypeInfoResolver = new __R::FactorialJsonResolver(");
                writer.Indent();
                for (var i = 0; i < names.Count; i++)
                {
                    writer.WriteLine($"__C::{names[i]}JsonConverter.Instance{(i < names.Count - 1 ? "," : string.Empty)}");
                }

                writer.Unindent();
                writer.WriteLine(") };");
                writer.WriteLine("options.MakeReadOnly();");
                writer.WriteLine("return options;");
            }
        }

        return writer;
    }
}
