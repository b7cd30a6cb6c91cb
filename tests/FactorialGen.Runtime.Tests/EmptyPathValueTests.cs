using System;
using System.Net.Http;
using System.Threading.Tasks;
using FactorialGen.Runtime.Generated;

namespace FactorialGen.Tests;

/// <summary>
/// A path built as <c>"…/" + id</c> with an empty id is an argument error before anything is sent, not a request for
/// the collection whose answer then fails as an invalid response.
/// </summary>
public sealed class EmptyPathValueTests
{
    [Theory]
    [InlineData("employees/employees/")]
    [InlineData("/api/2026-07-01/resources/employees/employees/")]
    [InlineData("employees/employees/?include=all")]
    public async Task Path_ending_in_a_slash_is_refused_as_an_argument_error(string path)
    {
        var handler = new CannedHandler(System.Net.HttpStatusCode.OK, "[]");
        using var connection = new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { PrimaryHandler = handler });

        var single = await Assert.ThrowsAsync<ArgumentException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, path)));
        var page = await Assert.ThrowsAsync<ArgumentException>(() => connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, path), FactorialJsonTypes.Element));

        foreach (var error in new[] { single, page })
        {
            Assert.Contains("ends with '/'", error.Message, StringComparison.Ordinal);
            Assert.Contains("id", error.Message, StringComparison.Ordinal);
            Assert.Equal("request", error.ParamName);
        }

        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task Empty_value_of_a_template_placeholder_names_the_placeholder()
    {
        var handler = new CannedHandler(System.Net.HttpStatusCode.OK, "{}");
        using var connection = new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { PrimaryHandler = handler });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => connection.SendJsonAsync(
            new FactorialRequest(HttpMethod.Get, "/api/2026-07-01/resources/employees/employees/") { PathTemplate = "/api/2026-07-01/resources/employees/employees/{id}" }));

        Assert.Equal("id", error.ParamName);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }
}
