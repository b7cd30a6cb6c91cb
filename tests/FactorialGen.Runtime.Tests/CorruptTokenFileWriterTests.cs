using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// Six clients save at the same moment over a corrupt token file: every save succeeds, the file ends up holding one of
/// the six tokens whole (the last save wins), the corrupt content is kept once, and a reader meanwhile sees only the
/// corrupt file (a typed error) or a whole token, never a torn one.
/// </summary>
public sealed class CorruptTokenFileWriterTests : IDisposable
{
    private const string CorruptContent = "{\"refresh_token\": \"keep-me-corrupt\", \"access_tok";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"factorialgen-corrupt-{Guid.NewGuid():N}");

    private string TokenPath => Path.Combine(_folder, "token.json");

    [Fact]
    public async Task Six_stores_saving_at_once_over_a_corrupt_file_all_succeed_and_leave_one_whole_token()
    {
        Directory.CreateDirectory(_folder);
        for (var round = 0; round < 25; round++)
        {
            File.WriteAllText(TokenPath, CorruptContent);
            var suffixes = Enumerable.Range(0, 6).Select(i => $"r{round}w{i}").ToArray();
            var reads = new ConcurrentBag<string>();
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stopReading = new CancellationTokenSource();

            var reader = Task.Run(async () =>
            {
                var store = new FileTokenStore(TokenPath);
                for (var i = 0; i < 100_000 && !stopReading.IsCancellationRequested; i++)
                {
                    try
                    {
                        var token = await store.LoadAsync();
                        reads.Add(token is null ? "none" : $"{token.AccessToken}|{token.RefreshToken}");
                    }
                    catch (FactorialTokenStoreException)
                    {
                        reads.Add("corrupt");
                    }
                }
            });
            var writers = suffixes.Select(suffix => Task.Run(async () =>
            {
                var store = new FileTokenStore(TokenPath); // one store each: as separate programs would
                await go.Task;
                await store.SaveAsync(ChildProgram.Pair(suffix));
            })).ToArray();
            go.SetResult();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));
            await stopReading.CancelAsync();
            await reader.WaitAsync(TimeSpan.FromSeconds(60));

            var final = await new FileTokenStore(TokenPath).LoadAsync();
            Assert.NotNull(final);
            Assert.Contains(final.AccessToken["access-".Length..], suffixes);
            Assert.Equal(final.AccessToken.Replace("access-", "refresh-", StringComparison.Ordinal), final.RefreshToken);
            Assert.All(reads, r => Assert.True(r == "corrupt" || suffixes.Any(s => r == $"access-{s}|refresh-{s}"), $"reader saw '{r}'"));

            var backups = Directory.GetFiles(_folder, "token.json.corrupt-*");
            var backup = Assert.Single(backups);
            Assert.Equal(CorruptContent, File.ReadAllText(backup));
            Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
            File.Delete(backup);
        }
    }

    [Fact]
    public async Task Six_processes_saving_at_once_over_a_corrupt_file_all_succeed_and_leave_one_whole_token()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(TokenPath, CorruptContent);
        var suffixes = Enumerable.Range(0, 6).Select(i => $"process{i}").ToArray();
        var children = suffixes.Select(s => ChildProcess.Start("save-when-told", TokenPath, s)).ToArray();
        try
        {
            foreach (var child in children)
            {
                Assert.Equal("ready", await child.ReadLineAsync());
            }

            await Task.WhenAll(children.Select(c => c.WriteLineAsync("go")));
            var results = await Task.WhenAll(children.Select(c => c.ReadLineAsync()));

            Assert.All(results, r => Assert.Equal("saved", r));
            var final = await new FileTokenStore(TokenPath).LoadAsync();
            Assert.NotNull(final);
            Assert.Contains(final.AccessToken["access-".Length..], suffixes);
            Assert.Equal(final.AccessToken.Replace("access-", "refresh-", StringComparison.Ordinal), final.RefreshToken);
            Assert.Equal(CorruptContent, File.ReadAllText(Assert.Single(Directory.GetFiles(_folder, "token.json.corrupt-*"))));
        }
        finally
        {
            foreach (var child in children)
            {
                await child.DisposeAsync();
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
