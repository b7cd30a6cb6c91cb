using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

public sealed class FileTokenStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"factorialgen-store-{Guid.NewGuid():N}");

    private string TokenPath => Path.Combine(_folder, "nested", "token.json");

    private static FactorialToken Token(string suffix = "1") => new(
        $"access-{suffix}", $"refresh-{suffix}", FactorialScope.ReadWrite,
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Missing_file_loads_as_no_token()
    {
        Assert.Null(await new FileTokenStore(TokenPath).LoadAsync());
    }

    [Fact]
    public async Task Saved_token_loads_back_with_every_field()
    {
        var store = new FileTokenStore(TokenPath);
        var token = new FactorialToken("a", "r", FactorialScope.Write, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), null, "Bearer", FactorialResourceOwner.Company);

        await store.SaveAsync(token);
        var loaded = await new FileTokenStore(TokenPath).LoadAsync();

        Assert.NotNull(loaded);
        Assert.Equal(token.AccessToken, loaded.AccessToken);
        Assert.Equal(token.RefreshToken, loaded.RefreshToken);
        Assert.Equal(token.Scope, loaded.Scope);
        Assert.Equal(token.CreatedAt, loaded.CreatedAt);
        Assert.Null(loaded.ExpiresAt);
        Assert.Equal(FactorialResourceOwner.Company, loaded.ResourceOwner);
    }

    [Fact]
    public async Task File_is_owner_only_on_unix()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows: the file inherits the folder's ACL (documented on FileTokenStore)
        }

        await new FileTokenStore(TokenPath).SaveAsync(Token());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TokenPath));
    }

    [Fact]
    public async Task Corrupt_file_is_reported_and_left_untouched()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TokenPath)!);
        await File.WriteAllTextAsync(TokenPath, "{\"access_token\": \"half-writ");

        var error = await Assert.ThrowsAsync<FactorialTokenStoreException>(() => new FileTokenStore(TokenPath).LoadAsync());

        Assert.Equal(TokenPath, error.StorePath);
        Assert.Contains("left untouched", error.Message, StringComparison.Ordinal);
        Assert.Equal("{\"access_token\": \"half-writ", await File.ReadAllTextAsync(TokenPath));
    }

    [Fact]
    public async Task Incomplete_token_json_is_reported_as_corrupt()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TokenPath)!);
        await File.WriteAllTextAsync(TokenPath, "{\"refresh_token\": \"keep-me\"}");

        await Assert.ThrowsAsync<FactorialTokenStoreException>(() => new FileTokenStore(TokenPath).LoadAsync());
        Assert.Contains("keep-me", await File.ReadAllTextAsync(TokenPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_over_a_corrupt_file_keeps_the_old_file_aside()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TokenPath)!);
        await File.WriteAllTextAsync(TokenPath, "{\"refresh_token\": \"keep-me\"");

        await new FileTokenStore(TokenPath).SaveAsync(Token());

        var backup = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(TokenPath)!, "token.json.corrupt-*"));
        Assert.Contains("keep-me", await File.ReadAllTextAsync(backup), StringComparison.Ordinal);
        Assert.Equal("access-1", (await new FileTokenStore(TokenPath).LoadAsync())!.AccessToken);
    }

    [Fact]
    public async Task Write_that_fails_before_the_rename_leaves_the_previous_token()
    {
        var store = new FileTokenStore(TokenPath);
        await store.SaveAsync(Token("old"));
        store.BeforeReplace = _ => throw new IOException("disk went away");

        await Assert.ThrowsAsync<FactorialTokenStoreException>(() => store.SaveAsync(Token("new")));

        Assert.Equal("refresh-old", (await new FileTokenStore(TokenPath).LoadAsync())!.RefreshToken);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(TokenPath)!)); // no stray temporary file
    }

    [Fact]
    public async Task Concurrent_saves_never_leave_a_torn_file()
    {
        var store = new FileTokenStore(TokenPath);
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => store.SaveAsync(Token(i.ToString()))));

        var loaded = await new FileTokenStore(TokenPath).LoadAsync();

        Assert.NotNull(loaded);
        Assert.Equal(loaded.AccessToken.Replace("access", "refresh", StringComparison.Ordinal), loaded.RefreshToken);
    }

    [Fact]
    public async Task Clear_removes_the_file()
    {
        var store = new FileTokenStore(TokenPath);
        await store.SaveAsync(Token());

        await store.ClearAsync();

        Assert.False(File.Exists(TokenPath));
        Assert.Null(await store.LoadAsync());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
