using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FactorialGen.Sandbox.Json;

/// <summary>Writes timestamps in UTC with milliseconds and a <c>Z</c> suffix, e.g. <c>2026-06-30T17:00:00.000Z</c>.</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value
            : throw new JsonException("A timestamp must be an ISO 8601 date-time.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
