using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using static FactorialGen.Generator.Tests.SpecItemSelectionTests;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1018: a FactorialSpec item's <c>OmitUnknownOperations</c> metadata is neither true nor false (any case, surrounding
/// whitespace; empty is false). It used to be read as false without a word, so a typo quietly kept the operations the
/// project meant to leave out. An error at the document, reported once by the app's compilation, quoting the value on
/// one line (escaped, never code); the clients whose unknown operations depend on it are not generated (nor their
/// models, nor the models compilation's models of the document), while a client that says <c>OmitUnknownOperations = true</c>
/// itself is generated as before.
/// </summary>
public sealed class FG1018_InvalidSpecOmitUnknownTests
{
    private const string Own = "[FactorialClient(FactorialScope.ReadWrite, Spec = \"" + Spec + "\", Resources = FactorialResourceScopes.Employees, OmitUnknownOperations = true)] public partial class Own;";

    private static string Expected(string quoted) =>
        $"The FactorialSpec item of '{Spec}' sets OmitUnknownOperations to '{quoted}', which is neither true nor false, so it is not guessed: none of the document's clients that depend on it (those without OmitUnknownOperations = true of their own, when the item has Resources) is generated; write OmitUnknownOperations=\"true\" or OmitUnknownOperations=\"false\" on the item (leaving it out means false)";

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData("1", "1")]
    [InlineData(" treu ", "treu")]
    [InlineData("true;false", "true;false")]
    [InlineData("true,false", "true,false")]
    [InlineData("no", "no")]
    [InlineData("{0}", "{0}")]
    [InlineData("true \uFF03 off", "true # off")] // the package's targets pass a '#' as U+FF03: an .editorconfig value ends at '#'
    public void AValueOtherThanTrueOrFalse_Triggers_AtTheDocumentNamingTheItemAndQuotingTheValue(string value, string quoted)
    {
        var result = RunApp(Item("Employees", value), null, Client());

        var diagnostic = Reported.Single(result, "FG1018");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Expected(quoted), diagnostic.GetMessage());
        Assert.Equal(SpecPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal("https://github.com/factorialgen/FactorialGen/blob/main/docs/diagnostics/FG1018.md", diagnostic.Descriptor.HelpLinkUri);
        Assert.Single(result.GeneratorDiagnostics);
    }

    [Fact]
    public void AValueWithQuotesLineBreaksAndControlCharacters_Triggers_QuotedEscapedOnOneLine()
    {
        var value = "it's \"true\"\r\nfalse\\\u202E\u0007";
        var result = RunApp(Item("Employees", value), null, Client());

        var message = Reported.Single(result, "FG1018").GetMessage();
        Assert.Equal(Expected("it\\'s \\\"true\\\"\\r\\nfalse\\\\\\u202E\\u0007"), message);
        Assert.DoesNotContain(message, c => char.IsControl(c) || c == '\u202E');
        Reported.NothingGenerated(result);

        var longValue = new string('x', 200) + "\n";
        var shown = Reported.Single(RunApp(Item("Employees", longValue), null, Client()), "FG1018").GetMessage();
        Assert.Contains($"'{new string('x', 80)}...'", shown, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', shown);
    }

    [Fact]
    public void AnInvalidValue_Triggers_AndIsNotReadAsFalse_NoClientOrModelIsGeneratedFromIt()
    {
        var invalid = RunApp(Item("Employees", "yes"), null, Client());
        var asFalse = RunApp(Item("Employees", "false"), null, Client());

        Reported.Single(invalid, "FG1018");
        Reported.NothingGenerated(invalid);
        Assert.Empty(invalid.CompileProblems);
        // Read as false, the client would have been generated with the unknown operation (credentials) kept.
        Assert.Contains(GeneratedOperations.Of(asFalse.Type("Acme.Hr")), o => o.ResourcePath == "api_public/credentials");
    }

    [Fact]
    public void AnInvalidValue_Triggers_ButAClientThatOmitsUnknownOperationsItselfIsGeneratedAsWithTrue()
    {
        var invalid = RunApp(Item("Employees", "treu"), null, Client(), Own);
        var asTrue = RunApp(Item("Employees", "true"), null, Client(), Own);

        Assert.Equal(["FG1018"], invalid.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(invalid.CompileProblems);
        Reported.NoClient(invalid, "Hr");
        Assert.Equal(
            GeneratedOperations.Of(asTrue.Type("Acme.Own")).Select(o => $"{o.Method} {o.ResourcePath}").OrderBy(s => s, StringComparer.Ordinal),
            GeneratedOperations.Of(invalid.Type("Acme.Own")).Select(o => $"{o.Method} {o.ResourcePath}").OrderBy(s => s, StringComparer.Ordinal));
        Assert.DoesNotContain(GeneratedOperations.Of(invalid.Type("Acme.Own")), o => o.ResourcePath == "api_public/credentials");
    }

    [Fact]
    public void AnInvalidValueWithoutResources_Triggers_AndTheWholeDocumentIsKeptAsItHasNoEffect()
    {
        var invalid = RunApp(Item(resources: null, omitUnknown: "yes"), null, Client());
        var whole = RunApp(null, null, Client());

        Reported.Single(invalid, "FG1018");
        Assert.Equal(
            GeneratedOperations.Of(whole.Type("Acme.Hr")).Select(o => $"{o.Method} {o.ResourcePath}").OrderBy(s => s, StringComparer.Ordinal),
            GeneratedOperations.Of(invalid.Type("Acme.Hr")).Select(o => $"{o.Method} {o.ResourcePath}").OrderBy(s => s, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("TRUE", true)]
    [InlineData(" false ", false)]
    [InlineData("\tTrue\n", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    public void TrueOrFalseInAnyCaseWithWhitespaceOrEmpty_DoesNotTrigger_AndSelectsAsWritten(string value, bool omits)
    {
        var result = RunApp(Item("Employees", value), null, Client());

        Reported.Clean(result);
        Assert.Equal(!omits, GeneratedOperations.Of(result.Type("Acme.Hr")).Any(o => o.ResourcePath == "api_public/credentials"));
    }

    [Fact]
    public void TheModelsCompilation_DoesNotTrigger_AndEmitsNoModelsOfTheDocumentFromTheGuess()
    {
        var compilation = GeneratorHarness.Compilation("// models").WithAssemblyName("Acme.FactorialModels");
        var globals = new Dictionary<string, string> { ["build_property.FactorialGenModelsOnly"] = "true" };
        var invalid = GeneratorHarness.Driver([GeneratorHarness.Document(SpecPath, ResourceSelectionTests.Document)], globalOptions: globals, fileOptions: Item("Employees", "yes"))
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics).GetRunResult();
        var valid = GeneratorHarness.Driver([GeneratorHarness.Document(SpecPath, ResourceSelectionTests.Document)], globalOptions: globals, fileOptions: Item("Employees", "false"))
            .RunGenerators(compilation).GetRunResult();

        Assert.DoesNotContain(diagnostics, d => d.Id == "FG1018");
        Assert.Empty(invalid.Results.SelectMany(r => r.GeneratedSources));
        Assert.NotEmpty(valid.Results.SelectMany(r => r.GeneratedSources));
    }
}
