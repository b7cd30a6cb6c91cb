using System.Linq;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>A generated enum and its converter: string values, unknown ones read as <c>Unknown</c>.</summary>
internal static class EnumEmitter
{
    /// <summary>The enum, inside the models' namespace.</summary>
    internal static void WriteEnum(SourceWriter writer, EnumSpec spec, ModelSet set)
    {
        CodeText.Summary(writer, spec.Description ?? $"The values of '{spec.Name}' in the API document.");
        writer.WriteLine(CodeText.GeneratedCode);
        using (writer.Block($"{ModelEmitter.Accessibility(set)} enum {spec.Name}"))
        {
            writer.WriteLine("/// <summary>A value the document does not list.</summary>");
            writer.WriteLine("Unknown = 0,");
            foreach (var member in spec.Members)
            {
                writer.WriteLine();
                writer.WriteLine($"/// <summary>The value <c>{CodeText.Escape(member.Value)}</c>.</summary>");
                writer.WriteLine($"{member.Name},");
            }
        }
    }

    /// <summary>The enum's converter (its string values; an unknown value reads as <c>Unknown</c>), inside the models' <c>Serialization</c> namespace.</summary>
    internal static void WriteConverter(SourceWriter writer, EnumSpec spec)
    {
        writer.WriteLine(CodeText.GeneratedCode);
        using (writer.Block($"internal sealed class {spec.Name}JsonConverter : __R::FactorialEnumConverter<__M::{spec.Name}>"))
        {
            // The string values are data (string literals) in one runtime table, in the order of the members
            // after Unknown = 0: the value at position i is member i + 1.
            var values = string.Join(", ", spec.Members.Select(m => CodeText.Literal(m.Value)));
            writer.WriteLine($"public static readonly {spec.Name}JsonConverter Instance = new();");
            writer.WriteLine();
            writer.WriteLine($"public {spec.Name}JsonConverter() : base(new __R::FactorialJsonNames({values})) {{ }}");
        }
    }
}
