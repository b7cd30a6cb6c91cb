using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using static FactorialGen.Generator.Tests.SpecItemSelectionTests;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1017: a FactorialSpec item's <c>Resources</c> metadata names something that is not a <c>FactorialResourceScopes</c>
/// member. An error per unknown name, at the document, reported once: by the app's compilation, not by the models
/// compilation (which sees the same metadata). The known names still select.
/// </summary>
public sealed class FG1017_UnknownSpecResourceTests
{
    [Fact]
    public void AnUnknownName_Triggers_AtTheDocumentAndTheKnownNamesStillSelect()
    {
        var result = RunApp(Item("Employees;Payrol"), null, Client());

        var diagnostic = Reported.Single(result, "FG1017");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            $"The FactorialSpec item of '{Spec}' names 'Payrol' in its Resources, which is not a FactorialResourceScopes member, so it selects nothing; use member names such as Employees or TimeTracking, separated by ';' or ','",
            diagnostic.GetMessage());
        Assert.Equal(SpecPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Single(result.GeneratorDiagnostics);
        Assert.All(GeneratedOperations.Of(result.Type("Acme.Hr")), o => Assert.Contains(o.RequiredResource, new[] { FactorialResourceScopes.Employees, FactorialResourceScopes.None }));
    }

    [Fact]
    public void NoneANumberOrAnOAuthName_Triggers_OncePerName()
    {
        var result = RunApp(Item("None,128;time_tracking"), null, Client());

        ClientDeclarationTests.AssertNoCrash(result);
        Assert.Equal(["'128'", "'None'", "'time_tracking'"], result.GeneratorDiagnostics.Where(d => d.Id == "FG1017").Select(d => d.GetMessage().Split(" names ")[1].Split(' ')[0]).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void ANameWithQuotesOrALineBreak_Triggers_QuotedEscapedOnOneLine()
    {
        var result = RunApp(Item("Employees;it's \"x\"\nPayrol"), null, Client());

        var message = Reported.Single(result, "FG1017").GetMessage();
        Assert.StartsWith($"The FactorialSpec item of '{Spec}' names 'it\\'s \\\"x\\\"\\nPayrol' in its Resources,", message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, char.IsControl);
    }

    [Fact]
    public void ANameWithANumberSign_Triggers_QuotingTheWholeName()
    {
        // The package's targets pass a '#' as U+FF03 (an .editorconfig value ends at '#'): the generator reads it back,
        // so "Employees#x" is one unknown name, not "Employees" (SpecItemMetadataBuildTests builds it for real).
        var result = RunApp(Item("TimeTracking;Employees\uFF03x"), null, Client());

        var message = Reported.Single(result, "FG1017").GetMessage();
        Assert.StartsWith($"The FactorialSpec item of '{Spec}' names 'Employees#x' in its Resources,", message, StringComparison.Ordinal);
        Assert.All(GeneratedOperations.Of(result.Type("Acme.Hr")), o => Assert.Contains(o.RequiredResource, new[] { FactorialResourceScopes.TimeTracking, FactorialResourceScopes.None }));
    }

    [Fact]
    public void KnownNamesInAnyCase_DoNotTrigger()
    {
        Reported.Clean(RunApp(Item("employees; TimeTracking ,FINANCE;"), null, Client()));
    }

    [Fact]
    public void TheModelsCompilation_DoesNotTrigger_TheAppReportsIt()
    {
        var compilation = GeneratorHarness.Compilation("// models").WithAssemblyName("Acme.FactorialModels");
        var driver = GeneratorHarness.Driver(
            [GeneratorHarness.Document(SpecPath, ResourceSelectionTests.Document)],
            globalOptions: new Dictionary<string, string> { ["build_property.FactorialGenModelsOnly"] = "true" },
            fileOptions: Item("Employees;Payrol"));

        driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

        Assert.DoesNotContain(diagnostics, d => d.Id == "FG1017");
    }
}
