using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FactorialGen.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.Client.Tests;

/// <summary>
/// The resource-scope guard on the generated client's construction paths (plain <c>new</c>, DI
/// <c>AddFactorialClient&lt;T&gt;</c>), against the sandbox: a call outside the token's resource scopes throws and sends
/// nothing. The requests are built by hand (<see cref="FactorialRequest.RequiredResource"/>) so the test does not
/// depend on what the generator emits.
/// </summary>
public sealed class ResourceScopeGuardClientTests
{
    private static FactorialRequest Shifts() =>
        new(HttpMethod.Get, "attendance/shifts") { PathTemplate = "attendance/shifts", RequiredResource = FactorialResourceScopes.TimeTracking };

    private static FactorialRequest Employees() =>
        new(HttpMethod.Get, "employees/employees") { PathTemplate = "employees/employees", RequiredResource = FactorialResourceScopes.Employees };

    private static async Task<FactorialToken> EmployeesTokenAsync(TestSandbox sandbox)
    {
        using var oauth = sandbox.CreateOAuth();
        var request = oauth.Authorize(FactorialScope.ReadWrite, FactorialResourceScopes.Employees);
        return await oauth.ObtainAccessTokenAsync(request, sandbox.Server.ApproveAuthorization(request.Url));
    }

    [Fact]
    public async Task Generated_client_built_with_new_refuses_a_time_tracking_call_with_an_employees_token()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await EmployeesTokenAsync(sandbox);
        using var admin = new HrAdmin(token, options: sandbox.ClientOptions());
        var before = sandbox.Server.Stats.ResourceRequests;

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => admin.Connection.SendJsonAsync(Shifts()));

        Assert.Null(error.StatusCode);
        Assert.Equal(FactorialResourceScopes.TimeTracking, error.RequiredResource);
        Assert.Equal(before, sandbox.Server.Stats.ResourceRequests);
        await admin.Connection.SendJsonAsync(Employees());
        Assert.Equal(before + 1, sandbox.Server.Stats.ResourceRequests);
    }

    [Fact]
    public async Task Client_from_AddFactorialClient_refuses_it_too()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await EmployeesTokenAsync(sandbox);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Factorial:BaseAddress"] = sandbox.BaseAddress.AbsoluteUri,
            ["Factorial:ClientId"] = sandbox.App.ClientId,
            ["Factorial:ClientSecret"] = sandbox.App.ClientSecret,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ITokenStore>(new InMemoryTokenStore(token));
        services.AddFactorialClient<HrAdmin>(options => options.RetryDelay = TimeSpan.FromMilliseconds(10));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var admin = provider.GetRequiredService<HrAdmin>();
        var before = sandbox.Server.Stats.ResourceRequests;

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => admin.Connection.SendJsonAsync(Shifts()));

        Assert.Null(error.StatusCode);
        Assert.Equal(FactorialResourceScopes.TimeTracking, error.RequiredResource);
        Assert.Equal("time_tracking", error.MissingScope);
        Assert.Equal(before, sandbox.Server.Stats.ResourceRequests);
        await admin.Connection.SendJsonAsync(Employees());
        Assert.Equal(before + 1, sandbox.Server.Stats.ResourceRequests);
    }

    [Fact]
    public async Task Client_from_AddFactorialClient_maps_the_sandbox_403_for_a_token_without_known_resource_scopes()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var granted = await EmployeesTokenAsync(sandbox);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Factorial:BaseAddress"] = sandbox.BaseAddress.AbsoluteUri,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ITokenStore>(new InMemoryTokenStore(FactorialToken.FromAccessToken(granted.AccessToken, FactorialScope.ReadWrite)));
        services.AddFactorialClient<HrAdmin>(options => options.RetryDelay = TimeSpan.FromMilliseconds(10));
        await using var provider = services.BuildServiceProvider();
        var admin = provider.GetRequiredService<HrAdmin>();

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() => admin.Connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "attendance/shifts")));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(FactorialResourceScopes.TimeTracking, error.RequiredResource);
        Assert.Contains("'time_tracking'", error.Message, StringComparison.Ordinal);
    }
}
