using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FactorialGen.Json;

/// <summary>Source-generated JSON metadata for the runtime's own wire types: no reflection at run time.</summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(StoredToken))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IDictionary<string, string>))]
internal sealed partial class FactorialRuntimeJsonContext : JsonSerializerContext
{
}
