using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// The loopback listener only ends its wait for the redirect that carries the right path and this request's exact
/// <c>state</c>. Stray requests (another program, a web page probing local ports, a forged or replayed redirect) get a
/// 400/404/405 page and are ignored: they can neither cut the real authorization short nor slip in their own code.
/// </summary>
public sealed class LoopbackStrayRequestTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60); // only reached if the listener hangs

    [Theory]
    [InlineData("GET", "/callback", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/callback?code=stray", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/callback?code=stray&state=", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/callback?code=stray&state=forged", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/callback?code=stray&state={state}&state={state}", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/callback?error=access_denied&state=forged", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/other?code=stray&state={state}", HttpStatusCode.NotFound)]
    [InlineData("GET", "/callback/?code=stray&state={state}", HttpStatusCode.NotFound)]
    [InlineData("POST", "/callback?code=stray&state={state}", HttpStatusCode.MethodNotAllowed)]
    public async Task A_stray_request_is_answered_and_ignored_and_the_real_redirect_still_completes(string method, string pathAndQuery, HttpStatusCode expected)
    {
        var port = TestSandbox.FreeLoopbackPort();
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", $"http://127.0.0.1:{port}/callback"));
        var request = oauth.Authorize(FactorialScope.Read);
        using var listener = FactorialLoopbackListener.Start(request);
        using var browser = new HttpClient();
        var waiting = listener.WaitForAuthorizationKeyAsync(Guard);

        using var stray = new HttpRequestMessage(new HttpMethod(method), $"http://127.0.0.1:{port}{pathAndQuery.Replace("{state}", request.State, StringComparison.Ordinal)}");
        var strayPage = await browser.SendAsync(stray);
        var realPage = await browser.GetAsync($"http://127.0.0.1:{port}/callback?code=real-code&state={Uri.EscapeDataString(request.State)}");
        var key = await waiting.WaitAsync(Guard);

        Assert.Equal(expected, strayPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, realPage.StatusCode);
        Assert.Equal("real-code", key);
    }

    [Fact]
    public async Task Many_strays_then_an_error_answer_with_the_right_state_ends_the_wait_with_that_error()
    {
        var port = TestSandbox.FreeLoopbackPort();
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", $"http://127.0.0.1:{port}/callback"));
        var request = oauth.Authorize(FactorialScope.Read);
        using var listener = FactorialLoopbackListener.Start(request);
        using var browser = new HttpClient();
        var waiting = listener.WaitForAuthorizationKeyAsync(Guard);

        for (var i = 0; i < 20; i++)
        {
            var stray = await browser.GetAsync($"http://127.0.0.1:{port}/callback?code=stray{i}");
            Assert.Equal(HttpStatusCode.BadRequest, stray.StatusCode);
        }

        var page = await browser.GetAsync($"http://127.0.0.1:{port}/callback?error=access_denied&error_description=no&state={Uri.EscapeDataString(request.State)}");
        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => waiting.WaitAsync(Guard));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("access_denied", error.Error);
    }

    [Fact]
    public async Task The_right_state_without_a_code_ends_the_wait_with_invalid_request()
    {
        var port = TestSandbox.FreeLoopbackPort();
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", $"http://127.0.0.1:{port}/callback"));
        var request = oauth.Authorize(FactorialScope.Read);
        using var listener = FactorialLoopbackListener.Start(request);
        using var browser = new HttpClient();
        var waiting = listener.WaitForAuthorizationKeyAsync(Guard);

        var page = await browser.GetAsync($"http://127.0.0.1:{port}/callback?state={Uri.EscapeDataString(request.State)}");
        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => waiting.WaitAsync(Guard));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("invalid_request", error.Error);
    }

    [Fact]
    public async Task After_strays_a_cancellation_and_a_time_out_the_same_listener_still_receives_the_real_redirect()
    {
        var port = TestSandbox.FreeLoopbackPort();
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", $"http://127.0.0.1:{port}/callback"));
        var request = oauth.Authorize(FactorialScope.Read);
        using var listener = FactorialLoopbackListener.Start(request);
        using var browser = new HttpClient();

        // The strays arrive inside a long wait, which is then cut short by cancellation (no timing luck needed)...
        using var cancel = new CancellationTokenSource();
        var first = listener.WaitForAuthorizationKeyAsync(Guard, cancel.Token);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync($"http://127.0.0.1:{port}/callback")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"http://127.0.0.1:{port}/favicon.ico")).StatusCode);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(Guard));

        // ...a short wait times out with a typed error...
        var timeout = await Assert.ThrowsAsync<FactorialAuthException>(() => listener.WaitForAuthorizationKeyAsync(TimeSpan.FromMilliseconds(100)).WaitAsync(Guard));
        Assert.Equal("timeout", timeout.Error);

        // ...and the same listener still receives the real redirect afterwards.
        var again = listener.WaitForAuthorizationKeyAsync(Guard);
        var page = await browser.GetAsync($"http://127.0.0.1:{port}/callback?code=late&state={Uri.EscapeDataString(request.State)}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("late", await again.WaitAsync(Guard));
    }

    [Fact]
    public async Task Timeout_message_counts_the_ignored_strays()
    {
        var port = TestSandbox.FreeLoopbackPort();
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", $"http://127.0.0.1:{port}/callback"));
        var request = oauth.Authorize(FactorialScope.Read);
        using var listener = FactorialLoopbackListener.Start(request);
        using var browser = new HttpClient();

        // The stray is answered (so counted) inside a long wait; a short wait then times out and reports the count.
        using var cancel = new CancellationTokenSource();
        var first = listener.WaitForAuthorizationKeyAsync(Guard, cancel.Token);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync($"http://127.0.0.1:{port}/callback?code=x")).StatusCode);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(Guard));
        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => listener.WaitForAuthorizationKeyAsync(TimeSpan.FromMilliseconds(100)).WaitAsync(Guard));

        Assert.Equal("timeout", error.Error);
        Assert.Contains("1 stray request was ignored", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_listener_during_a_wait_ends_it_with_a_typed_error()
    {
        var port = TestSandbox.FreeLoopbackPort();
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", $"http://127.0.0.1:{port}/callback"));
        var listener = FactorialLoopbackListener.Start(oauth.Authorize(FactorialScope.Read));
        var waiting = listener.WaitForAuthorizationKeyAsync(Guard);

        listener.Dispose();
        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => waiting.WaitAsync(Guard));

        Assert.Equal("listener_disposed", error.Error);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => listener.WaitForAuthorizationKeyAsync(Guard));
    }
}
