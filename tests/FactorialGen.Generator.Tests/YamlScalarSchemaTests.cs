namespace FactorialGen.Generator.Tests;

/// <summary>
/// YAML 1.2 core schema: only <c>null</c>/<c>~</c>/empty, three spellings each of <c>true</c>/<c>false</c>, and core
/// integers and floats are typed; every other plain scalar (a date, a version, <c>on</c>, <c>yes</c>) stays a string,
/// and a quoted scalar is always a string. Aliases, merge keys and keys follow the documented rules.
/// </summary>
public sealed class YamlScalarSchemaTests
{
    [Theory]
    [InlineData("", "null")]
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    [InlineData("Null", "null")]
    [InlineData("NULL", "null")]
    [InlineData("nULL", "\"nULL\"")]
    [InlineData("true", "true")]
    [InlineData("True", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("false", "false")]
    [InlineData("False", "false")]
    [InlineData("FALSE", "false")]
    [InlineData("tRUE", "\"tRUE\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("no", "\"no\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("off", "\"off\"")]
    [InlineData("Y", "\"Y\"")]
    [InlineData("2026-07-01", "\"2026-07-01\"")]
    [InlineData("2026-07-01T10:00:00Z", "\"2026-07-01T10:00:00Z\"")]
    [InlineData("1.0.0", "\"1.0.0\"")]
    [InlineData("12:30", "\"12:30\"")]
    [InlineData("1_000", "\"1_000\"")]
    [InlineData("0b101", "\"0b101\"")]
    [InlineData("0x", "\"0x\"")]
    [InlineData("0xG1", "\"0xG1\"")]
    [InlineData("-x", "\"-x\"")]
    [InlineData("+", "\"+\"")]
    [InlineData("1e", "\"1e\"")]
    [InlineData("42", "42")]
    [InlineData("-17", "-17")]
    [InlineData("+5", "5")]
    [InlineData("007", "7")]
    [InlineData("0", "0")]
    [InlineData("0o17", "15")]
    [InlineData("0x1F", "31")]
    [InlineData("0xffffffffffffffffff", "4722366482869645213695")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("1.50", "1.50")]
    [InlineData("1.", "1.0")]
    [InlineData(".5", "0.5")]
    [InlineData("-.5", "-0.5")]
    [InlineData("+1.5e3", "1.5e3")]
    [InlineData("1E-3", "1E-3")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData("-.Inf", "\"-.Inf\"")]
    [InlineData(".NaN", "\".NaN\"")]
    [InlineData("'true'", "\"true\"")]
    [InlineData("\"42\"", "\"42\"")]
    [InlineData("'~'", "\"~\"")]
    [InlineData("''", "\"\"")]
    [InlineData("\"2026-07-01\"", "\"2026-07-01\"")]
    [InlineData("!!str 42", "\"42\"")]
    [InlineData("!!str true", "\"true\"")]
    [InlineData("! 42", "\"42\"")]
    [InlineData("!!int 42", "42")]
    [InlineData("!!float 1", "1")]
    [InlineData("!!bool FALSE", "false")]
    [InlineData("!!null ''", "null")]
    [InlineData("!custom 42", "42")]
    [InlineData("caf\u00e9 \"quoted\" <b>", "\"caf\u00e9 \\\"quoted\\\" <b>\"")]
    public void Plain_and_quoted_scalars_resolve_by_the_core_schema(string yaml, string json)
    {
        Assert.Equal($$"""{"value":{{json}}}""", YamlConversion.ToJson($"value: {yaml}\n"));
    }

    [Theory]
    [InlineData("!!int 1.5")]
    [InlineData("!!bool yes")]
    [InlineData("!!null 0")]
    [InlineData("!!float x")]
    public void A_core_tag_on_a_value_of_another_type_is_a_problem(string yaml)
    {
        var problem = YamlConversion.ProblemOf($"a: 1\nvalue: {yaml}\n");

        Assert.Contains("is not a valid !!", problem.Message, System.StringComparison.Ordinal);
        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void Block_scalars_are_strings_with_their_line_breaks()
    {
        const string Yaml = "literal: |\n  true\n  42\nfolded: >\n  1.0\n  on\nstripped: |-\n  ~\n";

        Assert.Equal("""{"literal":"true\n42\n","folded":"1.0 on\n","stripped":"~"}""", YamlConversion.ToJson(Yaml));
    }

    [Fact]
    public void Keys_are_the_text_of_their_scalar_as_written()
    {
        const string Yaml = "200: a\ntrue: b\n~: c\n1.0: d\n0x1F: e\n'quoted': f\n? explicit\n: g\n";

        Assert.Equal("""{"200":"a","true":"b","~":"c","1.0":"d","0x1F":"e","quoted":"f","explicit":"g"}""", YamlConversion.ToJson(Yaml));
    }

    [Fact]
    public void Aliases_repeat_the_anchored_node()
    {
        const string Yaml = "a: &x {b: 1, c: [on, 2]}\nd: *x\ne: &s text\nf: [*s, *x]\n";

        Assert.Equal("""{"a":{"b":1,"c":["on",2]},"d":{"b":1,"c":["on",2]},"e":"text","f":["text",{"b":1,"c":["on",2]}]}""", YamlConversion.ToJson(Yaml));
    }

    [Fact]
    public void Merge_keys_merge_with_explicit_keys_winning_and_earlier_sources_over_later_ones()
    {
        const string Yaml = """
            base: &base {x: 1, y: 2}
            other: &other {y: 20, z: 30}
            one: {<<: *base, y: 3}
            two:
              <<: [*other, *base]
              w: 0
            literal: {'<<': not a merge}
            """;

        Assert.Equal(
            """{"base":{"x":1,"y":2},"other":{"y":20,"z":30},"one":{"x":1,"y":3},"two":{"y":20,"z":30,"x":1,"w":0},"literal":{"<<":"not a merge"}}""",
            YamlConversion.ToJson(Yaml));
    }

    [Fact]
    public void Comments_directives_and_an_explicit_document_marker_are_accepted()
    {
        const string Yaml = "%YAML 1.2\n---\n# a comment\na: 1 # trailing\n...\n";

        Assert.Equal("""{"a":1}""", YamlConversion.ToJson(Yaml));
    }
}
