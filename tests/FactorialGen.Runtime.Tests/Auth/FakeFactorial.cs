using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FactorialGen.Tests.Auth;

/// <summary>
/// A Factorial played by a <see cref="HostileServer"/>: <c>/oauth/token</c> issues <c>access-N</c>/<c>refresh-N</c> (or
/// whatever <see cref="TokenAnswer"/> says) and counts the grants; every other path is the API, answered by
/// <see cref="ApiAnswer"/> (by default 200 to the last access token issued, 401 to anything else).
/// </summary>
internal sealed class FakeFactorial : IAsyncDisposable
{
    public const string ClientSecret = "cs-SECRET-client";

    private int _grants;
    private string? _lastAccessToken;

    private FakeFactorial(HostileServer server, FakeTimeProvider time)
    {
        Server = server;
        Time = time;
        TokenAnswer = n => Issue(n);
        ApiAnswer = DefaultApiAsync;
        server.Handle(HandleAsync);
    }

    public HostileServer Server { get; }

    public FakeTimeProvider Time { get; }

    public Uri BaseAddress => Server.BaseAddress;

    public static FactorialApp App => new("client-id", ClientSecret, FactorialApp.OutOfBandRedirectUri);

    /// <summary>Grants the token endpoint answered so far.</summary>
    public int Grants => Volatile.Read(ref _grants);

    /// <summary>The JSON body of the N-th grant (1-based).</summary>
    public Func<int, string> TokenAnswer { get; set; }

    /// <summary>Answers every request that is not to <c>/oauth/…</c>; gets the bearer token sent, if any.</summary>
    public Func<HttpContext, string?, Task> ApiAnswer { get; set; }

    /// <summary>Runs before the token endpoint answers (to hold the answer, say).</summary>
    public Func<HttpContext, Task>? BeforeTokenAnswer { get; set; }

    public static async Task<FakeFactorial> StartAsync(FakeTimeProvider? time = null) =>
        new(await HostileServer.StartAsync(), time ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));

    /// <summary>A token answer: <c>access-N</c>/<c>refresh-N</c>, created now (shifted by <paramref name="clockSkew"/>).</summary>
    public string Issue(int n, long expiresIn = 7200, TimeSpan clockSkew = default) =>
        $$"""{"access_token":"access-{{n}}","token_type":"Bearer","expires_in":{{expiresIn}},"refresh_token":"refresh-{{n}}","scope":"read write","created_at":{{(Time.GetUtcNow() + clockSkew).ToUnixTimeSeconds()}}}""";

    /// <summary>Options for a connection to this server, refreshing with <see cref="App"/> on the fake clock.</summary>
    public FactorialClientOptions ClientOptions() => new() { BaseAddress = BaseAddress, App = App, TimeProvider = Time };

    /// <summary>A token pair issued earlier: expired by default.</summary>
    public FactorialToken Token(string access = "access-0", string refresh = "refresh-0", TimeSpan? expiresIn = null) =>
        new(access, refresh, FactorialScope.ReadWrite, Time.GetUtcNow() - TimeSpan.FromHours(3), Time.GetUtcNow() + (expiresIn ?? TimeSpan.FromMinutes(-1)));

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path == "/oauth/token")
        {
            if (BeforeTokenAnswer is { } before)
            {
                await before(context);
            }

            var n = Interlocked.Increment(ref _grants);
            var body = TokenAnswer(n);
            Volatile.Write(ref _lastAccessToken, $"access-{n}");
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
            return;
        }

        if (path == "/oauth/revoke")
        {
            context.Response.StatusCode = 200;
            return;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        await ApiAnswer(context, authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null);
    }

    private async Task DefaultApiAsync(HttpContext context, string? bearer)
    {
        var current = Volatile.Read(ref _lastAccessToken);
        context.Response.ContentType = "application/json";
        if (bearer is not null && bearer == current)
        {
            await context.Response.WriteAsync("""{"ok":true}""");
        }
        else
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{"error":"invalid_token"}""");
        }
    }

    /// <summary>Formats a number the way a JSON writer would.</summary>
    public static string Json(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
