using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Sandbox;

namespace FactorialGen.Tests;

/// <summary>
/// The security rules of the OAuth flow and of the transport: state, PKCE S256, exact redirect URIs, single-use
/// authorization keys, HTTPS-only base addresses, and credentials that never leave the configured host.
/// </summary>
public sealed class OAuthSecurityTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    // ---- state -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("last character changed")]
    [InlineData("one character longer")]
    [InlineData("one character shorter")]
    [InlineData("upper case")]
    [InlineData("sent twice")]
    [InlineData("empty")]
    public async Task Loopback_listener_refuses_every_state_that_is_not_exactly_the_one_it_sent(string variant)
    {
        var port = TestSandbox.FreeLoopbackPort();
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", $"http://127.0.0.1:{port}/callback"));
        var request = oauth.Authorize(FactorialScope.Read);
        var state = request.State;
        var query = variant switch
        {
            "last character changed" => $"state={state[..^1]}{(state[^1] == 'A' ? 'B' : 'A')}",
            "one character longer" => $"state={state}A",
            "one character shorter" => $"state={state[..^1]}",
            "upper case" => $"state={state.ToUpperInvariant()}{(state.ToUpperInvariant() == state ? "x" : string.Empty)}",
            "sent twice" => $"state={state}&state={state}",
            "empty" => "state=",
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        using var listener = FactorialLoopbackListener.Start(request);
        using var browser = new HttpClient();

        var waiting = listener.WaitForAuthorizationKeyAsync(Guard);
        var page = await browser.GetAsync($"http://127.0.0.1:{port}/callback?code=stolen&{query}");

        // Refused with 400 and ignored: the forged redirect neither delivers its code nor ends the wait (a stray
        // request must not cut the real authorization short); the real redirect still completes it.
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.DoesNotContain(state, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var real = await browser.GetAsync($"http://127.0.0.1:{port}/callback?code=genuine&state={Uri.EscapeDataString(state)}");
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal("genuine", await waiting.WaitAsync(Guard));
    }

    [Fact]
    public void State_is_compared_with_the_fixed_time_comparison()
    {
        Assert.True(Secrets.FixedTimeEquals("abc", "abc"));
        Assert.False(Secrets.FixedTimeEquals("abc", "abd"));
        Assert.False(Secrets.FixedTimeEquals("abc", "abcd"));
        Assert.False(Secrets.FixedTimeEquals(null, "abc"));
        Assert.False(Secrets.FixedTimeEquals("abc", null));

        // The listener's check goes through it (CryptographicOperations.FixedTimeEquals), not through ==.
        var source = File.ReadAllText(RepositoryFile("src/Runtime/OAuth/FactorialLoopbackListener.cs"));
        Assert.Contains("Secrets.FixedTimeEquals(state, _request.State)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("state == ", source, StringComparison.Ordinal);
        Assert.DoesNotContain("string.Equals(state", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_authorization_request_gets_a_fresh_unguessable_state_and_verifier()
    {
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", FactorialApp.OutOfBandRedirectUri));
        var states = new HashSet<string>(StringComparer.Ordinal);
        var verifiers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            var request = oauth.Authorize(FactorialScope.Read);
            Assert.True(states.Add(request.State));
            Assert.True(verifiers.Add(request.CodeVerifier));
            Assert.True(request.State.Length >= 43, "state carries at least 256 random bits");
            Assert.InRange(request.CodeVerifier.Length, 43, 128); // RFC 7636
        }
    }

    // ---- PKCE --------------------------------------------------------------------------------------------------

    [Fact]
    public void Authorization_link_carries_the_s256_challenge_of_the_verifier()
    {
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret", FactorialApp.OutOfBandRedirectUri));
        var request = oauth.Authorize(FactorialScope.Read);
        var query = System.Web.HttpUtility.ParseQueryString(request.Url.Query);

        var expected = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(request.CodeVerifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(expected, query["code_challenge"]);
    }

    [Theory]
    [InlineData("wrong verifier")]
    [InlineData("no verifier")]
    [InlineData("the challenge itself")]
    public async Task Token_exchange_with_a_wrong_or_missing_pkce_verifier_is_refused(string variant)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        var request = oauth.Authorize(FactorialScope.Read);
        var key = sandbox.Server.ApproveAuthorization(request.Url);
        var challenge = System.Web.HttpUtility.ParseQueryString(request.Url.Query)["code_challenge"]!;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = sandbox.App.ClientId,
            ["client_secret"] = sandbox.App.ClientSecret,
            ["code"] = key,
            ["redirect_uri"] = sandbox.App.RedirectUri,
        };
        if (variant != "no verifier")
        {
            form["code_verifier"] = variant == "wrong verifier" ? request.CodeVerifier[..^2] + "xy" : challenge;
        }

        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(sandbox.BaseAddress, "oauth/token"), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_grant", body, StringComparison.Ordinal);
        Assert.Contains("code_verifier", body, StringComparison.Ordinal);

        // The real verifier still works: a failed guess does not hand out a token.
        var token = await oauth.ObtainAccessTokenAsync(request, key);
        Assert.Equal(FactorialScope.Read, token.Scope);
    }

    [Fact]
    public async Task Plain_pkce_method_is_refused_by_the_authorize_endpoint()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var link = new Uri(sandbox.BaseAddress, $"oauth/authorize?client_id={sandbox.App.ClientId}&redirect_uri={Uri.EscapeDataString(sandbox.App.RedirectUri)}&response_type=code&scope=read&state=s&code_challenge={new string('a', 43)}&code_challenge_method=plain");

        var error = Assert.Throws<InvalidOperationException>(() => sandbox.Server.ApproveAuthorization(link));

        Assert.Contains("S256", error.Message, StringComparison.Ordinal);
    }

    // ---- redirect URI ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("{base}/callback/")]
    [InlineData("{base}/Callback")]
    [InlineData("{base}/callback?next=/admin")]
    [InlineData("{base}/callback#x")]
    [InlineData("http://localhost:{port}/callback")]
    [InlineData("https://127.0.0.1:{port}/callback")]
    public async Task Authorize_refuses_a_redirect_uri_that_is_not_exactly_a_registered_one(string redirect)
    {
        var port = TestSandbox.FreeLoopbackPort();
        var registered = $"http://127.0.0.1:{port}/callback";
        await using var sandbox = await TestSandbox.StartAsync(redirectUri: registered);
        var candidate = redirect.Replace("{base}", $"http://127.0.0.1:{port}", StringComparison.Ordinal).Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var link = new Uri(sandbox.BaseAddress, $"oauth/authorize?client_id={sandbox.App.ClientId}&redirect_uri={Uri.EscapeDataString(candidate)}&response_type=code&scope=read&state=s");

        var error = Assert.Throws<InvalidOperationException>(() => sandbox.Server.ApproveAuthorization(link));
        Assert.Contains("exactly", error.Message, StringComparison.Ordinal);

        // Over HTTP the page is an error, and nothing is redirected to the unregistered address.
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Headers.Location);
    }

    [Fact]
    public async Task Token_exchange_with_another_redirect_uri_than_the_authorization_is_refused_even_if_registered()
    {
        var port = TestSandbox.FreeLoopbackPort();
        var first = $"http://127.0.0.1:{port}/callback";
        var second = $"http://127.0.0.1:{port}/other";
        await using var sandbox = await TestSandbox.StartAsync(options =>
        {
            options.Clients.Clear();
            options.Clients.Add(new SandboxClient(SandboxClient.Default.ClientId, SandboxClient.Default.ClientSecret, [first, second]));
        });
        using var authorizing = new FactorialOAuth(sandbox.App with { RedirectUri = first }, new FactorialOAuthOptions { BaseAddress = sandbox.BaseAddress });
        using var exchanging = new FactorialOAuth(sandbox.App with { RedirectUri = second }, new FactorialOAuthOptions { BaseAddress = sandbox.BaseAddress });
        var link = new Uri(sandbox.BaseAddress, $"oauth/authorize?client_id={sandbox.App.ClientId}&redirect_uri={Uri.EscapeDataString(first)}&response_type=code&scope=read&state=s");
        var key = sandbox.Server.ApproveAuthorization(link);

        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => exchanging.ObtainAccessTokenAsync(key));

        Assert.Equal("invalid_grant", error.Error);
        Assert.Contains("redirect_uri", error.ErrorDescription, StringComparison.Ordinal);
        Assert.Equal(FactorialScope.Read, (await authorizing.ObtainAccessTokenAsync(key)).Scope); // the right one works
    }

    // ---- authorization keys are single-use ---------------------------------------------------------------------

    [Theory]
    [InlineData("refreshed")]
    [InlineData("revoked")]
    public async Task Authorization_key_is_refused_once_its_token_was_refreshed_or_revoked(string what)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        var request = oauth.Authorize(FactorialScope.Read);
        var key = sandbox.Server.ApproveAuthorization(request.Url);
        var token = await oauth.ObtainAccessTokenAsync(request, key);
        Assert.Equal(token.AccessToken, (await oauth.ObtainAccessTokenAsync(request, key)).AccessToken); // the seed's rule

        if (what == "refreshed")
        {
            await oauth.RefreshAccessTokenAsync(token);
        }
        else
        {
            await oauth.RevokeAsync(token);
        }

        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => oauth.ObtainAccessTokenAsync(request, key));
        Assert.Equal("invalid_grant", error.Error);
        Assert.Contains("already used", error.ErrorDescription, StringComparison.Ordinal);
    }

    // ---- base addresses ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("http://localhost.evil.example:5080")]
    [InlineData("http://127.0.0.1.nip.io:5080")]
    [InlineData("http://127.0.0.1@evil.example")]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://169.254.169.254")]
    [InlineData("ws://127.0.0.1:5080")]
    [InlineData("file:///tmp/factorial")]
    public void Non_https_base_addresses_are_refused_everywhere_credentials_go(string address)
    {
        var uri = new Uri(address);
        var app = new FactorialApp("id", "secret", FactorialApp.OutOfBandRedirectUri);
        var token = FactorialToken.FromAccessToken("token", FactorialScope.Read);

        Assert.Throws<ArgumentException>(() => new FactorialOAuth(app, new FactorialOAuthOptions { BaseAddress = uri }));
        Assert.Throws<ArgumentException>(() => new FactorialConnection(new FactorialApiKey("k"), new FactorialClientOptions { BaseAddress = uri }));
        Assert.Throws<ArgumentException>(() => new FactorialConnection(token, options: new FactorialClientOptions { BaseAddress = uri }));
        Assert.Throws<ArgumentException>(() => new FactorialAuthHandler(new FactorialApiKey("k"), uri));
        Assert.Throws<ArgumentException>(() => new FactorialAuthHandler(new FactorialTokenSource(token), uri));
        using var http = new HttpClient();
        Assert.Throws<ArgumentException>(() => new FactorialConnection(http, new FactorialClientOptions { BaseAddress = uri }));
    }

    [Theory]
    [InlineData("http://127.0.0.2:5080")]
    [InlineData("http://127.1:5080")]
    [InlineData("https://api.demo.factorial.dev")]
    public void Https_and_every_loopback_address_are_accepted(string address)
    {
        using var connection = new FactorialConnection(new FactorialApiKey("k"), new FactorialClientOptions { BaseAddress = new Uri(address) });
        Assert.NotNull(connection.Options.BaseAddress);
    }

    [Fact]
    public void Relative_base_address_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new FactorialConnection(new FactorialApiKey("k"), new FactorialClientOptions { BaseAddress = new Uri("/api", UriKind.Relative) }));
    }

    // ---- credentials never leave the configured host -----------------------------------------------------------

    [Theory]
    [InlineData(HttpStatusCode.Found, "bearer")]
    [InlineData(HttpStatusCode.TemporaryRedirect, "bearer")]
    [InlineData(HttpStatusCode.PermanentRedirect, "api key")]
    [InlineData(HttpStatusCode.MovedPermanently, "api key")]
    public async Task Redirect_to_another_host_is_not_followed_through_a_canned_primary_handler(HttpStatusCode status, string credential)
    {
        var handler = CannedHandler.Redirect(status, new Uri("https://evil.example/steal"));
        var options = new FactorialClientOptions { BaseAddress = new Uri("https://api.factorialhr.com"), PrimaryHandler = handler };
        using var connection = credential == "api key"
            ? new FactorialConnection(new FactorialApiKey("key-123"), options)
            : new FactorialConnection(FactorialToken.FromAccessToken("token-123", FactorialScope.Read), options: options);

        var error = await Assert.ThrowsAsync<FactorialApiException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees")));

        Assert.Equal(status, error.StatusCode);
        var only = Assert.Single(handler.Requests);
        Assert.Equal("api.factorialhr.com", only.Host);
    }

    [Theory]
    [InlineData("bearer", 302)]
    [InlineData("bearer", 307)]
    [InlineData("api key", 302)]
    [InlineData("api key", 308)]
    public async Task Redirect_to_another_host_is_not_followed_by_the_default_handler_and_the_other_host_gets_nothing(string credential, int status)
    {
        using var other = new OneShotServer(_ => "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        using var api = new OneShotServer(_ => $"HTTP/1.1 {status} Moved\r\nLocation: {other.BaseAddress}steal\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        var options = new FactorialClientOptions { BaseAddress = api.BaseAddress, ApiVersion = "2026-07-01" };
        using var connection = credential == "api key"
            ? new FactorialConnection(new FactorialApiKey("key-123"), options)
            : new FactorialConnection(FactorialToken.FromAccessToken("token-123", FactorialScope.Read), options: options);

        var error = await Assert.ThrowsAsync<FactorialApiException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees")));

        Assert.Equal(status, (int)error.StatusCode);
        var request = await api.Request.WaitAsync(Guard);
        Assert.Contains(credential == "api key" ? "x-api-key: key-123" : "Authorization: Bearer token-123", request, StringComparison.OrdinalIgnoreCase);
        Assert.False(other.WasContacted, "the client followed the redirect to another host");
    }

    [Fact]
    public async Task Api_key_does_not_follow_a_redirect_even_through_a_caller_pipeline_whose_handler_follows_redirects()
    {
        using var other = new OneShotServer(request => "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        using var api = new OneShotServer(_ => $"HTTP/1.1 302 Found\r\nLocation: {other.BaseAddress}steal\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var http = new HttpClient(new FactorialAuthHandler(new FactorialApiKey("key-123"), api.BaseAddress) { InnerHandler = new SocketsHttpHandler() }); // AllowAutoRedirect = true
        using var connection = new FactorialConnection(http, new FactorialClientOptions { BaseAddress = api.BaseAddress });

        try
        {
            await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"));
        }
        catch (FactorialException)
        {
            // Refusing is fine; sending the key to the other host is not.
        }

        Assert.False(other.WasContacted && (await other.Request.WaitAsync(Guard)).Contains("key-123", StringComparison.Ordinal), "the API key followed a redirect to another host");
    }

    [Fact]
    public async Task Token_endpoint_redirect_is_not_followed_and_the_client_secret_stays_home()
    {
        using var other = new OneShotServer(_ => "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var api = new OneShotServer(_ => $"HTTP/1.1 307 Moved\r\nLocation: {other.BaseAddress}oauth/token\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var oauth = new FactorialOAuth(new FactorialApp("id", "secret-123", FactorialApp.OutOfBandRedirectUri), new FactorialOAuthOptions { BaseAddress = api.BaseAddress });

        var error = await Assert.ThrowsAsync<FactorialAuthException>(() => oauth.ObtainAccessTokenAsync("some-key"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.False(other.WasContacted, "the client secret followed the redirect to another host");
    }

    private static string RepositoryFile(string relative, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", relative));

    /// <summary>A raw HTTP/1.1 responder on a loopback port: answers the first request, keeps its head, notes any other connection.</summary>
    private sealed class OneShotServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly TaskCompletionSource<string> _request = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Func<string, string> _answer;
        private int _accepted;

        public OneShotServer(Func<string, string> answer)
        {
            _answer = answer;
            _listener.Start();
            BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            _ = ServeAsync();
        }

        public Uri BaseAddress { get; }

        public Task<string> Request => _request.Task;

        /// <summary>Whether any connection came (answered, or still waiting in the backlog).</summary>
        public bool WasContacted => Volatile.Read(ref _accepted) == 1 || _listener.Pending();

        public void Dispose()
        {
            _listener.Stop();
            _listener.Dispose();
        }

        private async Task ServeAsync()
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync();
                Volatile.Write(ref _accepted, 1); // before answering: a client that got the answer finds it set
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[4096];
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer);
                    if (read == 0)
                    {
                        break;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                var bytes = Encoding.ASCII.GetBytes(_answer(head.ToString()));
                await stream.WriteAsync(bytes);
                _request.TrySetResult(head.ToString());
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException or InvalidOperationException)
            {
                _request.TrySetException(ex);
            }
        }
    }
}
