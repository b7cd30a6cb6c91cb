namespace FactorialGen.AspNetCore.Tests;

/// <summary>A client generated from Specs/factorial-hooks.json: its webhook registry feeds the receiver.</summary>
[FactorialClient(FactorialScope.Read, Spec = "factorial-hooks.json")]
public partial class Hr;
