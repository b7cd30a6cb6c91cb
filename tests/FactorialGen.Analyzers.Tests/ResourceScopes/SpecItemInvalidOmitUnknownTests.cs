using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static FactorialGen.Analyzers.Tests.ResourceScopes.SpecItemClients;

namespace FactorialGen.Analyzers.Tests.ResourceScopes;

/// <summary>
/// A FactorialSpec item whose <c>OmitUnknownOperations</c> is neither true nor false (FG1018, the generator's): the scope
/// analyzer, which reads the same metadata through <c>SpecSelection</c>, must not report from a guessed value either.
/// A member recorded as left out for being unknown (code generated before the value went wrong) gets no FG0003 for a
/// client that does not say <c>OmitUnknownOperations</c> itself — it used to say the client's own
/// <c>OmitUnknownOperations = true</c> left it out, which the client never declared. As for an unknown name in the
/// item's <c>Resources</c> (FG1017), what the item does say still applies: its <c>Resources</c> still narrow the client (FG0005).
/// </summary>
public sealed class SpecItemInvalidOmitUnknownTests
{
    private const string EmployeesAndTimeTracking = "Employees,TimeTracking";

    private const string UsesApprovals = /* lang=c#-test */ """
        class Job
        {
            object Run(HrItem hr) => hr.{|#0:Approvals|};
        }
        """;

    private static Task VerifyAsync(string itemConfig, string source, params DiagnosticResult[] expected)
    {
        var test = new ScopeAnalyzerTest(Usings + source, withClients: true);
        AddTo(test.TestState, itemConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult CS1061(int location) =>
        DiagnosticResult.CompilerError("CS1061").WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null);

    [Theory]
    [InlineData("yes")]
    [InlineData("treu")]
    [InlineData("true,false")]
    public Task FG0003_UnknownOperation_ItemValueNeitherTrueNorFalse_IsNotReportedFromAGuess(string value) => VerifyAsync(
        ItemConfig(EmployeesAndTimeTracking, omitUnknownOperations: value), UsesApprovals,
        CS1061(0));

    [Fact]
    public Task FG0003_UnknownOperation_ItemValueTrueInAnyCase_SaysToChangeTheItem() => VerifyAsync(
        ItemConfig(EmployeesAndTimeTracking, omitUnknownOperations: " TRUE "), UsesApprovals,
        CS1061(0),
        new DiagnosticResult("FG0003", DiagnosticSeverity.Error).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("HrItem.Approvals",
                "the operations no resource scope covers, which OmitUnknownOperations on the FactorialSpec item of 'factorial-hr.json' leaves out",
                "remove OmitUnknownOperations from the FactorialSpec item of 'factorial-hr.json' in the project file"));

    [Fact]
    public Task FG0005_ItemValueNeitherTrueNorFalse_TheItemsResourcesStillNarrowTheClient() => VerifyAsync(
        ItemConfig(EmployeesAndTimeTracking, omitUnknownOperations: "yes"), /* lang=c#-test */ """
        class Job
        {
            HrItem Create(string access) =>
                new HrItem({|#0:FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees)|});
        }
        """,
        new DiagnosticResult("FG0005", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null));
}
