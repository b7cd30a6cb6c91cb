using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// Hands out the metadata of a document's models from a table of their generated converters, keyed by the type each
/// converts; any other type gets <see langword="null"/> (no reflection: trimming and Native AOT safe).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FactorialJsonResolver : IJsonTypeInfoResolver
{
    private readonly Dictionary<Type, IFactorialJsonConverter> _converters;

    /// <summary>Creates the resolver; should two converters convert one type, the first wins.</summary>
    /// <param name="converters">The document's converters.</param>
    public FactorialJsonResolver(params IFactorialJsonConverter[] converters)
    {
        ArgumentNullException.ThrowIfNull(converters);
        var table = new Dictionary<Type, IFactorialJsonConverter>(converters.Length);
        foreach (var converter in converters)
        {
            ArgumentNullException.ThrowIfNull(converter, nameof(converters));
            table.TryAdd(converter.ValueType, converter);
        }

        _converters = table;
    }

    /// <inheritdoc />
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        _converters.TryGetValue(type, out var converter) ? converter.CreateTypeInfo(options) : null;
}
