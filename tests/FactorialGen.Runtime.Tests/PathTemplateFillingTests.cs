using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FactorialGen.Runtime.Generated;

namespace FactorialGen.Tests;

/// <summary>
/// Generated operations write their path once, as its template, and <see cref="FactorialCall"/> fills the placeholders:
/// the path must be byte for byte the concatenation they wrote before (<c>"…/" + Uri.EscapeDataString(id)</c>) for any
/// value, hostile ones included; the template stays the request's <see cref="FactorialRequest.PathTemplate"/> (so the
/// path-segment checks still name the placeholder); and a template whose placeholders are not exactly as many as the
/// values given fails loudly instead of sending a wrong path.
/// </summary>
public sealed class PathTemplateFillingTests
{
    private const string Version = "2026-07-01";
    private const string Prefix = "/api/" + Version + "/resources/";

    public static TheoryData<string> Values() => new()
    {
        "42", "../x", "a/b", "?x#y", "%2e%2e", "", " ", "..", ".", "é😀", "{id}", "}{", "a+b=c&d", "100%", new string('x', 300),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void One_value_fills_the_path_exactly_as_the_concatenation_did(string id)
    {
        var request = FactorialCall.Get(Prefix + "timeoff/leaves/{id}", FactorialScope.Read, FactorialResourceScopes.TimeOff, id);

        Assert.Equal(Prefix + "timeoff/leaves/" + Uri.EscapeDataString(id), request.Path);
        Assert.Equal(Prefix + "timeoff/leaves/{id}", request.PathTemplate);
        Assert.Same(HttpMethod.Get, request.Method);
        Assert.Equal(FactorialScope.Read, request.RequiredScope);
        Assert.Equal(FactorialResourceScopes.TimeOff, request.RequiredResource);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Two_and_three_values_fill_their_placeholders_in_order(string value)
    {
        var two = FactorialCall.Put(Prefix + "a/{first}/b/{second}", FactorialScope.Write, FactorialResourceScopes.None, value, "2/3");
        var three = FactorialCall.Delete(Prefix + "{x}/{y}/c/{z}.json", FactorialScope.Write, FactorialResourceScopes.Employees, "1", value, "é");

        Assert.Equal(Prefix + "a/" + Uri.EscapeDataString(value) + "/b/" + Uri.EscapeDataString("2/3"), two.Path);
        Assert.Equal(Prefix + Uri.EscapeDataString("1") + "/" + Uri.EscapeDataString(value) + "/c/" + Uri.EscapeDataString("é") + ".json", three.Path);
        Assert.Equal(Prefix + "{x}/{y}/c/{z}.json", three.PathTemplate);
        Assert.Same(HttpMethod.Put, two.Method);
        Assert.Same(HttpMethod.Delete, three.Method);
        Assert.Equal(FactorialResourceScopes.Employees, three.RequiredResource);
    }

    [Fact]
    public void Every_method_shortcut_sends_its_method_and_the_stated_scope()
    {
        const string Template = Prefix + "x/{id}";
        var requests = new[]
        {
            FactorialCall.Get(Template, FactorialScope.Write, FactorialResourceScopes.None, "1"),
            FactorialCall.Post(Template, FactorialScope.Read, FactorialResourceScopes.None, "1"),
            FactorialCall.Put(Template, FactorialScope.Read, FactorialResourceScopes.None, "1"),
            FactorialCall.Patch(Template, FactorialScope.Read, FactorialResourceScopes.None, "1"),
            FactorialCall.Delete(Template, FactorialScope.Read, FactorialResourceScopes.None, "1"),
            FactorialCall.FromTemplate(HttpMethod.Head, Template, FactorialScope.Write, FactorialResourceScopes.None, "1"),
        };

        Assert.Equal(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"], requests.Select(r => r.Method.Method));
        Assert.Equal([FactorialScope.Write, FactorialScope.Read, FactorialScope.Read, FactorialScope.Read, FactorialScope.Read, FactorialScope.Write], requests.Select(r => r.RequiredScope)); // the stated scope, never the method's default
        Assert.All(requests, r => Assert.Equal(Prefix + "x/1", r.Path));
    }

    [Fact]
    public void A_template_without_placeholders_is_the_path()
    {
        var request = FactorialCall.Post(Prefix + "attendance/shifts/clock_in", FactorialScope.Write, FactorialResourceScopes.TimeTracking);

        Assert.Same(request.Path, request.PathTemplate);
        Assert.Equal(Prefix + "attendance/shifts/clock_in", request.Path);
        Assert.Equal("POST " + Prefix + "attendance/shifts/clock_in", request.ToString());
    }

    [Fact]
    public void An_open_brace_without_a_closing_one_is_text_as_the_generator_reads_it()
    {
        Assert.Equal(Prefix + "a{b", FactorialCall.Get(Prefix + "a{b", FactorialScope.Read, FactorialResourceScopes.None).Path);
        Assert.Equal(Prefix + "a/7/{b", FactorialCall.Get(Prefix + "a/{id}/{b", FactorialScope.Read, FactorialResourceScopes.None, "7").Path);
    }

    [Theory]
    [InlineData(Prefix + "leaves/{id}", 0)]
    [InlineData(Prefix + "leaves/{id}", 2)]
    [InlineData(Prefix + "leaves", 1)]
    [InlineData(Prefix + "{a}/{b}", 1)]
    [InlineData(Prefix + "{a}/{b}", 3)]
    [InlineData(Prefix + "{a}/{b}/{c}/{d}", 3)]
    public void A_placeholder_count_other_than_the_values_given_fails_loudly(string template, int values)
    {
        var error = Assert.Throws<ArgumentException>(() => values switch
        {
            0 => FactorialCall.Get(template, FactorialScope.Read, FactorialResourceScopes.None),
            1 => FactorialCall.Get(template, FactorialScope.Read, FactorialResourceScopes.None, "1"),
            2 => FactorialCall.Get(template, FactorialScope.Read, FactorialResourceScopes.None, "1", "2"),
            _ => FactorialCall.Get(template, FactorialScope.Read, FactorialResourceScopes.None, "1", "2", "3"),
        });

        Assert.Equal("template", error.ParamName);
        Assert.Contains(template, error.Message, StringComparison.Ordinal);
        Assert.Contains($"{values} value(s) were given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_value_or_template_is_refused()
    {
        Assert.Equal("first", Assert.Throws<ArgumentNullException>(() => FactorialCall.Get(Prefix + "{id}", FactorialScope.Read, FactorialResourceScopes.None, null!)).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentNullException>(() => FactorialCall.Get(Prefix + "{a}/{b}", FactorialScope.Read, FactorialResourceScopes.None, "1", null!)).ParamName);
        Assert.Equal("third", Assert.Throws<ArgumentNullException>(() => FactorialCall.Get(Prefix + "{a}/{b}/{c}", FactorialScope.Read, FactorialResourceScopes.None, "1", "2", null!)).ParamName);
        Assert.ThrowsAny<ArgumentException>(() => FactorialCall.Get(null!, FactorialScope.Read, FactorialResourceScopes.None));
        Assert.ThrowsAny<ArgumentException>(() => FactorialCall.Get(" ", FactorialScope.Read, FactorialResourceScopes.None));
        Assert.Throws<ArgumentNullException>(() => FactorialCall.FromTemplate(null!, Prefix + "x", FactorialScope.Read, FactorialResourceScopes.None));
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("../x", "..%2Fx")]
    [InlineData("?x#y", "%3Fx%23y")]
    [InlineData("%2e%2e", "%252e%252e")]
    [InlineData("é😀", "%C3%A9%F0%9F%98%80")]
    public async Task Hostile_values_arrive_as_exactly_one_segment(string id, string onTheWire)
    {
        await using var server = await HostileServer.StartAsync();
        var targets = PathInjectionTests.RecordRawTargets(server);
        using var connection = Connection(server);

        await connection.SendJsonAsync(FactorialCall.Get(Prefix + "employees/employees/{id}", FactorialScope.Read, FactorialResourceScopes.Employees, id));

        Assert.Equal([Prefix + "employees/employees/" + onTheWire], targets.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData(".")]
    public async Task Values_that_would_address_another_resource_are_refused_naming_the_placeholder(string id)
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("""{"id": 1}""");
        using var connection = Connection(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => connection.SendAsync(FactorialCall.Delete(Prefix + "timeoff/leaves/{leave_id}/x", FactorialScope.Write, FactorialResourceScopes.TimeOff, id)));

        Assert.Equal("leave_id", error.ParamName);
        Assert.Empty(server.Received);
    }

    [Fact]
    public void Paging_values_are_added_in_the_order_operations_always_added_them()
    {
        var request = FactorialCall.Get(Prefix + "employees/employees", FactorialScope.Read, FactorialResourceScopes.None).AddQuery("ids[]", ["1", "2"]);

        FactorialCall.AddPaging(request, 100, "a b", null, 3);
        FactorialCall.AddPaging(request, null, null, null, null);

        Assert.Equal(
            ["ids[]=1", "ids[]=2", "limit=100", "after_id=a b", "page=3"],
            request.Query.Select(q => q.Key + "=" + q.Value));
    }

    private static FactorialConnection Connection(HostileServer server) =>
        new(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress, ApiVersion = Version });
}
