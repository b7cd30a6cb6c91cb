using System.Text.Json;

namespace FactorialGen.Serialization;

/// <summary>
/// A value in a response that does not fit the type it is read as (a fraction or an out-of-range number in an integer
/// field, a date that does not exist, ...). Carries where the value starts in the body, so the request layer can name
/// its JSON path in the typed <see cref="FactorialInvalidResponseException"/>.
/// </summary>
internal sealed class FactorialJsonValueException(string message, long offset) : JsonException(message)
{
    /// <summary>
    /// Where the value's token starts, in bytes from the start of the JSON the reader was made over. Readers that
    /// re-scope the JSON to one value (<c>JsonSerializer.Deserialize(ref reader, ...)</c>) add the value's own start.
    /// </summary>
    public long Offset { get; private set; } = offset;

    /// <summary>Moves <see cref="Offset"/> from a scoped reader's coordinates to its parent's.</summary>
    public void Rebase(long scopeStart) => Offset += scopeStart;
}
