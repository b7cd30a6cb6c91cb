using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using FactorialGen.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace FactorialGen.Testing;

/// <summary>Starts a real sandbox on loopback for one test and builds clients against it (shared by the test projects).</summary>
internal sealed class TestSandbox : IAsyncDisposable
{
    private TestSandbox(FactorialSandbox server, FakeTimeProvider time, FactorialApp app)
    {
        Server = server;
        Time = time;
        App = app;
    }

    public FactorialSandbox Server { get; }

    public FakeTimeProvider Time { get; }

    public FactorialApp App { get; }

    public Uri BaseAddress => Server.BaseAddress;

    public static async Task<TestSandbox> StartAsync(Action<SandboxOptions>? configure = null, string? redirectUri = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var options = new SandboxOptions { TimeProvider = time };
        var app = new FactorialApp(SandboxClient.Default.ClientId, SandboxClient.Default.ClientSecret, redirectUri ?? FactorialApp.OutOfBandRedirectUri);
        if (redirectUri is not null)
        {
            options.Clients.Clear();
            options.Clients.Add(new SandboxClient(app.ClientId, app.ClientSecret, [redirectUri]));
        }

        configure?.Invoke(options);
        var server = await FactorialSandbox.StartAsync(options);
        return new TestSandbox(server, time, app);
    }

    public FactorialOAuth CreateOAuth() =>
        new(App, new FactorialOAuthOptions { BaseAddress = BaseAddress, TimeProvider = Time });

    public FactorialClientOptions ClientOptions(string apiVersion = "2026-07-01") => new()
    {
        BaseAddress = BaseAddress,
        ApiVersion = apiVersion,
        App = App,
        TimeProvider = Time,
    };

    /// <summary>Runs the whole authorization: link, the user's approval in the sandbox, exchange.</summary>
    public async Task<FactorialToken> AuthorizeAsync(FactorialScope scope, FactorialResourceOwner owner = FactorialResourceOwner.User)
    {
        using var oauth = CreateOAuth();
        var request = oauth.Authorize(scope, owner);
        var key = Server.ApproveAuthorization(request.Url);
        return await oauth.ObtainAccessTokenAsync(request, key);
    }

    public static int FreeLoopbackPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
