using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace FactorialGen.Tests.Auth;

/// <summary>
/// Refresh storms: a server that rejects every token, a server whose clock is hours off, and a token lifetime at or under
/// the refresh-ahead margin must not cost one grant per call. Each test prints its figure (grants for N calls).
/// </summary>
public sealed class RefreshStormTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private static FactorialRequest Credentials() => new(HttpMethod.Get, "api_public/credentials");

    [Fact]
    public async Task Server_that_answers_401_to_every_token_costs_far_fewer_grants_than_calls_and_each_call_gets_a_typed_auth_error()
    {
        const int Calls = 10;
        await using var factorial = await FakeFactorial.StartAsync();
        factorial.ApiAnswer = static async (context, _) =>
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{"error":"invalid_token"}""");
        };
        var valid = factorial.Token(expiresIn: TimeSpan.FromHours(1));
        using var connection = new FactorialConnection(valid, new SavingTokenStore(valid), factorial.ClientOptions());

        for (var i = 0; i < Calls; i++)
        {
            var error = await Assert.ThrowsAsync<FactorialAuthException>(() => connection.SendJsonAsync(Credentials()).WaitAsync(Guard));
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
            factorial.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        output.WriteLine($"always-401 server, {Calls} calls: {factorial.Grants} grant(s), {Calls} typed auth errors");
        Assert.InRange(factorial.Grants, 1, Calls); // the issue's bound
        Assert.InRange(factorial.Grants, 1, 2); // the target: a token rejected when fresh is not refreshed again during the back-off
    }

    [Fact]
    public async Task A_401_right_after_a_successful_refresh_does_not_refresh_again_on_the_same_call()
    {
        await using var factorial = await FakeFactorial.StartAsync();
        factorial.ApiAnswer = static async (context, _) =>
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{"error":"invalid_token"}""");
        };
        var expired = factorial.Token();
        using var connection = new FactorialConnection(expired, new SavingTokenStore(expired), factorial.ClientOptions());

        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => connection.SendJsonAsync(Credentials()).WaitAsync(Guard));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(1, factorial.Grants);
        Assert.Equal(2, factorial.Server.Received.Count); // one grant, one API call: no second refresh, no retry
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(3)]
    public async Task Server_clock_hours_off_does_not_cause_a_grant_per_call(int skewHours)
    {
        const int Calls = 20;
        await using var factorial = await FakeFactorial.StartAsync();
        factorial.TokenAnswer = n => factorial.Issue(n, expiresIn: 7200, clockSkew: TimeSpan.FromHours(skewHours));
        var expired = factorial.Token();
        using var connection = new FactorialConnection(expired, new SavingTokenStore(expired), factorial.ClientOptions());

        for (var i = 0; i < Calls; i++)
        {
            await connection.SendJsonAsync(Credentials()).WaitAsync(Guard);
            factorial.Time.Advance(TimeSpan.FromMinutes(1));
        }

        output.WriteLine($"server clock {skewHours:+0;-0} h off, {Calls} calls: {factorial.Grants} grant(s), 0 failures");
        Assert.InRange(factorial.Grants, 1, 2);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(120)]
    public async Task Lifetime_at_or_under_the_refresh_margin_does_not_cause_a_grant_per_call(int lifetimeSeconds)
    {
        const int Calls = 50;
        await using var factorial = await FakeFactorial.StartAsync();
        factorial.TokenAnswer = n => factorial.Issue(n, expiresIn: lifetimeSeconds);
        var expired = factorial.Token();
        var options = factorial.ClientOptions();
        Assert.True(options.RefreshBeforeExpiry >= TimeSpan.FromSeconds(lifetimeSeconds)); // the margin (2 min) covers the whole lifetime
        using var connection = new FactorialConnection(expired, new SavingTokenStore(expired), options);
        var failures = 0;

        for (var i = 0; i < Calls; i++)
        {
            try
            {
                await connection.SendJsonAsync(Credentials()).WaitAsync(Guard);
            }
            catch (FactorialException)
            {
                failures++;
            }

            factorial.Time.Advance(TimeSpan.FromSeconds(1));
        }

        output.WriteLine($"lifetime {lifetimeSeconds} s <= margin 120 s, {Calls} calls over {Calls} s: {factorial.Grants} grant(s), {failures} failures");
        Assert.Equal(0, failures);
        Assert.InRange(factorial.Grants, 1, 5);
    }
}
