using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.Json;

/// <summary>
/// Writes ids either as numbers (API versions before 2025) or as strings (later versions) and reads
/// both forms, so clients of either version can send ids the way their document describes them.
/// </summary>
internal sealed class ResourceIdConverter(bool writeAsString) : JsonConverter<ResourceId>
{
    public override ResourceId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long number))
        {
            return new ResourceId(number);
        }

        if (reader.TokenType == JsonTokenType.String
            && long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
        {
            return new ResourceId(parsed);
        }

        throw new JsonException("An id must be an integer or a string holding an integer.");
    }

    public override void Write(Utf8JsonWriter writer, ResourceId value, JsonSerializerOptions options)
    {
        if (writeAsString)
        {
            writer.WriteStringValue(value.ToString());
        }
        else
        {
            writer.WriteNumberValue(value.Value);
        }
    }
}
