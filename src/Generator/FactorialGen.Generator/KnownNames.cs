namespace FactorialGen.Generator;

/// <summary>Metadata names of the runtime types that the generator and analyzer look up.</summary>
internal static class KnownNames
{
    public const string FactorialClientAttribute = "FactorialGen.FactorialClientAttribute";
    public const string FactorialScope = "FactorialGen.FactorialScope";
}
