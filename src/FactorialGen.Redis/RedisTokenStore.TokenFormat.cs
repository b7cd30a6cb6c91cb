using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Medallion.Threading.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FactorialGen.Redis;

// How a token is held in Redis: its JSON form, optionally protected with the configured data protector, and checked when read.
public sealed partial class RedisTokenStore
{
    private const string ProtectedPrefix = "dp1:";

    private (string Data, bool Protected) Encode(FactorialToken token)
    {
        var json = ToJson(token);
        if (_options.DataProtector is not { } protector)
        {
            return (Encoding.UTF8.GetString(json), false);
        }

        return (ProtectedPrefix + Convert.ToBase64String(protector.Protect(json)), true);
    }

    private FactorialToken Decode(string data, bool isProtected)
    {
        byte[] json;
        if (isProtected || data.StartsWith(ProtectedPrefix, StringComparison.Ordinal))
        {
            if (_options.DataProtector is not { } protector)
            {
                throw Corrupt("is protected with ASP.NET Core Data Protection, but this store has no DataProtector: set RedisTokenStoreOptions.DataProtector (same key ring and purpose as the replica that wrote it)", null);
            }

            try
            {
                json = protector.Unprotect(Convert.FromBase64String(data[ProtectedPrefix.Length..]));
            }
            catch (Exception ex) when (ex is CryptographicException or FormatException)
            {
                throw Corrupt("could not be unprotected with this DataProtector (another key ring or purpose?)", ex);
            }
        }
        else
        {
            json = Encoding.UTF8.GetBytes(data);
        }

        return FromJson(json) ?? throw Corrupt("does not hold a complete token pair (access_token, scope and created_at are required)", null);
    }

    private FactorialTokenStoreException Corrupt(string what, Exception? inner) =>
        new($"The token pair in Redis key '{Key}' {what}. It was left untouched: fix it, or authorize again and save a new pair.", innerException: inner);

    private static byte[] ToJson(FactorialToken token)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("access_token", token.AccessToken);
            if (token.RefreshToken is { } refresh)
            {
                writer.WriteString("refresh_token", refresh);
            }

            writer.WriteString("token_type", token.TokenType);
            writer.WriteString("scope", token.Scope.ToOAuthString());
            writer.WriteString("created_at", token.CreatedAt);
            if (token.ExpiresAt is { } expiresAt)
            {
                writer.WriteString("expires_at", expiresAt);
            }

            writer.WriteString("resource_owner", token.ResourceOwner == FactorialResourceOwner.Company ? "company" : "user");
            if (token.ResourceScopes != FactorialResourceScopes.None)
            {
                writer.WriteString("resource_scopes", token.ResourceScopes.ToOAuthString());
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private FactorialToken? FromJson(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var access) || access.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(access.GetString())
                || !root.TryGetProperty("scope", out var scopeText) || !FactorialScopes.TryParse(scopeText.GetString(), out var scope)
                || !root.TryGetProperty("created_at", out var created) || !created.TryGetDateTimeOffset(out var createdAt))
            {
                return null;
            }

            string? refresh = root.TryGetProperty("refresh_token", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            DateTimeOffset? expiresAt = root.TryGetProperty("expires_at", out var e) && e.TryGetDateTimeOffset(out var expires) ? expires : null;
            var type = root.TryGetProperty("token_type", out var t) && t.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetString()) ? t.GetString()! : "Bearer";
            var owner = root.TryGetProperty("resource_owner", out var o) && string.Equals(o.GetString(), "company", StringComparison.OrdinalIgnoreCase)
                ? FactorialResourceOwner.Company
                : FactorialResourceOwner.User;
            // Absent in entries written before resource scopes were kept: none known.
            FactorialScopes.TryParseResources(root.TryGetProperty("resource_scopes", out var rs) && rs.ValueKind == JsonValueKind.String ? rs.GetString() : null, out var resources);
            return new FactorialToken(access.GetString()!, refresh, scope, createdAt, expiresAt, type, owner) { ResourceScopes = resources };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Corrupt("is not valid token JSON", null);
        }
    }
}
