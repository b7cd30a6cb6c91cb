namespace FactorialGen.Samples.Replicas;

/// <summary>Reads and writes (the budget scenario creates shifts). Generated from the built-in OpenAPI document.</summary>
[FactorialClient(FactorialScope.ReadWrite)]
internal partial class Hr;
