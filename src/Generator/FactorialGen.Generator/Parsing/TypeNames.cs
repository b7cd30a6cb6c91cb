using System.Globalization;

namespace FactorialGen.Generator.Parsing;

/// <summary>Hands out unique C# type names within one document's namespace, the same way every time.</summary>
internal sealed class TypeNames
{
    /// <summary>Names the emitters use for their own types in the models' namespace.</summary>
    public static readonly string[] Reserved = ["FactorialJson", "FactorialJsonResolver", "Options", "CreateOptions", "Serialization", "ToString", "Equals", "GetHashCode", "EqualityContract", "Clone", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", "System", "Global"];

    private readonly UniqueNames _names = new UniqueNames().Reserve(Reserved);

    public string Claim(string wanted)
    {
        wanted = Identifier.Cap(wanted);
        return _names.Claim(wanted, i => Identifier.Cap(wanted + i.ToString(CultureInfo.InvariantCulture)));
    }
}
