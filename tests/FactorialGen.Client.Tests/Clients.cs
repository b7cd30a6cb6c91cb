using FactorialGen;

namespace FactorialGen.Client.Tests;

/// <summary>Gets only the read operations of the built-in document.</summary>
[FactorialClient(FactorialScope.Read)]
public partial class HrReports;

/// <summary>Gets every operation of the built-in document.</summary>
[FactorialClient(FactorialScope.ReadWrite)]
public partial class HrAdmin;

/// <summary>Gets only the write operations of the built-in document.</summary>
[FactorialClient(FactorialScope.Write)]
public partial class HrWriter;

#if FACTORIAL_SPEC_2024
/// <summary>Every operation of the real 2024-10-01 document (only when ../shared/specs holds it).</summary>
[FactorialClient(FactorialScope.ReadWrite, Spec = "factorial-openapi-2024-10-01.json")]
public partial class HrFull;
#endif
