using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>The console helper and the loopback redirect listener, against the sandbox.</summary>
public sealed class InteractiveAuthorizationTests
{
    [Fact]
    public async Task Console_flow_prints_the_link_reads_the_key_and_exchanges_it()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        var output = new StringWriter();
        var input = new KeyFromPrintedLink(sandbox, output);

        var token = await oauth.AuthorizeFromConsoleAsync(FactorialScope.Read, input, output);

        Assert.Equal(FactorialScope.Read, token.Scope);
        Assert.Contains("/oauth/authorize?", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, input.LinesRead); // an empty line first, then the key
    }

    [Fact]
    public async Task Console_flow_without_input_fails_clearly()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();

        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => oauth.AuthorizeFromConsoleAsync(FactorialScope.Read, new StringReader(""), TextWriter.Null));

        Assert.Contains("No authorization key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loopback_listener_captures_the_code_from_the_redirect()
    {
        var redirect = $"http://127.0.0.1:{TestSandbox.FreeLoopbackPort()}/callback";
        await using var sandbox = await TestSandbox.StartAsync(redirectUri: redirect);
        using var oauth = sandbox.CreateOAuth();
        var request = oauth.Authorize(FactorialScope.ReadWrite);
        using var listener = FactorialLoopbackListener.Start(request);
        using var browser = new HttpClient(); // follows the sandbox's 302 to the listener, as a browser would

        var waiting = listener.WaitForAuthorizationKeyAsync(TimeSpan.FromSeconds(30));
        var page = await browser.GetAsync(request.Url);
        var key = await waiting;
        var token = await oauth.ObtainAccessTokenAsync(request, key);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Authorization complete", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(FactorialScope.ReadWrite, token.Scope);
    }

    // A missing or wrong state no longer ends the wait (it is a stray request, answered 400 and ignored):
    // see LoopbackStrayRequestTests. Only the redirect with the right state can end it with an error.
    [Theory]
    [InlineData("?error=access_denied&state={state}", "access_denied")]
    [InlineData("?state={state}", "invalid_request")]
    public async Task Loopback_listener_rejects_bad_redirects(string query, string expectedError)
    {
        var port = TestSandbox.FreeLoopbackPort();
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", $"http://127.0.0.1:{port}/callback"));
        var request = oauth.Authorize(FactorialScope.Read);
        using var listener = FactorialLoopbackListener.Start(request);
        using var browser = new HttpClient();

        var waiting = listener.WaitForAuthorizationKeyAsync(TimeSpan.FromSeconds(30));
        var notFound = await browser.GetAsync($"http://127.0.0.1:{port}/favicon.ico");
        var page = await browser.GetAsync($"http://127.0.0.1:{port}/callback{query.Replace("{state}", request.State, StringComparison.Ordinal)}");
        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => waiting);

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(expectedError, error.Error);
    }

    [Fact]
    public async Task Loopback_listener_times_out_cleanly_and_honours_cancellation()
    {
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", $"http://127.0.0.1:{TestSandbox.FreeLoopbackPort()}/callback"));
        var request = oauth.Authorize(FactorialScope.Read);

        using (var listener = FactorialLoopbackListener.Start(request))
        {
            var error = await Assert.ThrowsAsync<FactorialAuthException>(() => listener.WaitForAuthorizationKeyAsync(TimeSpan.FromMilliseconds(200)));
            Assert.Equal("timeout", error.Error);
        }

        using (var listener = FactorialLoopbackListener.Start(request))
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listener.WaitForAuthorizationKeyAsync(TimeSpan.FromMinutes(5), cancel.Token));
        }
    }

    [Fact]
    public void Loopback_listener_needs_a_loopback_redirect_uri()
    {
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", FactorialApp.OutOfBandRedirectUri));

        Assert.Throws<ArgumentException>(() => FactorialLoopbackListener.Start(oauth.Authorize(FactorialScope.Read)));
    }

    /// <summary>A "user" who reads the printed link, approves it in the sandbox and types the key (after one empty line).</summary>
    private sealed class KeyFromPrintedLink(TestSandbox sandbox, StringWriter output) : TextReader
    {
        public int LinesRead { get; private set; }

        public override string? ReadLine()
        {
            LinesRead++;
            if (LinesRead == 1)
            {
                return string.Empty;
            }

            foreach (var line in output.ToString().Split('\n'))
            {
                if (line.Contains("/oauth/authorize?", StringComparison.Ordinal))
                {
                    return sandbox.Server.ApproveAuthorization(new Uri(line.Trim()));
                }
            }

            return null;
        }

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => new(ReadLine());
    }
}
