using FactorialGen;

namespace FactorialGen.Samples.Webhooks;

/// <summary>A client of the built-in document: its generated webhook registry (4 events) feeds the receiver.</summary>
[FactorialClient(FactorialScope.Read)]
internal sealed partial class Hr;
