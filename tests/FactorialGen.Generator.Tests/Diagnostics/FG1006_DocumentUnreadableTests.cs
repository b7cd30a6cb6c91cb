using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1006: a document cannot be read (malformed JSON, an empty file, a file the host could not read). One error per
/// file, at the line and column of the problem; nothing is generated from it. YAML-specific reasons are in
/// <see cref="YamlMalformedDocumentTests"/>, invalid Unicode in <see cref="CodeInjectionFuzzTests"/>.
/// </summary>
public sealed class FG1006_DocumentUnreadableTests
{
    [Fact]
    public void UnparsableJson_Triggers_WithLineAndColumn()
    {
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-broken.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/factorial-broken.json", "{\n  \"openapi\": \"3.1.0\",\n  \"paths\": { oops }\n}"));

        var diagnostic = Reported.Single(result, "FG1006");
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/factorial-broken.json", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);
        Assert.Contains("line 3", diagnostic.GetMessage());
    }

    [Fact]
    public void JsonCutOffHalfWay_Triggers_OnceAndNothingIsGenerated()
    {
        var document = Reported.Document();
        var result = GeneratorHarness.Run(Reported.ClientOf("factorial-cut.json"), GeneratorHarness.Document("/specs/factorial-cut.json", document.Substring(0, document.Length / 2)));

        var diagnostic = Reported.Single(result, "FG1006");
        Assert.Single(result.GeneratorDiagnostics); // one error, no cascade, no FG1004 for the client
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("'factorial-cut.json' cannot be read, so nothing is generated from it: invalid JSON at line ", diagnostic.GetMessage(), StringComparison.Ordinal);
        Reported.NothingGenerated(result);
    }

    [Fact]
    public void EmptyFile_Triggers()
    {
        var result = GeneratorHarness.Run(Reported.ClientOf("factorial-empty.json"), GeneratorHarness.Document("/specs/factorial-empty.json", string.Empty));

        var diagnostic = Reported.Single(result, "FG1006");
        Assert.Contains("invalid JSON at line 1, column 1", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(new LinePosition(0, 0), diagnostic.Location.GetLineSpan().StartLinePosition);
        Reported.NothingGenerated(result);
    }

    [Fact]
    public void FileTheHostCannotRead_Triggers_NamingTheFile()
    {
        var result = GeneratorHarness.Run([Reported.ClientOf("factorial-locked.json")], [new UnreadableText("/specs/factorial-locked.json")]);

        var diagnostic = Reported.Single(result, "FG1006");
        Assert.Equal("'factorial-locked.json' cannot be read, so nothing is generated from it: the file could not be read", diagnostic.GetMessage());
        Assert.Equal("/specs/factorial-locked.json", diagnostic.Location.GetLineSpan().Path);
        Reported.None(result, "FG1004");
        Reported.NothingGenerated(result);
    }

    [Fact]
    public void JsonWithCommentsAndTrailingCommas_DoesNotTrigger()
    {
        var document = "// downloaded from Factorial\n" + Reported.Document()
            .Replace("\"info\": { \"title\": \"t\", \"version\": \"1\" },", "\"info\": { \"title\": \"t\", \"version\": \"1\", /* trailing */ },", StringComparison.Ordinal);
        var result = GeneratorHarness.Run(Reported.ClientOf("factorial-lenient.json"), GeneratorHarness.Document("/specs/factorial-lenient.json", document));

        Reported.Clean(result);
        Assert.NotEmpty(result.Type("Hr").GetMembers("Things"));
    }

    [Fact]
    public void BrokenFileThatIsNotADocument_DoesNotTrigger_ItIsNeverRead()
    {
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr;",
            GeneratorHarness.Document("/config/appsettings.json", "{ not json at all"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.False(result.RunResult.Results.Single().TrackedSteps.TryGetValue(StepNames.ReadDocument, out var steps) && steps.Length > 0);
    }

    /// <summary>An additional file whose text the host could not load (Roslyn gives <see langword="null"/>).</summary>
    private sealed class UnreadableText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
    }
}
