using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Json;
using FactorialGen.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactorialGen;

// The token file's format: reading and checking it (size bound, JSON shape, token fields) and the stored form of a token.
public sealed partial class FileTokenStore
{
    private async Task<FactorialToken?> ReadAsync(CancellationToken cancellationToken)
    {
        var (token, _, failure) = await InspectAsync(cancellationToken).ConfigureAwait(false);
        return failure is null ? token : throw failure;
    }

    /// <summary>
    /// Reads the token file (at most <see cref="MaxFileBytes"/> + 1 bytes): the token, or no token (no file), or the
    /// error that <see cref="LoadAsync"/> reports, with the file's content when it was read but is not a token.
    /// </summary>
    private async Task<(FactorialToken? Token, byte[]? CorruptContent, FactorialTokenStoreException? Failure)> InspectAsync(CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            // FileShare.Delete: a writer may rename a new token over the file while it is being read (Windows).
            await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1, useAsync: true);
            var length = stream.CanSeek ? stream.Length : 0;
            if (length > MaxFileBytes)
            {
                return (null, null, TooLarge(length));
            }

            // The length can change under us (or be unknown, as for a device): read at most one byte past the cap,
            // never the whole file.
            var buffer = new byte[(int)Math.Min(Math.Max(length, 512), MaxFileBytes) + 1];
            var read = 0;
            while (true)
            {
                if (read == buffer.Length)
                {
                    if (buffer.Length > MaxFileBytes)
                    {
                        return (null, null, TooLarge(null));
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxFileBytes + 1));
                }

                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            content = buffer.AsSpan(0, read).ToArray();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, null, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, null, new FactorialTokenStoreException($"Could not read the token file '{Path}': {ex.Message}", Path, ex));
        }

        StoredToken? stored;
        try
        {
            stored = JsonSerializer.Deserialize(content, FactorialRuntimeJsonContext.Default.StoredToken);
        }
        catch (JsonException ex)
        {
            // No inner exception: a JSON error can quote a piece of the file, and the file holds secrets.
            return (null, content, Corrupt($"is not valid token JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})"));
        }

        return FromStored(stored) is { } token
            ? (token, null, null)
            : (null, content, Corrupt("does not hold a complete token (access_token, scope and created_at are required)"));
    }

    private FactorialTokenStoreException TooLarge(long? length) =>
        new($"The token file '{Path}' is larger than {MaxFileBytes / 1024} KiB{(length is { } l ? $" ({l} bytes)" : string.Empty)}, far more than a token needs, so it was not read. It was left untouched: restore or delete it, then authorize again if needed.", Path);

    private FactorialTokenStoreException Corrupt(string what) =>
        new($"The token file '{Path}' {what}. It was left untouched: restore or delete it, then authorize again if needed.", Path);

    private static StoredToken ToStored(FactorialToken token) => new()
    {
        AccessToken = token.AccessToken,
        RefreshToken = token.RefreshToken,
        TokenType = token.TokenType,
        Scope = token.Scope.ToOAuthString(),
        CreatedAt = token.CreatedAt,
        ExpiresAt = token.ExpiresAt,
        ResourceOwner = token.ResourceOwner == FactorialResourceOwner.Company ? "company" : "user",
        ResourceScopes = token.ResourceScopes == FactorialResourceScopes.None ? null : token.ResourceScopes.ToOAuthString(),
    };

    private static FactorialToken? FromStored(StoredToken? stored)
    {
        if (stored is null
            || string.IsNullOrWhiteSpace(stored.AccessToken)
            || !FactorialToken.IsHeaderSafe(stored.AccessToken) || FactorialToken.HasControlCharacters(stored.RefreshToken)
            || !(string.IsNullOrWhiteSpace(stored.TokenType) || string.Equals(stored.TokenType, FactorialToken.BearerType, StringComparison.OrdinalIgnoreCase))
            || !FactorialScopes.TryParse(stored.Scope, out var scope)
            || stored.CreatedAt is not { } createdAt)
        {
            return null;
        }

        var owner = string.Equals(stored.ResourceOwner, "company", StringComparison.OrdinalIgnoreCase) ? FactorialResourceOwner.Company : FactorialResourceOwner.User;
        FactorialScopes.TryParseResources(stored.ResourceScopes, out var resources); // absent in older files: none known
        return new FactorialToken(stored.AccessToken, stored.RefreshToken, scope, createdAt, stored.ExpiresAt, string.IsNullOrWhiteSpace(stored.TokenType) ? "Bearer" : stored.TokenType, owner)
        {
            ResourceScopes = resources,
        };
    }
}
