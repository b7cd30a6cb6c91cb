using System.Globalization;

namespace FactorialGen.Sandbox.Models;

/// <summary>
/// Identifier of a resource. Older API versions write ids as JSON numbers, newer ones as JSON
/// strings; the active <see cref="Json.ResourceIdConverter"/> decides which.
/// </summary>
internal readonly record struct ResourceId(long Value)
{
    public static implicit operator ResourceId(long value) => new(value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
