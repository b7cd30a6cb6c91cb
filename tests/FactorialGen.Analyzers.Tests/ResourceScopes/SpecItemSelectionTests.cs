using FactorialGen.CodeFixes;
using FactorialGen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static FactorialGen.Analyzers.Tests.ResourceScopes.SpecItemClients;

namespace FactorialGen.Analyzers.Tests.ResourceScopes;

/// <summary>
/// The project's selection of a document (<c>&lt;FactorialSpec Include="factorial-hr.json" Resources="Employees;TimeTracking" /&gt;</c>,
/// passed as AdditionalFiles metadata): the scope analyzer gives a client of that document the resource scopes the
/// generator gives it. FG0005 for a client narrowed by the item alone; FG0003 for a member outside the item's selection
/// says to change the project file and offers no fix that edits the attribute (it would lead into FG1016); a project
/// without item metadata, an item of another document and a client of the built-in document are as before.
/// </summary>
public sealed class SpecItemSelectionTests
{
    private const string EmployeesAndTimeTracking = "Employees,TimeTracking";

    private static Task VerifyAsync(string? itemConfig, string source, params DiagnosticResult[] expected)
    {
        var test = new ScopeAnalyzerTest(Usings + source, withClients: true);
        SpecItemClients.AddTo(test.TestState, itemConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult FG0005(int location) =>
        new DiagnosticResult("FG0005", DiagnosticSeverity.Warning).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult FG0003(int location) =>
        new DiagnosticResult("FG0003", DiagnosticSeverity.Error).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult CS1061(int location) =>
        DiagnosticResult.CompilerError("CS1061").WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null);

    private const string EmployeesTokenForItemClient = /* lang=c#-test */ """
        class Job
        {
            HrItem Create(string access) =>
                new HrItem({|#0:FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees)|});
        }
        """;

    [Fact]
    public Task FG0005_ClientNarrowedByTheItemOnly_TokenLacksTimeTracking_Triggers() => VerifyAsync(
        ItemConfig(EmployeesAndTimeTracking), EmployeesTokenForItemClient,
        FG0005(0).WithArguments(
            "HrItem", "FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking (from the FactorialSpec item of 'factorial-hr.json')",
            "FactorialResourceScopes.TimeTracking", "FactorialResourceScopes.Employees",
            "FactorialResourceScopes.Employees passed to FactorialToken.FromAccessToken on line 10"));

    [Fact]
    public Task FG0005_ItemNamesResourcesInAnyCase_Triggers() => VerifyAsync(
        ItemConfig("employees , TIMETRACKING"), EmployeesTokenForItemClient,
        FG0005(0).WithMessage(null));

    [Fact]
    public Task FG0005_WithoutItemMetadata_TheClientKeepsTheWholeDocument_DoesNotTrigger() =>
        VerifyAsync(itemConfig: null, EmployeesTokenForItemClient);

    [Fact]
    public Task FG0005_ItemWithoutResources_SelectsTheWholeDocument_DoesNotTrigger() =>
        VerifyAsync(ItemConfig(resources: "", omitUnknownOperations: "true"), EmployeesTokenForItemClient);

    [Fact]
    public Task FG0005_ItemOfAnotherDocument_DoesNotTrigger() =>
        VerifyAsync(ItemConfig(EmployeesAndTimeTracking, path: OtherDocumentPath), EmployeesTokenForItemClient);

    [Fact]
    public Task FG0005_ClientOfTheBuiltInDocument_IsNotLimitedByTheItem() => VerifyAsync(
        ItemConfig(EmployeesAndTimeTracking), /* lang=c#-test */ """
        class Job
        {
            HrAll Create(string access) =>
                new HrAll(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees));
        }
        """);

    [Fact]
    public Task FG0005_ClientWithItsOwnResourcesWithinTheItem_KeepsThem() => VerifyAsync(
        ItemConfig(EmployeesAndTimeTracking), /* lang=c#-test */ """
        class Job
        {
            HrItemStaff Covered(string access) =>
                new HrItemStaff(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees));

            HrItemStaff Lacking(string access) =>
                new HrItemStaff({|#0:FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.TimeTracking)|});
        }
        """,
        FG0005(0).WithArguments(
            "HrItemStaff", "FactorialResourceScopes.Employees", "FactorialResourceScopes.Employees", "FactorialResourceScopes.TimeTracking",
            "FactorialResourceScopes.TimeTracking passed to FactorialToken.FromAccessToken on line 13"));

    [Fact]
    public Task FG0003_MemberOutsideTheItem_SaysToAddItToTheItem() => VerifyAsync(
        ItemConfig(EmployeesAndTimeTracking), /* lang=c#-test */ """
        class Job
        {
            object Run(HrItem hr) => hr.{|#0:TimeOff|};
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("HrItem.TimeOff", "FactorialResourceScopes.TimeOff",
            "add TimeOff to the Resources of the FactorialSpec item of 'factorial-hr.json' in the project file"));

    [Fact]
    public Task FG0003_MemberOutsideTheItemAndTheClientsResources_NamesBoth() => VerifyAsync(
        ItemConfig(EmployeesAndTimeTracking), /* lang=c#-test */ """
        class Job
        {
            object Run(HrItemStaff hr) => hr.{|#0:TimeOff|};
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("HrItemStaff.TimeOff", "FactorialResourceScopes.TimeOff",
            "add TimeOff to the Resources of the FactorialSpec item of 'factorial-hr.json' in the project file and " +
            "add FactorialResourceScopes.TimeOff to the Resources of the declaration of 'HrItemStaff'"));

    [Fact]
    public Task FG0003_MemberInsideTheItemOutsideTheClientsResources_SaysToAddItToTheDeclaration() => VerifyAsync(
        ItemConfig(EmployeesAndTimeTracking), /* lang=c#-test */ """
        class Job
        {
            object Run(HrItemStaff hr) => hr.{|#0:Attendance|};
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("HrItemStaff.Attendance", "FactorialResourceScopes.TimeTracking",
            "add FactorialResourceScopes.TimeTracking to the Resources of the declaration of 'HrItemStaff'"));

    [Fact]
    public Task FG0003_WithoutItemMetadata_SaysToAddItToTheDeclaration_AsBefore() => VerifyAsync(
        itemConfig: null, /* lang=c#-test */ """
        class Job
        {
            object Run(HrItem hr) => hr.{|#0:TimeOff|};
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("HrItem.TimeOff", "FactorialResourceScopes.TimeOff",
            "add FactorialResourceScopes.TimeOff to the Resources of the declaration of 'HrItem'"));

    [Fact]
    public Task FG0003_UnknownOperationLeftOutByTheItem_SaysToChangeTheItem() => VerifyAsync(
        ItemConfig(EmployeesAndTimeTracking, omitUnknownOperations: "true"), /* lang=c#-test */ """
        class Job
        {
            object Run(HrItem hr) => hr.{|#0:Approvals|};
        }
        """,
        CS1061(0),
        FG0003(0).WithArguments("HrItem.Approvals",
            "the operations no resource scope covers, which OmitUnknownOperations on the FactorialSpec item of 'factorial-hr.json' leaves out",
            "remove OmitUnknownOperations from the FactorialSpec item of 'factorial-hr.json' in the project file"));

    [Fact]
    public async Task DeclareResourcesFix_MemberOutsideTheItem_IsNotOffered()
    {
        const string body = /* lang=c#-test */ """
            class Job
            {
                object Leaves(HrItem hr) => hr.{|#0:TimeOff|};
                object Staff(HrItemStaff hr) => hr.{|#1:TimeOff|};
            }
            """;
        var test = CodeFix(body, Declarations);
        test.TestState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0).WithMessage(null), CS1061(1), FG0003(1).WithMessage(null) });
        test.FixedState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0).WithMessage(null), CS1061(1), FG0003(1).WithMessage(null) });
        await test.RunAsync();
    }

    [Fact]
    public async Task DeclareResourcesFix_MemberInsideTheItem_AddsItToTheDeclaration()
    {
        const string body = /* lang=c#-test */ """
            class Job
            {
                object Clock(HrItemStaff hr) => hr.{|#0:Attendance|};
            }
            """;
        var fixedDeclarations = Declarations.Replace(
            "Resources = FactorialResourceScopes.Employees)]", "Resources = FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking)]");
        Assert.NotEqual(Declarations, fixedDeclarations);
        var test = CodeFix(body, fixedDeclarations);
        test.TestState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0).WithMessage(null) });
        test.FixedState.ExpectedDiagnostics.AddRange(new[] { CS1061(0), FG0003(0).WithMessage(null) });
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task AddTokenResourceScopeFix_ClientNarrowedByTheItem_AddsTheItemsMissingResourceScope()
    {
        const string body = /* lang=c#-test */ """
            class Job
            {
                HrItem Create(string access) =>
                    new HrItem({|FG0005:FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees)|});
            }
            """;
        const string fixedBody = /* lang=c#-test */ """
            class Job
            {
                HrItem Create(string access) =>
                    new HrItem(FactorialToken.FromAccessToken(access, FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking));
            }
            """;
        var test = new ScopeCodeFixTest<ScopeAnalyzer, AddTokenResourceScopeCodeFixProvider>(
            Usings + body, Usings + fixedBody, AddTokenResourceScopeCodeFixProvider.EquivalenceKey);
        AddItem(test.TestState, Declarations);
        AddItem(test.FixedState, Declarations);
        await test.RunAsync();
    }

    /// <summary>A DeclareClientResources fix test with the item (Employees;TimeTracking) in both states; the item clients' declarations may change.</summary>
    private static ScopeCodeFixTest<ScopeAnalyzer, DeclareClientResourcesCodeFixProvider> CodeFix(string body, string fixedDeclarations)
    {
        var test = new ScopeCodeFixTest<ScopeAnalyzer, DeclareClientResourcesCodeFixProvider>(
            Usings + body, Usings + body, DeclareClientResourcesCodeFixProvider.EquivalenceKey);
        AddItem(test.TestState, Declarations);
        AddItem(test.FixedState, fixedDeclarations);
        return test;
    }

    /// <summary>The clients (item clients with <paramref name="declarations"/>), the document and the item (Employees;TimeTracking) in a code-fix state.</summary>
    private static void AddItem(SolutionState state, string declarations)
    {
        ResourceClients.AddTo(state);
        state.Sources.Add((DeclarationsPath, declarations));
        state.Sources.Add((GeneratedPath, Generated));
        state.AdditionalFiles.Add((DocumentPath, "{}"));
        state.AnalyzerConfigFiles.Add(("/.globalconfig", ItemConfig(EmployeesAndTimeTracking)));
    }
}
