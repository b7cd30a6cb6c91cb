using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>The hostile test server itself: it answers with what the test says and keeps what it received.</summary>
public sealed class HostileServerTests
{
    [Fact]
    public async Task Records_what_it_received_and_answers_with_the_handler_the_test_set()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("""{"ok":true}""", 418);
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.BaseAddress, "token?x=1"), new StringContent("secret-in-body"));

        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Equal("""{"ok":true}""", await response.Content.ReadAsStringAsync());
        var received = Assert.Single(server.Received);
        Assert.Equal("POST", received.Method);
        Assert.Equal("/token?x=1", received.PathAndQuery);
        Assert.True(server.SawSecret("secret-in-body"));
        Assert.False(server.SawSecret("never-sent"));
    }
}
