using System;
using System.Text.Json;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// The one <c>$ref</c> resolver: follows local references (<c>#/components/{section}/{name}</c>, JSON-pointer escapes
/// undone) through at most <see cref="MaxHops"/> hops, so a cycle of bare references ends.
/// </summary>
internal static class ComponentRefs
{
    public const int MaxHops = 8;

    /// <summary>
    /// <paramref name="element"/> itself when it is not a reference; the element it points to under
    /// <c>components/{section}</c>; or <c>default</c> (<see cref="JsonValueKind.Undefined"/>) when a reference points
    /// elsewhere, to nothing, or the chain is longer than <see cref="MaxHops"/>.
    /// </summary>
    public static JsonElement Resolve(JsonElement element, JsonElement components, string section)
    {
        for (var hops = 0; IsReference(element, out var reference); hops++)
        {
            if (hops == MaxHops || Key(reference, section) is not { } key || !TryGet(components, section, key, out element))
            {
                return default;
            }
        }

        return element;
    }

    /// <summary>The component name a reference into <c>components/{section}</c> names, or <c>null</c>.</summary>
    public static string? Key(string? reference, string section)
    {
        var prefix = "#/components/" + section + "/";
        return reference is not null && reference.StartsWith(prefix, StringComparison.Ordinal) && reference.Length > prefix.Length
            ? Uri.UnescapeDataString(reference.Substring(prefix.Length).Replace("~1", "/").Replace("~0", "~"))
            : null;
    }

    /// <summary>Whether <paramref name="element"/> is an object with a <c>$ref</c> (a string, or <c>null</c> when it is not one).</summary>
    public static bool IsReference(JsonElement element, out string? reference)
    {
        reference = null;
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("$ref"u8, out var value))
        {
            return false;
        }

        reference = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return true;
    }

    /// <summary>The component <paramref name="key"/> of <c>components/{section}</c>.</summary>
    public static bool TryGet(JsonElement components, string section, string key, out JsonElement component)
    {
        component = default;
        return components.ValueKind == JsonValueKind.Object
            && components.TryGetProperty(section, out var sectionElement) && sectionElement.ValueKind == JsonValueKind.Object
            && sectionElement.TryGetProperty(key, out component);
    }
}
