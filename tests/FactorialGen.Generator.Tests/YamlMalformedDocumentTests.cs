using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// A YAML document that cannot be read is one FG1006 error located at the problem (file, line, column): never a
/// generator crash, a cascade of diagnostics, an FG1004 "document not found", or a hang on a "billion laughs" file.
/// </summary>
public sealed class YamlMalformedDocumentTests
{
    private const string Path = "/specs/factorial-bad.yaml";

    [Theory]
    [InlineData("openapi: 3.1.0\ninfo:\n  title: t\n version: 1\npaths: {}\n", 3)] // a key indented less than its siblings
    [InlineData("openapi: 3.1.0\npaths: {a: [1, 2}\n", 1)] // an unclosed flow sequence
    [InlineData("openapi: 3.1.0\ninfo:\n\ttitle: t\n", 2)] // a tab used to indent
    [InlineData("openapi: 3.1.0\ninfo: 'unterminated\npaths: {}\n", 3)] // an unterminated quoted scalar: found at the end
    [InlineData("openapi: 3.1.0\npaths:\n  /a: {}\n  /b: {}\n  /a: {}\n", 4)] // the same key twice
    [InlineData("openapi: 3.1.0\ninfo: *nowhere\n", 1)] // an alias without its anchor
    [InlineData("openapi: 3.1.0\n---\nopenapi: 3.1.0\n", 1)] // two documents in one file
    [InlineData("openapi: 3.1.0\n? [a, b]\n: c\n", 1)] // a sequence as a key
    public void Malformed_yaml_is_one_located_FG1006(string yaml, int line)
    {
        var diagnostic = SingleFG1006(yaml);

        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(Path, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line);
        Assert.Contains("factorial-bad.yaml", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_error_message_gives_line_and_column_and_the_location_points_at_them()
    {
        const string Yaml = "openapi: 3.1.0\npaths:\n  /a:\n    get: {responses: [1, 2}\n";

        var diagnostic = SingleFG1006(Yaml);

        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Contains($"invalid YAML at line {position.Line + 1}, column {position.Character + 1}:", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(3, position.Line);
        Assert.True(position.Character > 0);
    }

    [Fact]
    public void Scanner_error_is_located_where_it_was_found_and_names_where_the_construct_began()
    {
        var diagnostic = SingleFG1006("openapi: 3.1.0\ninfo: 'unterminated\npaths: {}\n");

        Assert.Contains("(in what starts at line 2, column 7)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Many_problems_in_one_file_still_give_one_diagnostic()
    {
        var yaml = "openapi: 3.1.0\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"k{i}: [unclosed\n  bad: : indentation\n\t- tab\n"));

        SingleFG1006(yaml);
    }

    [Fact]
    public void Billion_laughs_is_refused_quickly_with_one_FG1006()
    {
        var yaml = new StringBuilder("openapi: 3.1.0\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        }

        var watch = Stopwatch.StartNew();
        var diagnostic = SingleFG1006(yaml.ToString());

        Assert.Contains("billion laughs", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"refusing took {watch.Elapsed}"); // a hang guard: 10^10 nodes would never finish
    }

    [Fact]
    public void Merge_key_bomb_is_refused_with_one_FG1006()
    {
        var yaml = new StringBuilder("openapi: 3.1.0\nm0: &m0 {a: [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]}\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append($"m{i}: &m{i} {{{string.Join(", ", Enumerable.Range(0, 10).Select(k => $"k{k}: *m{i - 1}"))}}}\n");
        }

        Assert.Contains("billion laughs", SingleFG1006(yaml.ToString()).GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_json_reader_allows_is_one_FG1006_not_a_crash()
    {
        var yaml = "openapi: 3.1.0\ndeep: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        Assert.Contains("nest deeper than 512", SingleFG1006(yaml).GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lone_surrogate_escape_is_one_located_FG1006()
    {
        var diagnostic = SingleFG1006("openapi: 3.1.0\ninfo:\n  title: \"bad \\uD800 text\"\n");

        // The parser refuses the escape itself; the converter would refuse such text too (JSON is UTF-8).
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("at line 3", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_yaml_file_is_one_FG1006()
    {
        Assert.Contains("no YAML document", SingleFG1006("# only a comment\n").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_whose_root_is_not_a_mapping_is_FG1005_like_json()
    {
        var result = Run("- just\n- a list\n");

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("FG1005", diagnostic.Id);
    }

    private static Diagnostic SingleFG1006(string yaml)
    {
        var result = Run(yaml);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("FG1006", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        return diagnostic;
    }

    private static GeneratorHarness.Result Run(string yaml) =>
        GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-bad.yaml\")] public partial class Hr;",
            GeneratorHarness.Document(Path, yaml));
}
