using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// The analysis state at one program point: for each tracked local, parameter and flow capture, the known token
/// scope. A variable that is not in the map is unknown (the lattice's top), so the join keeps only variables known
/// on both sides.
/// </summary>
internal sealed class FlowState
{
    private static readonly KeyComparer Comparer = new();
    private readonly Dictionary<object, ScopeValue> _values;

    public FlowState() => _values = new Dictionary<object, ScopeValue>(Comparer);

    private FlowState(Dictionary<object, ScopeValue> values) => _values = new Dictionary<object, ScopeValue>(values, Comparer);

    public ScopeValue? Get(ISymbol variable) => _values.TryGetValue(variable, out var value) ? value : null;

    public ScopeValue? Get(CaptureId capture) => _values.TryGetValue(capture, out var value) ? value : null;

    public void Set(ISymbol variable, ScopeValue? value) => SetCore(variable, value);

    public void Set(CaptureId capture, ScopeValue? value) => SetCore(capture, value);

    public FlowState Clone() => new(_values);

    /// <summary>Joins <paramref name="other"/> into this state (a path merge); returns whether this state changed.</summary>
    public bool JoinWith(FlowState other)
    {
        List<object>? removed = null;
        List<KeyValuePair<object, ScopeValue>>? changed = null;
        foreach (var pair in _values)
        {
            var joined = other._values.TryGetValue(pair.Key, out var theirs) ? ScopeValue.Join(pair.Value, theirs) : null;
            if (joined is null)
            {
                (removed ??= new List<object>()).Add(pair.Key);
            }
            else if (!ReferenceEquals(joined, pair.Value))
            {
                (changed ??= new List<KeyValuePair<object, ScopeValue>>()).Add(new KeyValuePair<object, ScopeValue>(pair.Key, joined));
            }
        }

        if (removed is not null)
        {
            foreach (var key in removed)
            {
                _values.Remove(key);
            }
        }

        if (changed is not null)
        {
            foreach (var pair in changed)
            {
                _values[pair.Key] = pair.Value;
            }
        }

        return removed is not null || changed is not null;
    }

    public bool IsSameAs(FlowState other)
    {
        if (_values.Count != other._values.Count)
        {
            return false;
        }

        foreach (var pair in _values)
        {
            if (!other._values.TryGetValue(pair.Key, out var theirs) || !pair.Value.Equals(theirs))
            {
                return false;
            }
        }

        return true;
    }

    private void SetCore(object key, ScopeValue? value)
    {
        if (value is null)
        {
            _values.Remove(key);
        }
        else
        {
            _values[key] = value;
        }
    }

    /// <summary>Symbols compare with <see cref="SymbolEqualityComparer.Default"/>; capture ids with their own equality.</summary>
    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => x is ISymbol left && y is ISymbol right
            ? SymbolEqualityComparer.Default.Equals(left, right)
            : object.Equals(x, y);

        public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }
}
