using System;
using System.Collections.Generic;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.Data;

/// <summary>
/// An in-memory, thread-safe table of immutable records kept in id order. Records are replaced,
/// never mutated, so a snapshot taken under the lock can be serialized safely afterwards.
/// The lock is re-entrant: code that must read and write atomically can hold <see cref="SyncRoot"/>.
/// </summary>
internal sealed class ResourceStore<T>
    where T : class, IResource
{
    private readonly SortedDictionary<long, T> items = new();
    private long nextId = 1;

    public ResourceStore(IEnumerable<T> seed)
    {
        foreach (T item in seed)
        {
            items.Add(item.Id.Value, item);
            nextId = Math.Max(nextId, item.Id.Value + 1);
        }
    }

    public object SyncRoot { get; } = new();

    public int Count
    {
        get { lock (SyncRoot) { return items.Count; } }
    }

    /// <summary>The records that match <paramref name="filter"/>, in ascending id order.</summary>
    public List<T> Query(Func<T, bool>? filter = null)
    {
        lock (SyncRoot)
        {
            var result = new List<T>(filter is null ? items.Count : 16);
            foreach (T item in items.Values)
            {
                if (filter is null || filter(item))
                {
                    result.Add(item);
                }
            }

            return result;
        }
    }

    public T? Find(long id)
    {
        lock (SyncRoot)
        {
            return items.GetValueOrDefault(id);
        }
    }

    public T Add(Func<ResourceId, T> create)
    {
        lock (SyncRoot)
        {
            T item = create(new ResourceId(nextId));
            if (item.Id.Value != nextId)
            {
                throw new InvalidOperationException("A new record must use the id it was given.");
            }

            items.Add(nextId++, item);
            return item;
        }
    }

    /// <summary>Replaces a record with the result of <paramref name="change"/>; null when the id is unknown.</summary>
    public T? Update(long id, Func<T, T> change)
    {
        lock (SyncRoot)
        {
            if (!items.TryGetValue(id, out T? current))
            {
                return null;
            }

            T updated = change(current);
            items[id] = updated;
            return updated;
        }
    }

    public T? Remove(long id)
    {
        lock (SyncRoot)
        {
            return items.Remove(id, out T? removed) ? removed : null;
        }
    }
}
