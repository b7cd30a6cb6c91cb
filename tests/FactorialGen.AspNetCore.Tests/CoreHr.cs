namespace FactorialGen.AspNetCore.Tests;

/// <summary>A client of the built-in document (every operation): subscribes the receiver and acts in the sandbox.</summary>
[FactorialClient(FactorialScope.ReadWrite)]
public partial class CoreHr;
