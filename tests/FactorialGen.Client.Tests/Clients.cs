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

#if FACTORIAL_SPEC_2026
/// <summary>
/// The real 2026-07-01 document limited to two resource scopes (only when ../shared/specs holds it): the operations of
/// employees and time_tracking, plus those no resource scope covers, and only the models they reach.
/// </summary>
[FactorialClient(FactorialScope.ReadWrite, Spec = "factorial-openapi-2026-07-01.json", Resources = FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking)]
public partial class HrTime;
#endif
