using System;
using System.Diagnostics.CodeAnalysis;

namespace FactorialGen;

/// <summary>Conversions between <see cref="FactorialScope"/> and the OAuth scope strings.</summary>
public static class FactorialScopes
{
    /// <summary>Returns the OAuth scope string: <c>read</c>, <c>write</c> or <c>read write</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of the three defined scopes.</exception>
    public static string ToOAuthString(this FactorialScope scope) => scope switch
    {
        FactorialScope.Read => "read",
        FactorialScope.Write => "write",
        FactorialScope.ReadWrite => "read write",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Expected Read, Write or ReadWrite."),
    };

    /// <summary>Whether <paramref name="granted"/> includes every scope in <paramref name="required"/>.</summary>
    public static bool Covers(this FactorialScope granted, FactorialScope required) => (granted & required) == required;

    /// <summary>
    /// Parses an OAuth scope string. Accepts <c>read</c>, <c>write</c>, and both together separated by
    /// spaces, commas or <c>+</c> (<c>read write</c>, <c>read+write</c>), in any order and case.
    /// Unknown scope names (such as Factorial's per-resource scopes) are ignored.
    /// </summary>
    /// <returns><see langword="true"/> when at least <c>read</c> or <c>write</c> was found.</returns>
    public static bool TryParse(string? value, out FactorialScope scope)
    {
        scope = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        foreach (var part in value.Split([' ', '+', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Equals("read", StringComparison.OrdinalIgnoreCase))
            {
                scope |= FactorialScope.Read;
            }
            else if (part.Equals("write", StringComparison.OrdinalIgnoreCase))
            {
                scope |= FactorialScope.Write;
            }
            else if (part.Equals("read_write", StringComparison.OrdinalIgnoreCase) || part.Equals("readwrite", StringComparison.OrdinalIgnoreCase))
            {
                scope |= FactorialScope.ReadWrite;
            }
        }

        return scope != 0;
    }

    /// <summary>Parses an OAuth scope string (see <see cref="TryParse"/>).</summary>
    /// <exception cref="FormatException">Neither <c>read</c> nor <c>write</c> appears in <paramref name="value"/>.</exception>
    public static FactorialScope Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var scope)
            ? scope
            : throw new FormatException($"'{value}' is not a Factorial scope: expected 'read', 'write' or 'read write'.");
    }

    /// <summary>
    /// Returns the OAuth names of the resource scopes, space-separated in declaration order (e.g.
    /// <c>employees time_tracking</c>); <see cref="FactorialResourceScopes.None"/> gives an empty string.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value holds a bit that is not a resource scope.</exception>
    public static string ToOAuthString(this FactorialResourceScopes resources)
    {
        if ((resources & ~AllResources) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(resources), resources, "The value holds a bit that is not a Factorial resource scope.");
        }

        var text = new System.Text.StringBuilder();
        for (var bit = 0; bit < ResourceNames.Length; bit++)
        {
            if (((long)resources & (1L << bit)) != 0)
            {
                text.Append(text.Length == 0 ? "" : " ").Append(ResourceNames[bit]);
            }
        }

        return text.ToString();
    }

    /// <summary>Whether <paramref name="granted"/> includes every resource scope in <paramref name="required"/>.</summary>
    public static bool Covers(this FactorialResourceScopes granted, FactorialResourceScopes required) => (granted & required) == required;

    /// <summary>
    /// Reads the resource scopes from an OAuth scope string (space-, comma- or <c>+</c>-separated, any case); other names
    /// (<c>read</c>, <c>write</c>, unknown scopes) are ignored.
    /// </summary>
    /// <returns><see langword="true"/> when at least one resource scope was found.</returns>
    public static bool TryParseResources(string? value, out FactorialResourceScopes resources)
    {
        resources = FactorialResourceScopes.None;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        foreach (var part in value.Split([' ', '+', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bit = Array.FindIndex(ResourceNames, name => name.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (bit >= 0)
            {
                resources |= (FactorialResourceScopes)(1L << bit);
            }
        }

        return resources != FactorialResourceScopes.None;
    }

    /// <summary>The OAuth names of the resource scopes, indexed by bit position of <see cref="FactorialResourceScopes"/>.</summary>
    internal static readonly string[] ResourceNames =
    [
        "banking", "company_legal_entities", "company_holidays", "company_locations", "contracts", "custom_fields",
        "documents", "employees", "employee_updates", "expenses", "finance", "integrations", "job_catalog", "marketplace",
        "payroll", "payroll_supplements", "performance", "posts", "project_management_expenses",
        "project_management_projects", "project_management_time", "shift_management", "tasks", "time_off",
        "time_tracking", "trainings", "recruitment",
    ];

    /// <summary>Every resource scope.</summary>
    internal static readonly FactorialResourceScopes AllResources = (FactorialResourceScopes)((1L << 27) - 1);

    internal static bool IsDefined([NotNullWhen(true)] FactorialScope? scope) =>
        scope is FactorialScope.Read or FactorialScope.Write or FactorialScope.ReadWrite;
}
