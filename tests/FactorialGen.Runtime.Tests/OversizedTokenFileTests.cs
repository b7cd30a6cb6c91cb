using System;
using System.IO;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// A token file larger than <see cref="FileTokenStore.MaxFileBytes"/> (64 KiB) is refused with
/// <see cref="FactorialTokenStoreException"/>, read at most one byte past the cap, and left untouched; a save over it
/// moves it aside instead of copying it.
/// </summary>
public sealed class OversizedTokenFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"factorialgen-oversized-{Guid.NewGuid():N}");

    public OversizedTokenFileTests() => Directory.CreateDirectory(_folder);

    private string TokenPath => Path.Combine(_folder, "token.json");

    /// <summary>A valid token file, padded with leading white space (which JSON allows) to exactly <paramref name="bytes"/> bytes.</summary>
    private static string PaddedToken(int bytes)
    {
        const string Json = "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"token_type\":\"Bearer\",\"scope\":\"read\",\"created_at\":\"2026-01-01T00:00:00+00:00\"}";
        return new string(' ', bytes - Json.Length) + Json;
    }

    [Fact]
    public async Task A_token_file_at_the_cap_loads()
    {
        File.WriteAllText(TokenPath, PaddedToken(FileTokenStore.MaxFileBytes));

        var token = await new FileTokenStore(TokenPath).LoadAsync();

        Assert.Equal("r", token!.RefreshToken);
    }

    [Fact]
    public async Task A_token_file_one_byte_over_the_cap_is_refused_typed_and_left_untouched()
    {
        var content = PaddedToken(FileTokenStore.MaxFileBytes + 1);
        File.WriteAllText(TokenPath, content);

        var error = await Assert.ThrowsAsync<FactorialTokenStoreException>(() => new FileTokenStore(TokenPath).LoadAsync());

        Assert.Contains("larger than 64 KiB", error.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(TokenPath));
    }

    [Fact]
    public async Task A_huge_sparse_token_file_is_refused_without_being_read_and_a_save_moves_it_aside()
    {
        const long Huge = 8L * 1024 * 1024 * 1024; // 8 GiB, sparse: costs no disk, but reading it whole would take long
        using (var file = new FileStream(TokenPath, FileMode.CreateNew))
        {
            file.SetLength(Huge);
        }

        var store = new FileTokenStore(TokenPath);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAsync<FactorialTokenStoreException>(() => store.LoadAsync());
        await store.SaveAsync(ChildProgram.Pair("fresh"));
        var elapsed = watch.Elapsed;

        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("refresh-fresh", (await store.LoadAsync())!.RefreshToken);
        var aside = Assert.Single(Directory.GetFiles(_folder, "token.json.corrupt-*"));
        Assert.Equal(Huge, new FileInfo(aside).Length);
    }

    [Fact]
    public async Task A_token_file_that_never_ends_is_read_only_up_to_the_cap()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no /dev/zero; the sparse-file test covers the cap there
        }

        File.CreateSymbolicLink(TokenPath, "/dev/zero"); // endless, and its length is unknown (not seekable)

        var error = await Assert.ThrowsAsync<FactorialTokenStoreException>(() => new FileTokenStore(TokenPath).LoadAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("64 KiB", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
