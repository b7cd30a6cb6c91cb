using System.Text.Json.Serialization;

namespace FactorialGen.Json;

/// <summary>
/// The body of a successful <c>POST /oauth/token</c>. The times are read as any JSON number (or a numeric string), so
/// out-of-range or fractional values reach <see cref="OAuth.TokenAnswer"/>'s checks instead of failing as JSON errors.
/// </summary>
internal sealed class TokenResponse
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
    [JsonPropertyName("token_type")] public string? TokenType { get; set; }
    [JsonPropertyName("expires_in")] public double? ExpiresIn { get; set; }
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; set; }
    [JsonPropertyName("scope")] public string? Scope { get; set; }
    [JsonPropertyName("created_at")] public double? CreatedAt { get; set; }
}

/// <summary>How <see cref="FileTokenStore"/> keeps a token on disk.</summary>
internal sealed class StoredToken
{
    [JsonPropertyName("format")] public int Format { get; set; } = 1;
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; set; }
    [JsonPropertyName("token_type")] public string? TokenType { get; set; }
    [JsonPropertyName("scope")] public string? Scope { get; set; }
    [JsonPropertyName("created_at")] public System.DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("expires_at")] public System.DateTimeOffset? ExpiresAt { get; set; }
    [JsonPropertyName("resource_owner")] public string? ResourceOwner { get; set; }

    /// <summary>The resource scopes' OAuth names, space-separated; absent (files written before they existed) means none known.</summary>
    [JsonPropertyName("resource_scopes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ResourceScopes { get; set; }
}
