namespace FactorialGen.Quickstart;

// The FactorialGen source generator fills these in from the built-in OpenAPI document (API version 2026-07-01):
// typed groups such as hr.Employees.Employees.ListAllAsync(...), models in FactorialGen.Quickstart.FactorialApi.

/// <summary>Every operation: reads and writes (clock in/out). Needs a token authorized for read and write.</summary>
[FactorialClient(FactorialScope.ReadWrite)]
internal partial class Hr;

/// <summary>Only the read operations: what a reporting job needs, and all a read-only token can do.</summary>
[FactorialClient(FactorialScope.Read)]
internal partial class HrReports;
