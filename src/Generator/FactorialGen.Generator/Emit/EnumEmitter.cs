using System.Linq;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>Emits a generated enum and its converter: string values, unknown ones read as <c>Unknown</c>.</summary>
internal static class EnumEmitter
{
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
            using (writer.Block($"internal sealed class {spec.Name}JsonConverter : __R::FactorialEnumConverter<{type}>"))
            {
                // The string values are data (string literals) in one runtime table, in the order of the members
                // after Unknown = 0: the value at position i is member i + 1.
                var values = string.Join(", ", spec.Members.Select(m => CodeText.Literal(m.Value)));
                writer.WriteLine($"public static readonly {spec.Name}JsonConverter Instance = new();");
                writer.WriteLine();
                writer.WriteLine($"public {spec.Name}JsonConverter() : base(new __R::FactorialJsonNames({values})) {{ }}");
            }
        }

        return writer;
    }
}
