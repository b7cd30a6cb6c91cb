using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FactorialGen.Runtime.Generated;

/// <summary>A generated converter that makes its own <see cref="JsonTypeInfo"/> (no reflection), for <see cref="FactorialJsonResolver"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFactorialJsonConverter
{
    /// <summary>The type the converter reads and writes.</summary>
    Type ValueType { get; }

    /// <summary>Makes the type's metadata for <paramref name="options"/>.</summary>
    /// <param name="options">The options the metadata belongs to.</param>
    JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options);
}
