using System;
using System.Linq;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// FG1004 gives advice that works for what was written: <c>Spec</c> takes a file name, so a path in it is answered with
/// the file name to write (and the FactorialSpec item to add), never with <c>path/specs/…</c>.
/// </summary>
public sealed class SpecNotFoundAdviceTests
{
    private const string Document = """
        { "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
          "paths": { "/api/2026-07-01/resources/things/things": { "get": { "responses": { "200": { "description": "ok" } } } } } }
        """;

    [Fact]
    public void Path_in_Spec_for_a_document_in_the_project_says_to_write_the_file_name()
    {
        var message = Message("specs/factorial-mine.json", GeneratorHarness.Document("/repo/specs/factorial-mine.json", Document));

        Assert.Contains("Spec = \"factorial-mine.json\"", message, StringComparison.Ordinal);
        Assert.Contains("without its folder", message, StringComparison.Ordinal);
        Assert.DoesNotContain("path/", message, StringComparison.Ordinal);
        Assert.DoesNotContain("<FactorialSpec", message, StringComparison.Ordinal); // it is in the project already
    }

    [Fact]
    public void Path_in_Spec_for_a_missing_document_names_the_item_to_add_and_the_file_name()
    {
        var message = Message("specs\\factorial-other.yaml", GeneratorHarness.Document("/repo/specs/factorial-mine.json", Document));

        Assert.Contains("Spec = \"factorial-other.yaml\"", message, StringComparison.Ordinal);
        Assert.Contains("<FactorialSpec Include=\"specs/factorial-other.yaml\" />", message, StringComparison.Ordinal);
        Assert.Contains("factorial-mine.json", message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_name_in_Spec_says_to_add_the_file()
    {
        var message = Message("factorial-other.json");

        Assert.Contains("<FactorialSpec Include=\"<its folder>/factorial-other.json\" />", message, StringComparison.Ordinal);
        Assert.Contains("documents found: none", message, StringComparison.Ordinal);
    }

    private static string Message(string spec, params Microsoft.CodeAnalysis.AdditionalText[] documents)
    {
        var result = GeneratorHarness.Run($"[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = @\"{spec}\")] public partial class Hr;", documents);
        return Assert.Single(result.GeneratorDiagnostics, d => d.Id == "FG1004").GetMessage();
    }
}
