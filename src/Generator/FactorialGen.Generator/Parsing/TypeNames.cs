using System.Collections.Generic;

namespace FactorialGen.Generator.Parsing;

/// <summary>Hands out unique C# type names within one document's namespace, the same way every time.</summary>
internal sealed class TypeNames
{
    /// <summary>Names the emitters use for their own types in the models' namespace.</summary>
    public static readonly string[] Reserved = ["FactorialJson", "FactorialJsonResolver", "Options", "CreateOptions", "Serialization", "ToString", "Equals", "GetHashCode", "EqualityContract", "Clone", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", "System", "Global"];

    private readonly HashSet<string> _taken = new(Reserved, System.StringComparer.Ordinal);

    public string Claim(string wanted)
    {
        wanted = Identifier.Cap(wanted);
        if (_taken.Add(wanted))
        {
            return wanted;
        }

        for (var i = 2; ; i++)
        {
            var candidate = Identifier.Cap(wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
