namespace FactorialGen.Tests;

/// <summary>A generated client for the dependency-injection test.</summary>
[FactorialClient(FactorialScope.Read)]
public partial class Hr;
