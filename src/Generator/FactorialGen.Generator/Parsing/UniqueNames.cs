using System;
using System.Collections.Generic;
using System.Globalization;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// The one unique-name builder: hands out names not taken yet, in the order asked, the same way every time. A name
/// that is taken gets the variants <c>next(2)</c>, <c>next(3)</c>, … (by default the name with a number). A
/// <paramref name="companion"/> is a second name a claim needs free and takes too (a <c>List</c> method's <c>ListAll</c>).
/// </summary>
internal sealed class UniqueNames(IEqualityComparer<string>? comparer = null, Func<string, string?>? companion = null)
{
    private readonly HashSet<string> _taken = new(comparer ?? StringComparer.Ordinal);

    /// <summary>Marks names as taken without claiming them for anything.</summary>
    public UniqueNames Reserve(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            _taken.Add(name);
        }

        return this;
    }

    /// <summary>Takes <paramref name="name"/> (and its companion) when free.</summary>
    public bool TryClaim(string name)
    {
        var second = companion?.Invoke(name);
        if (_taken.Contains(name) || (second is not null && _taken.Contains(second)))
        {
            return false;
        }

        _taken.Add(name);
        if (second is not null)
        {
            _taken.Add(second);
        }

        return true;
    }

    /// <summary><paramref name="wanted"/> when free, else the first free of <paramref name="next"/>(2), (3), … (default: <c>wanted2</c>, <c>wanted3</c>, …).</summary>
    public string Claim(string wanted, Func<int, string>? next = null)
    {
        if (TryClaim(wanted))
        {
            return wanted;
        }

        for (var i = 2; ; i++)
        {
            var candidate = next is null ? wanted + i.ToString(CultureInfo.InvariantCulture) : next(i);
            if (TryClaim(candidate))
            {
                return candidate;
            }
        }
    }
}
