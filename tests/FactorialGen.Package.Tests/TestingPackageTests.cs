using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace FactorialGen.Package.Tests;

/// <summary>
/// The FactorialGen.Testing package as a user meets it: packed (with FactorialGen, same version) into a folder feed, then
/// a fresh consumer project outside the solution references both, and its Program.cs is the C# block of the package's
/// README (src/Sandbox/README.md) — so the README's <c>await using var sandbox = await FactorialSandbox.StartAsync();</c>
/// and its call with a generated client must compile against the package and run. The package holds the sandbox and
/// none of the generator. Restores go into the repository-local packages folder, like <see cref="PackAndConsumeTests"/>.
/// </summary>
[Collection(PackAndConsumeTests.PackingCollection)] // it packs src/Runtime too: never at once with the other packing tests
public sealed class TestingPackageTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"factorialgen-testing-package-{Guid.NewGuid():N}");
    private readonly List<string> _localPackages = [];

    [Fact]
    public async Task The_testing_package_starts_a_sandbox_in_a_fresh_consumer_that_calls_it_with_a_generated_client()
    {
        var repository = DotNet.RepositoryRoot();
        var packages = Directory.CreateDirectory(Path.Combine(repository, "artifacts", "package-tests", "packages")).FullName;
        var globalPackages = LocalFeed.GlobalPackagesFolder();
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var consumer = Directory.CreateDirectory(Path.Combine(_work, "consumer")).FullName;
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}"; // fresh: the cache never serves a stale copy

        foreach (var project in new[] { Path.Combine("src", "Sandbox", "FactorialGen.Sandbox.csproj"), Path.Combine("src", "Runtime", "FactorialGen.Runtime.csproj") })
        {
            var pack = await DotNet.RunAsync($"pack \"{Path.Combine(repository, project)}\" -c Release -o \"{feed}\" -p:Version={version} --nologo", repository);
            Assert.True(pack.ExitCode == 0, pack.Output);
            Assert.DoesNotContain("warning", pack.Output, StringComparison.OrdinalIgnoreCase);
        }

        var testing = Path.Combine(feed, $"FactorialGen.Testing.{version}.nupkg");
        Assert.True(File.Exists(testing), "Packed: " + string.Join(", ", Directory.GetFiles(feed).Select(Path.GetFileName)));
        using (var archive = ZipFile.OpenRead(testing))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net10.0/FactorialGen.Sandbox.dll", entries);
            Assert.Contains("README.md", entries);
            Assert.DoesNotContain(entries, e => e.Contains("Generator", StringComparison.OrdinalIgnoreCase) || e.StartsWith("analyzers/", StringComparison.Ordinal));
            using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var metadata = await nuspec.ReadToEndAsync();
            Assert.Contains("<id>FactorialGen.Testing</id>", metadata, StringComparison.Ordinal);
            Assert.Contains("Microsoft.AspNetCore.App", metadata, StringComparison.Ordinal); // the consumer gets ASP.NET Core with it
        }

        await LocalFeed.WriteNuGetConfigAsync(consumer, feed);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <RestoreAdditionalProjectFallbackFolders>{globalPackages}</RestoreAdditionalProjectFallbackFolders>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactorialGen" Version="{version}" />
                <PackageReference Include="FactorialGen.Testing" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), ReadmeProgram(Path.Combine(repository, "src", "Sandbox", "README.md")));

        _localPackages.Add(Path.Combine(packages, "factorialgen", version));
        _localPackages.Add(Path.Combine(packages, "factorialgen.testing", version));
        var build = await DotNet.RunAsync("build -c Release --nologo", consumer, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages });
        Assert.True(build.ExitCode == 0, build.Output);
        var warnings = build.Output.Split('\n').Where(l => l.Contains("warning ", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 0, "The consumer build warns:\n" + string.Join("\n", warnings));
        Assert.False(Directory.Exists(Path.Combine(globalPackages, "factorialgen.testing", version)), $"The test run added FactorialGen.Testing {version} to the global packages folder {globalPackages}.");

        var run = await DotNet.RunAsync($"\"{Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll")}\"", consumer, timeout: TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("first: Sam Sandbox; 1 request(s)", run.Output, StringComparison.Ordinal);
        Assert.Contains("strict sandbox at http://127.0.0.1:", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The one <c>```csharp</c> block of the package README: a whole program, top-level statements and the client.</summary>
    private static string ReadmeProgram(string readme)
    {
        var blocks = Regex.Matches(File.ReadAllText(readme), "```csharp\\n(.*?)```", RegexOptions.Singleline);
        var block = Assert.Single(blocks);
        Assert.Contains("await using var sandbox = await FactorialSandbox.StartAsync();", block.Groups[1].Value, StringComparison.Ordinal);
        return block.Groups[1].Value;
    }

    public void Dispose()
    {
        try
        {
            foreach (var package in _localPackages.Where(Directory.Exists))
            {
                Directory.Delete(package, recursive: true); // each run packs a new version: keep the local folder small
            }

            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // a build server may still hold a file; the folder is in the temp directory
        }
    }
}
