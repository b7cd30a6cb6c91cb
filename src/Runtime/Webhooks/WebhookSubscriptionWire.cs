using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FactorialGen.Webhooks;

/// <summary>A subscription as read from <c>api_public/webhook_subscriptions</c>; its challenge is not read.</summary>
internal sealed class WebhookSubscriptionWire
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(IdTextConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("target_url")]
    public string? TargetUrl { get; set; }

    [JsonPropertyName("enabled")]
    public bool? Enabled { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("api_version")]
    public string? ApiVersion { get; set; }
}

/// <summary>The body of a create (<c>POST</c>) or update (<c>PUT</c>) of a subscription.</summary>
internal sealed class WebhookSubscriptionBody
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("subscription_type")]
    public required string SubscriptionType { get; set; }

    [JsonPropertyName("target_url")]
    public required string TargetUrl { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("challenge")]
    public required string Challenge { get; set; }

    [JsonPropertyName("company_id")]
    public string? CompanyId { get; set; }

    [JsonPropertyName("enabled")]
    public bool Enabled { get; set; } = true;

    [JsonPropertyName("api_version")]
    public string? ApiVersion { get; set; }
}

/// <summary>The part of <c>api_public/credentials</c> a subscription needs.</summary>
internal sealed class CredentialWire
{
    [JsonPropertyName("company_id")]
    [JsonConverter(typeof(IdTextConverter))]
    public string? CompanyId { get; set; }
}

/// <summary>Reads an id written as a JSON string (current API versions) or number (older ones) as text.</summary>
internal sealed class IdTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException("An id must be a string or a whole number."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Source-generated JSON metadata for the subscription wire types.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebhookSubscriptionWire))]
[JsonSerializable(typeof(WebhookSubscriptionBody))]
[JsonSerializable(typeof(CredentialWire))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext
{
}
