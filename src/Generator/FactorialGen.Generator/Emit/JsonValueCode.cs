using System.Collections.Generic;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>The expressions and statements that read or write one value of a <see cref="TypeRef"/> in generated converters.</summary>
internal static class JsonValueCode
{
    private const string Reader = "__R::FactorialJsonReader";
    private const string Utf8Reader = "__J::Utf8JsonReader";

    /// <summary>An expression reading a value of <paramref name="type"/> (nullable) from the reader variable <paramref name="reader"/>.</summary>
    /// <remarks>
    /// A list's items are read by a named helper method per nesting level (added to <paramref name="helpers"/>, named
    /// from <paramref name="key"/>), passed as a method group with explicit type arguments: nested implicitly typed
    /// lambdas made the consumer's compiler infer types in time exponential in the nesting depth.
    /// </remarks>
    /// <param name="fields">
    /// The model's <c>FactorialJsonFields</c>, whose per-field readers (<c>f.String(ref r)</c>) a model's reading
    /// constructor calls; <see langword="null"/> in a list item helper (a static method), which calls the runtime's
    /// static readers.
    /// </param>
    internal static string ReadExpression(TypeRef type, string reader, string ns, List<string> helpers, string key, int level = 1, string? fields = null) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Boolean or TypeRefKind.Date or TypeRefKind.DateTime when fields is not null
            => $"{fields}.{type.Kind}(ref {reader})",
        TypeRefKind.Json when fields is not null => $"{fields}.Element(ref {reader})",
        TypeRefKind.String => $"{Reader}.ReadString(ref {reader})",
        TypeRefKind.Int32 => $"{Reader}.ReadInt32(ref {reader})",
        TypeRefKind.Int64 => $"{Reader}.ReadInt64(ref {reader})",
        TypeRefKind.Double => $"{Reader}.ReadDouble(ref {reader})",
        TypeRefKind.Boolean => $"{Reader}.ReadBoolean(ref {reader})",
        TypeRefKind.Date => $"{Reader}.ReadDate(ref {reader})",
        TypeRefKind.DateTime => $"{Reader}.ReadDateTime(ref {reader})",
        TypeRefKind.Json => $"{Reader}.ReadElement(ref {reader})",
        TypeRefKind.Model or TypeRefKind.Enum => $"__C::{type.Name}JsonConverter.Instance.ReadValue(ref {reader})",
        TypeRefKind.Array => $"{Reader}.{(type.Element!.IsValueType ? "ReadValueList" : "ReadList")}<{CodeText.TypeName(type.Element!, ns)}>(ref {reader}, {ReadItemHelper(type.Element!, ns, helpers, key, level)})",
        _ => "default",
    };

    private static string ReadItemHelper(TypeRef element, string ns, List<string> helpers, string key, int level)
    {
        if (SharedItem(element, "Read", "ItemReader") is { } shared)
        {
            return shared;
        }

        var name = $"__ReadItem{key}_{level}";
        var body = ReadExpression(element, "reader", ns, helpers, key, level + 1);
        helpers.Add($"private static {CodeText.ConverterTypeName(element, ns)} {name}(ref {Utf8Reader} reader) => {body};");
        return name;
    }

    /// <summary>A statement writing the (non-null) <paramref name="value"/> of <paramref name="type"/> with <paramref name="writer"/>.</summary>
    /// <remarks>A list's items are written by a named helper per nesting level, as in <see cref="ReadExpression"/>.</remarks>
    internal static string WriteStatement(TypeRef type, string writer, string value, string ns, List<string> helpers, string key, int level = 1) => type.Kind switch
    {
        TypeRefKind.String => $"{writer}.WriteStringValue({value});",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double => $"{writer}.WriteNumberValue({value});",
        TypeRefKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeRefKind.Date => $"__R::FactorialJsonWriter.WriteDate({writer}, {value});",
        TypeRefKind.DateTime => $"{writer}.WriteStringValue({value});",
        TypeRefKind.Json => $"{value}.WriteTo({writer});",
        TypeRefKind.Model or TypeRefKind.Enum => $"__C::{type.Name}JsonConverter.Instance.WriteValue({writer}, {value});",
        TypeRefKind.Array => $"__R::FactorialJsonWriter.WriteList<{CodeText.TypeName(type.Element!, ns)}>({writer}, {value}, {WriteItemHelper(type.Element!, ns, helpers, key, level)});",
        _ => string.Empty,
    };

    /// <summary>
    /// One statement writing <paramref name="property"/> (name and value, nothing when the value is null) through a
    /// runtime property writer (one overload each: <c>Utf8JsonWriter.WriteString</c>'s two dozen overloads cost the
    /// compiler more than the call), or <see langword="null"/> where the caller writes name and value itself: a required
    /// model, enum or list. A required string that is null stays a JSON null.
    /// </summary>
    /// <remarks>
    /// A scalar is written by the per-field writer of the converter's <c>FactorialJsonFields</c> (<c>F</c>), which takes
    /// the field's position (<c>F.WriteDate(w, 3, v.StartsOn);</c>); a model, enum or list by its converter or the
    /// runtime, with the encoded <paramref name="name"/>.
    /// </remarks>
    internal static string? PropertyStatement(PropertySpec property, string writer, string position, string name, string value, string ns, List<string> helpers)
    {
        var type = property.Type;
        return type.Kind switch
        {
            TypeRefKind.String when !property.IsNullable => $"F.WriteStringOrNull({writer}, {position}, {value});",
            TypeRefKind.String or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Boolean or TypeRefKind.Date or TypeRefKind.DateTime
                => $"F.Write{type.Kind}({writer}, {position}, {value});",
            TypeRefKind.Json => $"F.WriteElement({writer}, {position}, {value});",
            _ when !property.IsNullable => null,
            TypeRefKind.Model or TypeRefKind.Enum => $"__C::{type.Name}JsonConverter.Instance.WriteProperty({writer}, {name}, {value});",
            TypeRefKind.Array => $"__R::FactorialJsonWriter.PropertyList<{CodeText.TypeName(type.Element!, ns)}>({writer}, {name}, {value}, {WriteItemHelper(type.Element!, ns, helpers, position, 1)});",
            _ => null,
        };
    }

    private static string WriteItemHelper(TypeRef element, string ns, List<string> helpers, string key, int level)
    {
        if (SharedItem(element, "Write", "ItemWriter") is { } shared)
        {
            return shared;
        }

        var name = $"__WriteItem{key}_{level}";
        var body = WriteStatement(element, "writer", "item", ns, helpers, key, level + 1);
        helpers.Add($"private static void {name}(__J::Utf8JsonWriter writer, {CodeText.TypeName(element, ns)} item) {{ {body} }}");
        return name;
    }

    /// <summary>
    /// The shared delegate for items of <paramref name="element"/>: the runtime's for scalars, the converter's for
    /// models and enums; <see langword="null"/> for nested lists, which get a helper method.
    /// </summary>
    private static string? SharedItem(TypeRef element, string verb, string member) => element.Kind switch
    {
        TypeRefKind.String => $"__R::FactorialJsonItems.{verb}String",
        TypeRefKind.Int32 => $"__R::FactorialJsonItems.{verb}Int32",
        TypeRefKind.Int64 => $"__R::FactorialJsonItems.{verb}Int64",
        TypeRefKind.Double => $"__R::FactorialJsonItems.{verb}Double",
        TypeRefKind.Boolean => $"__R::FactorialJsonItems.{verb}Boolean",
        TypeRefKind.Date => $"__R::FactorialJsonItems.{verb}Date",
        TypeRefKind.DateTime => $"__R::FactorialJsonItems.{verb}DateTime",
        TypeRefKind.Json => $"__R::FactorialJsonItems.{verb}Element",
        TypeRefKind.Model or TypeRefKind.Enum => $"__C::{element.Name}JsonConverter.Instance.{member}",
        _ => null,
    };
}
