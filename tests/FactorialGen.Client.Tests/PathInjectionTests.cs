using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using FactorialGen.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.Client.Tests;

/// <summary>
/// Path injection through generated clients: an id stays one segment on the wire, and an empty, <c>.</c> or <c>..</c> id
/// is refused with an <see cref="ArgumentException"/> naming the parameter before anything is sent, on a plain
/// <c>new</c> client and on one from DI. The hostile server records each request target as it came on the wire.
/// </summary>
public sealed class PathInjectionTests
{
    private const string Shifts = "/api/2026-07-01/resources/attendance/shifts/";

    [Theory]
    [InlineData("7/../../../oauth/revoke", "7%2F..%2F..%2F..%2Foauth%2Frevoke")]
    [InlineData("7?all=1#frag", "7%3Fall%3D1%23frag")]
    [InlineData("50% off", "50%25%20off")]
    [InlineData("Zoë 😀", "Zo%C3%AB%20%F0%9F%98%80")]
    [InlineData("%2e%2e", "%252e%252e")]
    [InlineData("..a", "..a")]
    public async Task Ids_arrive_as_exactly_one_segment(string id, string onTheWire)
    {
        await using var server = await HostileServer.StartAsync();
        var targets = RecordTargets(server);
        using var hr = new HrAdmin(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress });

        await Assert.ThrowsAsync<FactorialInvalidResponseException>(() => hr.Attendance.Shifts.GetAsync(id)); // the body is {} (no required fields)
        await hr.Attendance.Shifts.DeleteAsync(id).ContinueWith(static _ => { }, TaskScheduler.Default);

        Assert.Equal([Shifts + onTheWire, Shifts + onTheWire], targets.ToArray());
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task Ids_that_would_address_another_resource_are_refused_before_anything_is_sent(string id)
    {
        await using var server = await HostileServer.StartAsync();
        var targets = RecordTargets(server);
        using var hr = new HrAdmin(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress });

        var get = await Assert.ThrowsAsync<ArgumentException>(() => hr.Attendance.Shifts.GetAsync(id));
        var delete = await Assert.ThrowsAsync<ArgumentException>(() => hr.Attendance.Shifts.DeleteAsync(id));
        var daysOff = await Assert.ThrowsAnyAsync<ArgumentException>(() => hr.GetDaysOffAsync(id, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6)));

        Assert.Equal("id", get.ParamName);
        Assert.Equal("id", delete.ParamName);
        Assert.Equal("employeeId", daysOff.ParamName);
        Assert.Empty(targets);
    }

    [Fact]
    public async Task Ids_are_refused_on_a_client_from_dependency_injection_too()
    {
        await using var server = await HostileServer.StartAsync();
        var targets = RecordTargets(server);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Factorial:BaseAddress"] = server.BaseAddress.AbsoluteUri,
            ["Factorial:ApiKey"] = "key",
        }).Build());
        services.AddFactorialClient<HrAdmin>(options => options.MaxRetryAttempts = 0);
        await using var provider = services.BuildServiceProvider();
        var hr = provider.GetRequiredService<HrAdmin>();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => hr.Attendance.Shifts.DeleteAsync(".."));
        await Assert.ThrowsAsync<FactorialInvalidResponseException>(() => hr.Attendance.Shifts.GetAsync("a/b"));

        Assert.Equal("id", error.ParamName);
        Assert.Equal([Shifts + "a%2Fb"], targets.ToArray());
    }

    private static ConcurrentQueue<string> RecordTargets(HostileServer server)
    {
        var targets = new ConcurrentQueue<string>();
        server.Handle(async ctx =>
        {
            targets.Enqueue(ctx.Features.Get<IHttpRequestFeature>()!.RawTarget);
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{}");
        });
        return targets;
    }
}
