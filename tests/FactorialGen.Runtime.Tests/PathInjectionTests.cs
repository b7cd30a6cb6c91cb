using System;
using FactorialGen.Runtime.Generated;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FactorialGen.Tests;

/// <summary>
/// Path injection: a path value (an id, the days-off employee) stays one segment on the wire, whatever it holds, and a
/// value that would address another resource (empty: the collection; <c>.</c>/<c>..</c>, also as <c>%2E</c>: an RFC 3986
/// dot segment) is refused with an <see cref="ArgumentException"/> naming the parameter before anything is sent.
/// The hostile server records the path that really arrived.
/// </summary>
public sealed class PathInjectionTests
{
    private const string Version = "2026-07-01";
    private const string Prefix = "/api/" + Version + "/resources/";

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("../../oauth/token", "..%2F..%2Foauth%2Ftoken")]
    [InlineData("1?admin=true", "1%3Fadmin%3Dtrue")]
    [InlineData("1#x", "1%23x")]
    [InlineData("100%", "100%25")]
    [InlineData("%2e%2e", "%252e%252e")]
    [InlineData("a b", "a%20b")]
    [InlineData("é😀", "%C3%A9%F0%9F%98%80")]
    [InlineData("...", "...")]
    [InlineData(".hidden", ".hidden")]
    public async Task Days_off_employee_id_arrives_as_exactly_one_segment(string employeeId, string onTheWire)
    {
        await using var server = await HostileServer.StartAsync();
        var targets = RecordRawTargets(server);
        using var connection = Connection(server);

        await FactorialDaysOffQuery.GetAsync(connection, Version, employeeId, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6));

        Assert.Equal(Prefix + "employees/employees/" + onTheWire, targets.First());
        Assert.StartsWith(Prefix + "timeoff/leaves?", targets.Last(), StringComparison.Ordinal); // the id went into the query, escaped
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Days_off_employee_id_that_is_not_one_segment_is_refused_before_anything_is_sent(string employeeId)
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("""{"id": 1}""");
        using var connection = Connection(server);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => FactorialDaysOffQuery.GetAsync(connection, Version, employeeId, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6)));

        Assert.Equal("employeeId", error.ParamName);
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData("..", "id")]
    [InlineData(".", "id")]
    [InlineData("%2E%2E", "id")]
    [InlineData(".%2e", "id")]
    [InlineData("", "id")]
    public async Task Template_placeholder_that_would_address_another_resource_is_refused_naming_it(string segment, string name)
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("""{"id": 1}""");
        using var connection = Connection(server);
        var request = new FactorialRequest(HttpMethod.Delete, Prefix + "timeoff/leaves/" + segment) { PathTemplate = Prefix + "timeoff/leaves/{id}" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => connection.SendAsync(request));

        Assert.Equal(name, error.ParamName);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData("employees/employees/../../oauth/revoke")]
    [InlineData("employees/./employees")]
    [InlineData("employees/employees/%2e%2E")]
    public async Task Dot_segments_in_any_request_path_are_refused(string path)
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("[]");
        using var connection = Connection(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, path), FactorialGen.Runtime.Generated.FactorialJsonTypes.Element));
        var listing = await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in connection.ListAllAsync(new FactorialRequest(HttpMethod.Get, path), FactorialGen.Runtime.Generated.FactorialJsonTypes.Element))
            {
            }
        });

        Assert.Equal("request", error.ParamName);
        Assert.Equal("request", listing.ParamName);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Ordinary_paths_and_queries_are_sent_unchanged()
    {
        await using var server = await HostileServer.StartAsync();
        var targets = RecordRawTargets(server);
        using var connection = Connection(server);

        await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, Prefix + "employees/employees/42") { PathTemplate = Prefix + "employees/employees/{id}" }.AddQuery("q", "../x"));
        await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"));

        Assert.Equal([Prefix + "employees/employees/42?q=..%2Fx", Prefix + "employees/employees"], targets.ToArray());
    }

    private static FactorialConnection Connection(HostileServer server) =>
        new(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress, ApiVersion = Version });

    /// <summary>
    /// Records each request target exactly as it came on the wire (Kestrel's <c>Request.Path</c> is already decoded),
    /// answering lists with <c>[]</c> and anything else with an employee.
    /// </summary>
    internal static ConcurrentQueue<string> RecordRawTargets(HostileServer server)
    {
        var targets = new ConcurrentQueue<string>();
        server.Handle(async ctx =>
        {
            var target = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
            targets.Enqueue(target);
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(target.Contains("employees/employees/", StringComparison.Ordinal) ? """{"id": 1}""" : "[]");
        });
        return targets;
    }
}
