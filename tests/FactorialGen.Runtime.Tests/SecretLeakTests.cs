using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FactorialGen.Sandbox;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FactorialGen.Tests;

/// <summary>
/// Runs the whole seed flow (authorize, exchange, list, write, refresh, revoke) and the faults around it with every
/// log level captured, then searches every log line, exception message, <c>ToString()</c> and error field for the
/// secrets that went by: access and refresh tokens, the client secret, the API key, authorization keys, PKCE verifiers.
/// </summary>
public sealed class SecretLeakTests(ITestOutputHelper output)
{
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly List<(string Where, string Text)> _texts = [];
    private readonly List<Exception> _errors = [];

    [Fact]
    public async Task No_token_key_or_secret_appears_in_any_log_line_exception_or_ToString()
    {
        var clientSecret = $"client-secret-{Guid.NewGuid():N}";
        var app = new FactorialApp("leak-test-client", clientSecret, FactorialApp.OutOfBandRedirectUri);
        Secret(clientSecret);
        await using var sandbox = await TestSandbox.StartAsync(options =>
        {
            options.Clients.Clear();
            options.Clients.Add(new SandboxClient(app.ClientId, clientSecret, [FactorialApp.OutOfBandRedirectUri]));
        });
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateFactory();
        using var folder = new TempFolder();
        using var oauth = new FactorialOAuth(app, new FactorialOAuthOptions { BaseAddress = sandbox.BaseAddress, TimeProvider = sandbox.Time, LoggerFactory = loggerFactory });
        FactorialClientOptions Options(HttpMessageHandler? handler = null) => new()
        {
            BaseAddress = sandbox.BaseAddress,
            App = app,
            TimeProvider = sandbox.Time,
            LoggerFactory = loggerFactory,
            PrimaryHandler = handler,
        };

        // Authorize and exchange, plus the ways an exchange goes wrong.
        var request = oauth.Authorize(FactorialScope.ReadWrite);
        Secret(request.CodeVerifier);
        var key = sandbox.Server.ApproveAuthorization(request.Url);
        Secret(key);
        Text("authorization request", request.ToString());
        Text("authorization link", request.Url.AbsoluteUri);
        await Fails(() => oauth.ObtainAccessTokenAsync(request, key + "x"));
        using (var wrongSecret = new FactorialOAuth(app with { ClientSecret = clientSecret + "-wrong" }, new FactorialOAuthOptions { BaseAddress = sandbox.BaseAddress, LoggerFactory = loggerFactory }))
        {
            Secret(clientSecret + "-wrong");
            await Fails(() => wrongSecret.ObtainAccessTokenAsync(request, key));
        }

        var token = Token(await oauth.ObtainAccessTokenAsync(request, key));
        Token(await oauth.ObtainAccessTokenAsync(request, key));

        // Keep it in a file, list, write.
        var store = new FileTokenStore(folder.File("token.json"), loggerFactory.CreateLogger<FileTokenStore>());
        await store.SaveAsync(token);
        using var faults = new FaultHandler();
        using var connection = new FactorialConnection(token, store, Options(faults));
        connection.TokenSource!.TokenRefreshed += (_, refreshed) => Token(refreshed);
        var employees = 0;
        await foreach (var _ in connection.ListAllAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee, new FactorialPaging { Limit = 50 }))
        {
            employees++;
        }

        await connection.SendJsonAsync(Write("attendance/shifts/clock_in"));
        await Fails(() => connection.SendJsonAsync(Write("attendance/shifts/clock_in"))); // already clocked in
        await connection.SendJsonAsync(Write("attendance/shifts/clock_out"));
        await Fails(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees/999999")));
        sandbox.Server.Control.FailNextResourceRequests(1, 429, TimeSpan.FromSeconds(3));
        await Fails(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials")));

        // Refresh: ahead of expiry, after a 401, on request; and every way a refresh fails.
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime - TimeSpan.FromMinutes(1));
        await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials"));
        var believed = connection.TokenSource.Current!;
        using (var trusting = new FactorialConnection(new FactorialToken(believed.AccessToken, believed.RefreshToken, believed.Scope, believed.CreatedAt, null), new InMemoryTokenStore(), Options()))
        {
            trusting.TokenSource!.TokenRefreshed += (_, refreshed) => Token(refreshed);
            sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));
            await trusting.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials")); // 401, refresh, retry
            await Fails(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials"))); // its token was spent by the other one
            Token(trusting.TokenSource.Current!);
        }

        using var second = new FactorialConnection(Token(await SaveNewAuthorizationAsync(sandbox, oauth, store)), store, Options(faults));
        second.TokenSource!.TokenRefreshed += (_, refreshed) => Token(refreshed);
        Token(await second.TokenSource.RefreshAsync());
        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromSeconds(1));
        sandbox.Server.Control.TokenEndpointFailureStatus = 503;
        await Fails(() => second.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials")));
        sandbox.Server.Control.TokenEndpointFailureStatus = null;
        faults.Intercept = FaultHandler.NetworkErrorAt("/oauth/token");
        sandbox.Time.Advance(TimeSpan.FromSeconds(5));
        await Fails(() => second.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials")));
        faults.Intercept = null;
        await File.WriteAllTextAsync(store.Path, "{\"access_token\": \"half-writ");
        sandbox.Time.Advance(TimeSpan.FromSeconds(10));
        await second.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials")); // saves over the corrupt file
        await File.WriteAllTextAsync(folder.File("not-json.json"), "nope");
        await Fails(() => new FileTokenStore(folder.File("not-json.json")).LoadAsync());
        await using (await store.AcquireLockAsync())
        {
            store.LockTimeout = TimeSpan.FromMilliseconds(50);
            await Fails(() => second.TokenSource.RefreshAsync());
            store.LockTimeout = TimeSpan.FromSeconds(30);
        }

        // Scope refusal, bad answers, an API key.
        var readOnly = Token(await SaveNewAuthorizationAsync(sandbox, oauth, null, FactorialScope.Read));
        using (var reader = new FactorialConnection(readOnly, options: Options()))
        {
            await Fails(() => reader.SendJsonAsync(Write("attendance/shifts/clock_in")));
        }

        using (var canned = new FactorialConnection(readOnly, options: Options(new CannedHandler(HttpStatusCode.OK, "{\"data\": [1, 2"))))
        {
            await Fails(() => canned.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), TestJsonContext.Default.TestEmployee));
        }

        var apiKey = new FactorialApiKey(sandbox.Server.IssueApiKey());
        Secret(apiKey.Value);
        Text("api key", apiKey.ToString());
        using (var withKey = new FactorialConnection(apiKey, Options()))
        {
            await withKey.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials"));
            await Fails(() => withKey.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees/0")));
        }

        using (var wrongKey = new FactorialConnection(new FactorialApiKey(apiKey.Value + "-wrong"), Options()))
        {
            Secret(apiKey.Value + "-wrong");
            await Fails(() => wrongKey.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials")));
        }

        // Revoke, and what fails after it.
        var last = second.TokenSource.Current!;
        await oauth.RevokeAsync(last);
        await Fails(() => oauth.RefreshAccessTokenAsync(last));
        await Fails(() => second.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "api_public/credentials")));

        // Everything the program or its operator could ever see.
        foreach (var entry in logs.Entries)
        {
            foreach (var text in entry.Texts())
            {
                Text($"log {entry.Level} {entry.EventId.Id}", text);
            }
        }

        foreach (var error in _errors)
        {
            Describe(error);
        }

        Text("token", token.ToString());
        Text("app", app.ToString());
        Text("store", store.ToString());
        Text("connection options", connection.Options.ToString()!);

        Assert.Empty(from secret in _secrets
                     from text in _texts
                     where text.Text.Contains(secret, StringComparison.Ordinal)
                     select $"{text.Where}: {text.Text}");

        // The run did go through the paths that log and throw.
        var events = logs.Entries.Select(e => e.EventId.Id).ToHashSet();
        Assert.Superset(new HashSet<int> { 1, 2, 3, 10, 11, 12, 13, 16, 18, 20, 30 }, events);
        Assert.True(employees > 100);
        output.WriteLine($"{_secrets.Count} secrets searched for in {_texts.Count} texts ({logs.Entries.Count} log entries, {_errors.Count} exceptions)");
    }

    private static FactorialRequest Write(string path) =>
        new FactorialRequest(HttpMethod.Post, path) { PathTemplate = path }
            .WithJsonBody(new TestClockIn(1, "2026-03-02T09:00:00Z"), TestJsonContext.Default.TestClockIn);

    private static async Task<FactorialToken> SaveNewAuthorizationAsync(TestSandbox sandbox, FactorialOAuth oauth, FileTokenStore? store, FactorialScope scope = FactorialScope.ReadWrite)
    {
        var request = oauth.Authorize(scope);
        var token = await oauth.ObtainAccessTokenAsync(request, sandbox.Server.ApproveAuthorization(request.Url));
        if (store is not null)
        {
            await store.SaveAsync(token);
        }

        return token;
    }

    private FactorialToken Token(FactorialToken token)
    {
        lock (_secrets)
        {
            Secret(token.AccessToken);
            if (token.RefreshToken is not null)
            {
                Secret(token.RefreshToken);
            }

            Text("token", token.ToString());
        }

        return token;
    }

    private void Secret(string secret)
    {
        Assert.True(secret.Length >= 12, "a secret long enough not to match by chance");
        _secrets.Add(secret);
    }

    private void Text(string where, string text)
    {
        lock (_texts)
        {
            _texts.Add((where, text));
        }
    }

    private async Task Fails(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex)
        {
            Assert.IsAssignableFrom<FactorialException>(ex);
            _errors.Add(ex);
            return;
        }

        Assert.Fail("The call was expected to fail.");
    }

    private void Describe(Exception error)
    {
        var type = error.GetType().Name;
        Text(type, error.Message);
        Text(type, error.ToString());
        switch (error)
        {
            case FactorialApiException api:
                Text(type, $"{api.Method} {api.Path} {api.ErrorCode} {api.ErrorMessage} {api.ResponseBody}");
                break;
            case FactorialAuthException auth:
                Text(type, $"{auth.Error} {auth.ErrorDescription} {auth.StatusCode}");
                break;
            case FactorialScopeException scope:
                Text(type, $"{scope.Method} {scope.Path} {scope.ResponseBody}");
                break;
            case FactorialInvalidResponseException invalid:
                Text(type, $"{invalid.Method} {invalid.Path}");
                break;
            case FactorialNetworkException network:
                Text(type, $"{network.Method} {network.Path}");
                break;
            case FactorialTokenStoreException store:
                Text(type, store.StorePath ?? string.Empty);
                break;
        }

        if (error.InnerException is { } inner)
        {
            Describe(inner);
        }
    }
}
