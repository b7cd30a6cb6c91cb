using System;
using System.Text;

namespace FactorialGen.Sandbox.OAuth;

/// <summary>
/// Factorial's per-resource OAuth scopes (<c>employees</c>, <c>time_tracking</c>, …), kept as a bit set in the order of
/// Factorial's list. A grant that names any of them is a resource-scope grant: each one allows reading and writing the
/// resources it covers (<see cref="Api.ResourceScopeMap"/>), and the token answer lists them in <c>scope</c>.
/// </summary>
internal static class ResourceScopes
{
    /// <summary>The OAuth names; bit <c>i</c> of a set is <c>Names[i]</c>.</summary>
    public static readonly string[] Names =
    [
        "banking", "company_legal_entities", "company_holidays", "company_locations", "contracts", "custom_fields",
        "documents", "employees", "employee_updates", "expenses", "finance", "integrations", "job_catalog", "marketplace",
        "payroll", "payroll_supplements", "performance", "posts", "project_management_expenses",
        "project_management_projects", "project_management_time", "shift_management", "tasks", "time_off",
        "time_tracking", "trainings", "recruitment",
    ];

    /// <summary>The bit of a resource scope name, or 0 when the name is not one.</summary>
    public static long BitOf(string name)
    {
        int index = Array.IndexOf(Names, name);
        return index < 0 ? 0 : 1L << index;
    }

    /// <summary>The names in the set, space-separated in Factorial's order.</summary>
    public static string Format(long resources)
    {
        var text = new StringBuilder();
        for (int bit = 0; bit < Names.Length; bit++)
        {
            if ((resources & (1L << bit)) != 0)
            {
                text.Append(text.Length == 0 ? string.Empty : " ").Append(Names[bit]);
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// What an authorization grants: the read/write scope, the resource scopes (0 for a seed read/write grant) and the
/// <c>scope</c> text of the token answer (resource scopes only when only those were asked for, as Factorial answers).
/// </summary>
internal readonly record struct GrantedScope(ApiScope Scope, long Resources, bool ListsReadWrite)
{
    public string Text => Resources == 0 ? ApiScopes.Format(Scope)
        : ListsReadWrite ? ApiScopes.Format(Scope) + " " + ResourceScopes.Format(Resources)
        : ResourceScopes.Format(Resources);

    /// <summary>
    /// Parses an authorize link's <c>scope</c>: <c>read</c>, <c>write</c> and resource scope names, separated by spaces
    /// or <c>+</c>; blank means <c>read</c> (the seed's rule); resource scopes alone mean read and write within them.
    /// Any other name fails.
    /// </summary>
    public static bool TryParse(string? text, out GrantedScope granted)
    {
        granted = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            granted = new GrantedScope(ApiScope.Read, 0, ListsReadWrite: true);
            return true;
        }

        ApiScope scope = ApiScope.None;
        long resources = 0;
        foreach (string part in text.Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part)
            {
                case "read":
                    scope |= ApiScope.Read;
                    break;
                case "write":
                    scope |= ApiScope.Write;
                    break;
                default:
                    long bit = ResourceScopes.BitOf(part);
                    if (bit == 0)
                    {
                        return false;
                    }

                    resources |= bit;
                    break;
            }
        }

        bool listsReadWrite = scope != ApiScope.None;
        granted = new GrantedScope(listsReadWrite ? scope : ApiScope.ReadWrite, resources, listsReadWrite);
        return listsReadWrite || resources != 0;
    }
}
