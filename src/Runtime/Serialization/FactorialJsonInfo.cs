using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FactorialGen.Runtime.Generated;

/// <summary>The metadata cache of a converter base: the <see cref="JsonTypeInfo{T}"/> of the options last asked for.</summary>
internal static class FactorialJsonInfo
{
    internal static JsonTypeInfo<T> Get<T>(ref JsonTypeInfo<T>? cache, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var info = cache;
        if (info is null || !ReferenceEquals(info.Options, options))
        {
            info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            cache = info;
        }

        return info;
    }
}
