using System.Globalization;
using System.Text.Json;

namespace FactorialGen.Json;

/// <summary>Reads a list's <c>meta</c> object tolerantly: numbers may come as strings, cursors as numbers, and any field may be null.</summary>
internal static class PageMetaReader
{
    public static FactorialPageMeta? Read(JsonElement meta)
    {
        if (meta.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new FactorialPageMeta(
            Int(meta, "limit"),
            Int(meta, "total"),
            Bool(meta, "has_next_page"),
            Bool(meta, "has_previous_page"),
            Text(meta, "start_cursor"),
            Text(meta, "end_cursor"));
    }

    private static int? Int(JsonElement meta, string name)
    {
        if (!meta.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static bool Bool(JsonElement meta, string name) =>
        meta.TryGetProperty(name, out var value)
        && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var parsed) && parsed));

    private static string? Text(JsonElement meta, string name)
    {
        if (!meta.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
