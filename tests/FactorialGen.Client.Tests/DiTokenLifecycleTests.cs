using System;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Client.Tests.FactorialApi;
using FactorialGen.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.Client.Tests;

/// <summary>
/// The token lifecycle through <c>AddFactorialClient</c>: disposing the service provider while a refresh is in flight
/// still saves the rotated pair the server issued (the server already spent the old refresh token).
/// </summary>
public sealed class DiTokenLifecycleTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Disposing_the_provider_while_a_refresh_is_in_flight_still_saves_the_rotated_pair()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await HostileServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/oauth/token")
            {
                arrived.TrySetResult();
                await release.Task.WaitAsync(Guard);
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"access_token":"access-1","token_type":"Bearer","expires_in":7200,"refresh_token":"refresh-1","scope":"read write"}""");
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("[]");
        });
        var expired = new FactorialToken("access-0", "refresh-0", FactorialScope.ReadWrite, DateTimeOffset.UtcNow.AddHours(-3), DateTimeOffset.UtcNow.AddHours(-1));
        var store = new SavedTokenStore(expired);
        var services = new ServiceCollection();
        services.AddSingleton<ITokenStore>(store);
        services.AddFactorialClient<HrReports>(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.ClientId = "client-id";
            options.ClientSecret = "cs-SECRET-client";
            options.EnableResilience = false;
        });
        var provider = services.BuildServiceProvider();

        var call = provider.GetRequiredService<HrReports>().ApiPublic.Credentials.ListAsync();
        await arrived.Task.WaitAsync(Guard);
        // Disposal starts while the refresh is held (the resilience pipeline's disposal waits for calls in flight, so it
        // cannot finish before the server answers); the server answers only after disposal began.
        var disposing = provider.DisposeAsync().AsTask();
        release.SetResult();
        var saved = await store.Saved.WaitAsync(Guard);
        await disposing.WaitAsync(Guard);
        try
        {
            await call.WaitAsync(Guard);
        }
        catch (Exception ex) when (ex is FactorialException or ObjectDisposedException or OperationCanceledException)
        {
            // The call may fail: its client is gone. The rotated pair must not be.
        }

        Assert.Equal("access-1", saved.AccessToken);
        Assert.Equal("refresh-1", saved.RefreshToken);
    }

    private sealed class SavedTokenStore(FactorialToken token) : ITokenStore
    {
        private readonly TaskCompletionSource<FactorialToken> _saved = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile FactorialToken? _token = token;

        public Task<FactorialToken> Saved => _saved.Task;

        public Task<FactorialToken?> LoadAsync(CancellationToken cancellationToken = default) => Task.FromResult(_token);

        public Task SaveAsync(FactorialToken token, CancellationToken cancellationToken = default)
        {
            _token = token;
            _saved.TrySetResult(token);
            return Task.CompletedTask;
        }

        public Task ClearAsync(CancellationToken cancellationToken = default)
        {
            _token = null;
            return Task.CompletedTask;
        }
    }
}
