using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using FactorialGen.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.Tests;

/// <summary><c>services.AddFactorialClient&lt;Hr&gt;().AddRedisTokenStore(connectionString, key)</c> against the sandbox and a real Redis.</summary>
public sealed class RedisTokenStoreDependencyInjectionTests
{
    [Fact]
    public async Task Client_registered_with_a_redis_token_store_reads_refreshes_and_saves_the_pair_in_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var key = $"factorial:company-{Guid.NewGuid():N}";
        var issued = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var protector = new EphemeralDataProtectionProvider().CreateProtector("FactorialGen.Redis");
        await using (var seed = new RedisTokenStore(redis.ConnectionString, key, new RedisTokenStoreOptions { DataProtector = protector }))
        {
            await seed.SaveAsync(issued);
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Factorial:BaseAddress"] = sandbox.BaseAddress.AbsoluteUri,
            ["Factorial:ClientId"] = sandbox.App.ClientId,
            ["Factorial:ClientSecret"] = sandbox.App.ClientSecret,
        }).Build());
        services.AddSingleton<TimeProvider>(sandbox.Time);
        services.AddSingleton(protector);
        services.AddFactorialClient<Hr>(options => options.EnableResilience = false)
            .AddRedisTokenStore(redis.ConnectionString, key: key, (provider, options) => options.DataProtector = provider.GetRequiredService<IDataProtector>());
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<RedisTokenStore>(provider.GetRequiredKeyedService<ITokenStore>(typeof(Hr).FullName));
        await provider.GetRequiredService<Hr>().ApiPublic.Credentials.ListAsync();
        Assert.Equal(0, sandbox.Server.Stats.RefreshGrants);

        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime);
        await provider.GetRequiredService<Hr>().ApiPublic.Credentials.ListAsync();
        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);

        await using var check = new RedisTokenStore(redis.ConnectionString, key, new RedisTokenStoreOptions { DataProtector = protector });
        var stored = await check.LoadAsync();
        Assert.NotEqual(issued.RefreshToken, stored!.RefreshToken); // the rotated pair went to Redis
        Assert.True(stored.CreatedAt > issued.CreatedAt);
    }
}
