using System;
using System.Text.Json;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// The scope an operation needs: the document's security scopes when it names <c>read</c> or <c>write</c>;
/// otherwise GET/HEAD read and every other method writes, except POSTs that only read (below).
/// </summary>
internal static class ScopeRules
{
    /// <summary>
    /// POST actions that only read (they ask the server to prepare something to download or look at), matched on the
    /// last path segment. Extend this list as the API adds such actions.
    /// </summary>
    public static readonly string[] ReadOnlyPostActions =
    [
        "download_url",
        "download_urls",
        "bulk_download",
        "bulk_download_url",
        "preview",
        "search",
        "export",
    ];

    public static AccessScope RequiredScope(string method, string path, JsonElement operation)
    {
        if (operation.TryGetProperty("security", out var security) && security.ValueKind == JsonValueKind.Array)
        {
            var declared = AccessScope.None;
            foreach (var requirement in security.EnumerateArray())
            {
                if (requirement.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var scheme in requirement.EnumerateObject())
                {
                    if (scheme.Value.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var scope in scheme.Value.EnumerateArray())
                    {
                        if (scope.ValueKind != JsonValueKind.String)
                        {
                            continue;
                        }

                        declared |= scope.GetString() switch
                        {
                            "write" => AccessScope.Write,
                            "read" => AccessScope.Read,
                            _ => AccessScope.None,
                        };
                    }
                }
            }

            // "read" is required for every operation in Factorial's wording; "write" marks the write operations.
            if ((declared & AccessScope.Write) != 0)
            {
                return AccessScope.Write;
            }

            if (declared == AccessScope.Read)
            {
                return AccessScope.Read;
            }
        }

        var verb = method.ToUpperInvariant();
        if (verb is "GET" or "HEAD")
        {
            return AccessScope.Read;
        }

        var last = path.Substring(path.LastIndexOf('/') + 1);
        return verb == "POST" && Array.IndexOf(ReadOnlyPostActions, last) >= 0 ? AccessScope.Read : AccessScope.Write;
    }
}
