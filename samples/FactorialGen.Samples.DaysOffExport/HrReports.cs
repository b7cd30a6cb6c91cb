using FactorialGen;

namespace FactorialGen.Samples.DaysOffExport;

/// <summary>The export only reads: a Read client has no write operations at all.</summary>
[FactorialClient(FactorialScope.Read)]
public partial class HrReports;
