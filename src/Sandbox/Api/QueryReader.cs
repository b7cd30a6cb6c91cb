using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FactorialGen.Sandbox.Api;

/// <summary>
/// Typed access to query filters. Array filters are read from both <c>name[]</c> and <c>name</c>,
/// repeated or comma-separated. A malformed value answers 400.
/// </summary>
internal readonly struct QueryReader(IQueryCollection query)
{
    public string? Text(string name)
    {
        StringValues values = query[name];
        return values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];
    }

    public IReadOnlyList<string>? Texts(string name)
    {
        var result = new List<string>();
        foreach (string key in new[] { name + "[]", name })
        {
            foreach (string? value in query[key])
            {
                foreach (string part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    result.Add(part);
                }
            }
        }

        return result.Count == 0 ? null : result;
    }

    public HashSet<long>? Ids(string name)
    {
        IReadOnlyList<string>? texts = Texts(name);
        if (texts is null)
        {
            return null;
        }

        var ids = new HashSet<long>();
        foreach (string text in texts)
        {
            ids.Add(long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id)
                ? id
                : throw ApiProblem.BadRequest($"The filter '{name}' must hold integer ids; got '{text}'."));
        }

        return ids;
    }

    /// <summary>Ids from several spellings of the same filter (e.g. <c>location_ids</c> and <c>location_id</c>).</summary>
    public HashSet<long>? Ids(params string[] names)
    {
        HashSet<long>? all = null;
        foreach (string name in names)
        {
            if (Ids(name) is HashSet<long> ids)
            {
                all ??= new HashSet<long>();
                all.UnionWith(ids);
            }
        }

        return all;
    }

    public bool? Bool(string name) => Text(name)?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "1" => true,
        "false" or "0" => false,
        string other => throw ApiProblem.BadRequest($"The filter '{name}' must be true or false; got '{other}'."),
    };

    public int? Int(string name)
    {
        string? text = Text(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw ApiProblem.BadRequest($"The parameter '{name}' must be an integer; got '{text}'.");
    }

    /// <summary>A date given as <c>YYYY-MM-DD</c> or as an ISO 8601 date-time (its date part).</summary>
    public DateOnly? Date(string name)
    {
        string? text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return date;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset moment))
        {
            return DateOnly.FromDateTime(moment.DateTime);
        }

        throw ApiProblem.BadRequest($"The filter '{name}' must be a date (YYYY-MM-DD); got '{text}'.");
    }
}
