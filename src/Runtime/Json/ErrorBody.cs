using System;
using System.Text.Json;

namespace FactorialGen.Json;

/// <summary>
/// Reads an error code and message out of an error body. Factorial documents no error format, so this accepts
/// the OAuth shape (<c>error</c>, <c>error_description</c>), a <c>message</c> field, an <c>error</c> object with a
/// <c>message</c>, or an <c>errors</c> array — and anything else yields nothing rather than failing.
/// </summary>
internal static class ErrorBody
{
    public static (string? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var root = document.RootElement;
            string? code = null;
            string? message = null;
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    code = error.GetString();
                }
                else if (error.ValueKind == JsonValueKind.Object)
                {
                    code = StringOf(error, "code") ?? StringOf(error, "type");
                    message = StringOf(error, "message");
                }
            }

            message ??= StringOf(root, "error_description") ?? StringOf(root, "message");
            if (message is null && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                message = first.ValueKind == JsonValueKind.String ? first.GetString() : first.ValueKind == JsonValueKind.Object ? StringOf(first, "message") : null;
            }

            return (Shorten(code, 100), Shorten(message, 500));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Shorten(string? text, int max) =>
        text is null || text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
