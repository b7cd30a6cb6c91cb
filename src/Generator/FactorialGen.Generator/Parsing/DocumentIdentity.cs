using System.Text;
using System.Text.Json;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// The name of a document's models' namespace, from what the document says about itself and never from its file name
/// (renaming the file changes no generated type): the API version of its paths (<c>/api/2024-10-01/...</c> →
/// <c>V2024_10_01</c>), else <c>info.version</c>, else <c>info.title</c>. Two documents of one compilation that get the
/// same name are told apart by the client builder (see ClientSpecBuilder.ModelNamespace).
/// </summary>
internal static class DocumentIdentity
{
    public static string SpecId(JsonElement root, string? pathVersion, string fileName)
    {
        var info = root.TryGetProperty("info", out var i) && i.ValueKind == JsonValueKind.Object ? i : default;
        var text = pathVersion ?? SchemaShapes.StringOf(info, "version");
        if (Sanitize(text) is { } version)
        {
            return char.IsDigit(version[0]) ? "V" + version : Identifier.Pascal(version, "Spec");
        }

        return Identifier.Pascal(SchemaShapes.StringOf(info, "title") ?? System.IO.Path.GetFileNameWithoutExtension(fileName), "Spec");
    }

    /// <summary><c>2024-10-01</c> → <c>2024_10_01</c>: ASCII letters and digits kept, runs of anything else one <c>_</c>.</summary>
    private static string? Sanitize(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? string.Empty).Trim())
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }
        }

        var result = builder.ToString().TrimEnd('_');
        return result.Length == 0 ? null : Identifier.Cap(result);
    }
}
