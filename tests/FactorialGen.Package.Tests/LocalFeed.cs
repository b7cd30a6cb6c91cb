using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace FactorialGen.Package.Tests;

/// <summary>
/// What every package test starts with: the repository's projects packed with a fresh version (so the package cache
/// never serves a stale copy) into a folder feed under a temporary work folder, a nuget.config naming that feed, and
/// restores into the repository-local packages folder (artifacts/package-tests/packages) with the user's global
/// packages folder as a read-only fallback. Disposing deletes the work folder and the restored test versions.
/// </summary>
internal sealed class LocalFeed : IDisposable
{
    private readonly List<string> _packageIds = [];

    private LocalFeed(string work)
    {
        Work = work;
        Repository = DotNet.RepositoryRoot();
        Packages = Directory.CreateDirectory(Path.Combine(Repository, "artifacts", "package-tests", "packages")).FullName;
        Feed = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
        Version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}";
    }

    public string Repository { get; }

    /// <summary>The temporary folder the test's projects live in.</summary>
    public string Work { get; }

    public string Feed { get; }

    /// <summary>The repository-local packages folder restores go into.</summary>
    public string Packages { get; }

    public string Version { get; }

    /// <summary>The environment of a restore or build: NUGET_PACKAGES is <see cref="Packages"/>.</summary>
    public Dictionary<string, string> RestoreHere => new() { ["NUGET_PACKAGES"] = Packages };

    /// <summary>The user's global packages folder: NUGET_PACKAGES, or ~/.nuget/packages.</summary>
    public static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? Path.GetFullPath(set)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Packs <paramref name="projects"/> (paths under the repository, with their package ids) into the feed; returns each pack's output.</summary>
    public static async Task<(LocalFeed Feed, IReadOnlyList<string> PackOutputs)> PackAsync(string work, params (string Project, string PackageId)[] projects)
    {
        var feed = new LocalFeed(work);
        var outputs = new List<string>();
        foreach (var (project, packageId) in projects)
        {
            var pack = await DotNet.RunAsync($"pack \"{Path.Combine(feed.Repository, project)}\" -c Release -o \"{feed.Feed}\" -p:Version={feed.Version} --nologo", feed.Repository);
            Assert.True(pack.ExitCode == 0, pack.Output);
            outputs.Add(pack.Output);
            feed._packageIds.Add(packageId.ToLowerInvariant());
        }

        return (feed, outputs);
    }

    /// <summary>Packs the FactorialGen package (src/Runtime).</summary>
    public static async Task<LocalFeed> PackFactorialGenAsync(string work) =>
        (await PackAsync(work, (Path.Combine("src", "Runtime", "FactorialGen.Runtime.csproj"), "FactorialGen"))).Feed;

    /// <summary>Writes a nuget.config naming the feed (and nuget.org) into <paramref name="directory"/>.</summary>
    public Task WriteNuGetConfigAsync(string directory) => WriteNuGetConfigAsync(directory, Feed);

    /// <summary>Writes a nuget.config naming the folder feed <paramref name="feed"/> (and nuget.org) into <paramref name="directory"/>.</summary>
    public static Task WriteNuGetConfigAsync(string directory, string feed) =>
        File.WriteAllTextAsync(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="factorialgen-local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

    public void Dispose()
    {
        try
        {
            foreach (var package in _packageIds.Select(id => Path.Combine(Packages, id, Version)).Where(Directory.Exists))
            {
                Directory.Delete(package, recursive: true); // each run packs a new version: keep the local folder small
            }

            if (Directory.Exists(Work))
            {
                Directory.Delete(Work, recursive: true);
            }
        }
        catch (IOException)
        {
            // a build server may still hold a file; the folder is in the temp directory
        }
    }
}
