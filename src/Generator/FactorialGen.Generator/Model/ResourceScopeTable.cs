using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace FactorialGen.Generator.Model;

/// <summary>
/// FactorialGen's operation → resource-scope table: the document tag (<c>Domain &gt; Resource</c>, matched whole) of an
/// operation names the <see cref="ResourceScope"/> that covers it. The data is <c>Specs/resource-scopes.txt</c>
/// (embedded), one line per tag; a tag that is not there is "unknown" (<see cref="ResourceScope.None"/>).
/// </summary>
internal static class ResourceScopeTable
{
    public const string ResourceName = "FactorialGen.Generator.Specs.resource-scopes.txt";

    /// <summary>The OAuth names of the resource scopes, indexed by bit position (the runtime's <c>FactorialScopes.ToOAuthString</c> order).</summary>
    private static readonly string[] OAuthNames =
    [
        "banking", "company_legal_entities", "company_holidays", "company_locations", "contracts", "custom_fields",
        "documents", "employees", "employee_updates", "expenses", "finance", "integrations", "job_catalog", "marketplace",
        "payroll", "payroll_supplements", "performance", "posts", "project_management_expenses",
        "project_management_projects", "project_management_time", "shift_management", "tasks", "time_off",
        "time_tracking", "trainings", "recruitment",
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, ResourceScope>> Table = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every tag of the table and its resource scope.</summary>
    public static IReadOnlyDictionary<string, ResourceScope> Entries => Table.Value;

    /// <summary>The resource scope of a tag, or <see cref="ResourceScope.None"/> when the table does not list it.</summary>
    public static ResourceScope Of(string tag) =>
        Table.Value.TryGetValue(tag.Trim(), out var scope) ? scope : ResourceScope.None;

    /// <summary>
    /// The resource scope of an OpenAPI operation, from its <c>tags</c>: the one scope its listed tags name, or
    /// <see cref="ResourceScope.None"/> when no tag is listed or the tags name different scopes.
    /// </summary>
    public static ResourceScope Of(JsonElement operation)
    {
        if (operation.ValueKind != JsonValueKind.Object || !operation.TryGetProperty("tags", out var tags) || tags.ValueKind != JsonValueKind.Array)
        {
            return ResourceScope.None;
        }

        var found = ResourceScope.None;
        foreach (var tag in tags.EnumerateArray())
        {
            if (tag.ValueKind == JsonValueKind.String && Of(tag.GetString()!) is var scope and not ResourceScope.None)
            {
                if (found != ResourceScope.None && found != scope)
                {
                    return ResourceScope.None; // ambiguous: no one scope is known to cover it
                }

                found = scope;
            }
        }

        return found;
    }

    /// <summary>The OAuth name of one resource scope (e.g. <c>time_tracking</c>), or the names of several, space-separated.</summary>
    public static string OAuthName(ResourceScope scope)
    {
        var names = new List<string>();
        for (var bit = 0; bit < OAuthNames.Length; bit++)
        {
            if (((long)scope & (1L << bit)) != 0)
            {
                names.Add(OAuthNames[bit]);
            }
        }

        return string.Join(" ", names);
    }

    /// <summary>The resource scope with this OAuth name, or <see cref="ResourceScope.None"/>.</summary>
    public static ResourceScope FromOAuthName(string name)
    {
        var bit = Array.IndexOf(OAuthNames, name);
        return bit < 0 ? ResourceScope.None : (ResourceScope)(1L << bit);
    }

    private static IReadOnlyDictionary<string, ResourceScope> Load()
    {
        using var stream = typeof(ResourceScopeTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The generator is missing its embedded resource '{ResourceName}'.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, ResourceScope>(StringComparer.Ordinal);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var equals = text.LastIndexOf('=');
            var scope = equals < 0 ? ResourceScope.None : FromOAuthName(text.Substring(equals + 1).Trim());
            if (scope == ResourceScope.None)
            {
                throw new InvalidOperationException($"The resource-scope table has a line that names no known scope: '{text}'.");
            }

            table.Add(text.Substring(0, equals).Trim(), scope);
        }

        return table;
    }
}
