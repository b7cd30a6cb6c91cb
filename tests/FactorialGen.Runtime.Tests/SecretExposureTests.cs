using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// The secret-bearing types and the error paths of the token store, the loopback listener and the console flow never
/// show a secret: every message, <c>ToString()</c>, inner exception, answer page and log line they produce is searched
/// for the secrets that went through them.
/// </summary>
public sealed class SecretExposureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"factorialgen-exposure-{Guid.NewGuid():N}");
    private readonly SecretScan _scan = new();

    public SecretExposureTests() => Directory.CreateDirectory(_folder);

    private string NewSecret(string kind) => _scan.Secret($"{kind}{Guid.NewGuid():N}");

    [Fact]
    public void ToString_of_app_api_key_token_and_authorization_request_shows_no_secret()
    {
        var clientSecret = NewSecret("cs");
        var apiKey = NewSecret("ak");
        var access = NewSecret("at");
        var refresh = NewSecret("rt");
        var app = new FactorialApp("client", clientSecret, FactorialApp.OutOfBandRedirectUri);
        using var oauth = new FactorialOAuth(app);
        var request = oauth.Authorize(FactorialScope.ReadWrite);
        _scan.Secret(request.CodeVerifier);

        _scan.Text("app", app.ToString());
        _scan.Text("app with", (app with { ClientId = "other" }).ToString());
        _scan.Text("api key", new FactorialApiKey(apiKey).ToString());
        _scan.Text("token", new FactorialToken(access, refresh, FactorialScope.Read, DateTimeOffset.UnixEpoch, null).ToString());
        _scan.Text("token fingerprint", new FactorialToken(access, refresh, FactorialScope.Read, DateTimeOffset.UnixEpoch, null).Fingerprint);
        _scan.Text("authorization request", request.ToString());
        _scan.Text("oauth", oauth.ToString());
        _scan.Text("memory store", new InMemoryTokenStore(new FactorialToken(access, refresh, FactorialScope.Read, DateTimeOffset.UnixEpoch, null)).ToString());

        _scan.AssertClean();
        Assert.Contains("ClientSecret = ***", app.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("property name")]
    [InlineData("truncated value")]
    [InlineData("unquoted value")]
    [InlineData("incomplete token")]
    [InlineData("oversized")]
    public async Task Token_store_errors_over_a_file_full_of_secrets_show_none_of_them(string corruption)
    {
        var secret = NewSecret("rt");
        var path = Path.Combine(_folder, "token.json");
        var content = corruption switch
        {
            "property name" => $"{{\"access_token\":\"a\",\"{secret}\": }}",
            "truncated value" => $"{{\"refresh_token\":\"{secret}",
            "unquoted value" => $"{{\"refresh_token\":{secret}}}",
            "incomplete token" => $"{{\"refresh_token\":\"{secret}\"}}",
            "oversized" => $"{{\"refresh_token\":\"{secret}\",\"pad\":\"{new string('x', FileTokenStore.MaxFileBytes)}\"}}",
            _ => throw new ArgumentOutOfRangeException(nameof(corruption)),
        };
        File.WriteAllText(path, content);
        using var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        var store = new FileTokenStore(path, Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<FileTokenStore>(factory));

        _scan.Error("load", await Assert.ThrowsAsync<FactorialTokenStoreException>(() => store.LoadAsync()));
        await store.SaveAsync(ChildProgram.Pair("new"));
        _scan.Text("store", store.ToString());
        foreach (var text in logs.AllText())
        {
            _scan.Text("log", text);
        }

        _scan.AssertClean();
        Assert.True(Directory.GetFiles(_folder, "token.json.corrupt-*").Length == 1, "the corrupt file was kept aside");
    }

    [Fact]
    public async Task Lock_and_write_failures_show_no_secret()
    {
        var store = new FileTokenStore(Path.Combine(_folder, "token.json"));
        File.CreateSymbolicLink(store.LockPath, Path.Combine(_folder, "victim"));
        var access = NewSecret("at");
        var refresh = NewSecret("rt");
        var token = new FactorialToken(access, refresh, FactorialScope.Read, DateTimeOffset.UnixEpoch, null);
        File.WriteAllText(Path.Combine(_folder, "file"), "x");

        _scan.Error("lock", await Assert.ThrowsAsync<FactorialTokenStoreException>(async () => await store.AcquireLockAsync()));
        _scan.Error("save", await Assert.ThrowsAsync<FactorialTokenStoreException>(() => new FileTokenStore(Path.Combine(_folder, "file", "token.json")).SaveAsync(token)));

        _scan.AssertClean();
    }

    [Fact]
    public async Task Loopback_listener_pages_and_errors_show_no_code_or_state()
    {
        var port = TestSandbox.FreeLoopbackPort();
        using var oauth = new FactorialOAuth(new FactorialApp("id", NewSecret("cs"), $"http://127.0.0.1:{port}/callback"));
        var request = oauth.Authorize(FactorialScope.Read);
        _scan.Secret(request.State);
        _scan.Secret(request.CodeVerifier);
        var code = NewSecret("code");
        using var browser = new HttpClient();

        using (var listener = FactorialLoopbackListener.Start(request))
        {
            var waiting = listener.WaitForAuthorizationKeyAsync(TimeSpan.FromSeconds(60));
            foreach (var stray in new[] { $"/other?code={code}&state={request.State}", $"/callback?code={code}", $"/callback?code={code}&state={request.State}x" })
            {
                _scan.Text($"page {stray[..6]}", await (await browser.GetAsync($"http://127.0.0.1:{port}{stray}")).Content.ReadAsStringAsync());
            }

            var denied = await browser.GetAsync($"http://127.0.0.1:{port}/callback?error=access_denied&code={code}&state={request.State}");
            _scan.Text("denied page", await denied.Content.ReadAsStringAsync());
            _scan.Error("denied", await Assert.ThrowsAsync<FactorialAuthException>(() => waiting));
        }

        using (var listener = FactorialLoopbackListener.Start(request))
        {
            var waiting = listener.WaitForAuthorizationKeyAsync(TimeSpan.FromSeconds(60));
            var page = await browser.GetAsync($"http://127.0.0.1:{port}/callback?code={code}&state={request.State}");
            _scan.Text("granted page", await page.Content.ReadAsStringAsync());
            Assert.Equal(code, await waiting);
        }

        _scan.AssertClean();
    }

    [Fact]
    public async Task Console_flow_with_a_refused_key_shows_neither_the_key_nor_the_client_secret()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var oauth = sandbox.CreateOAuth();
        _scan.Secret(sandbox.App.ClientSecret);
        var key = NewSecret("key");
        var output = new StringWriter();

        var error = await Assert.ThrowsAnyAsync<FactorialException>(() => oauth.AuthorizeFromConsoleAsync(FactorialScope.Read, new StringReader($"\n  {key}  \n"), output));

        _scan.Error("console", error);
        _scan.Text("console output", output.ToString());
        _scan.AssertClean();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
