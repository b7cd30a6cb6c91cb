using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using FactorialGen.Sandbox;

namespace FactorialGen.Package.Tests;

/// <summary>
/// The user's first step made real: pack the one FactorialGen package into a folder feed, then restore, build and run a
/// fresh consumer project outside the solution that only has <c>&lt;PackageReference Include="FactorialGen" /&gt;</c>.
/// The consumer restores into a repository-local packages folder (artifacts/package-tests/packages, NUGET_PACKAGES),
/// reading the user's global packages folder only as a read-only fallback: the run adds nothing to the global cache,
/// however many test versions it packs. Its build shows no warning but the two it is written to cause.
/// </summary>
[Collection(PackingCollection)]
public sealed class PackAndConsumeTests : IDisposable
{
    /// <summary>The tests that pack src/Runtime (Release) one after the other, not at once into the same obj folder.</summary>
    internal const string PackingCollection = "packs FactorialGen";

    private readonly string _work = Path.Combine(Path.GetTempPath(), $"factorialgen-package-{Guid.NewGuid():N}");
    private string? _localPackage;

    private const string ConsumerProgram = /* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;
        using FactorialGen;

        [FactorialClient(FactorialScope.Read)]
        public partial class HrReports;

        [FactorialClient(FactorialScope.ReadWrite)]
        public partial class HrAdmin;

        // Generated from a YAML document (specs/factorial-mini.yaml): the package's bundled YAML parser must load.
        [FactorialClient(FactorialScope.Read, Spec = "factorial-mini.yaml")]
        public partial class MiniHr;

        public static class Program
        {
            public static async Task<int> Main()
            {
                var options = new FactorialClientOptions { BaseAddress = new Uri(Environment.GetEnvironmentVariable("FACTORIAL_BASE_URL")!) };
                using var hr = new HrReports(new FactorialApiKey(Environment.GetEnvironmentVariable("FACTORIAL_API_KEY")!), options);
                var count = 0;
                await foreach (var employee in hr.Employees.Employees.ListAllAsync())
                {
                    count++;
                }

                using var admin = new HrAdmin(hr.Connection);
                var first = (await admin.Employees.Employees.ListAsync(limit: 1)).Items[0];
                Console.WriteLine($"employees: {count}; first: {first.FullName}");
                using var mini = new MiniHr(hr.Connection);
                var fromYaml = (await mini.Employees.Employees.ListAsync(limit: 1)).Items[0];
                Console.WriteLine($"from the YAML document: {fromYaml.FullName}");
                Console.WriteLine($"API version: {HrReports.ApiVersion}");
                try
                {
                    await hr.RefreshAsync(); // an API key has no token to refresh: the message says so
                }
                catch (InvalidOperationException e) when (e.Message.Contains("no OAuth token to refresh", StringComparison.Ordinal))
                {
                    Console.WriteLine("refresh: no token (API key)");
                }

                return 0;
            }

            // Deliberately wrong, never called: the build must warn FG0002 and FG0001 here.
            public static async Task ScopeMistakeAsync(FactorialOAuth oauth, string key)
            {
                var token = await oauth.ObtainAccessTokenAsync(oauth.Authorize(FactorialScope.Read), key);
                using var admin = new HrAdmin(token);
                await admin.Employees.Employees.TerminateAsync(null!);
            }
        }
        """;

    // A YAML excerpt of the employees list, written the way YAML allows and JSON does not: plain scalars (a date-like
    // version, a numeric key), flow collections, an anchor and its alias, a block scalar.
    internal const string MiniYamlSpec = """
        openapi: 3.1.0
        info:
          title: Factorial employees (YAML excerpt)
          version: 2026-07-01
        paths:
          /api/2026-07-01/resources/employees/employees:
            get:
              summary: >-
                List
                employees.
              responses:
                200:
                  description: One page of employees.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data: {type: array, items: {$ref: '#/components/schemas/employees_employee'}}
                          meta: {$ref: '#/components/schemas/_paged_index_meta'}
              security: [{oauth2: []}, {apikey: []}]
        components:
          securitySchemes:
            apikey: {type: apiKey, in: header, name: x-api-key}
          schemas:
            employees_employee:
              type: object
              required: [id, full_name]
              properties:
                id: &text {type: string}
                full_name: *text
                email: *text
            _paged_index_meta:
              type: object
              required: [has_previous_page, has_next_page, limit, total]
              properties:
                start_cursor: {type: string}
                end_cursor: {type: string}
                has_previous_page: &flag {type: boolean}
                has_next_page: *flag
                limit: {type: integer}
                total: {type: integer}
        """;

    [Fact]
    public async Task One_package_restores_into_a_fresh_consumer_that_builds_warns_about_scopes_and_runs_against_the_sandbox()
    {
        var repository = DotNet.RepositoryRoot();
        var packages = Directory.CreateDirectory(Path.Combine(repository, "artifacts", "package-tests", "packages")).FullName;
        var globalPackages = LocalFeed.GlobalPackagesFolder();
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var consumer = Directory.CreateDirectory(Path.Combine(_work, "consumer")).FullName;
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}"; // a fresh version: the package cache never serves a stale copy

        var pack = await DotNet.RunAsync($"pack \"{Path.Combine(repository, "src", "Runtime", "FactorialGen.Runtime.csproj")}\" -c Release -o \"{feed}\" -p:Version={version} --nologo", repository);
        Assert.True(pack.ExitCode == 0, pack.Output);
        var package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
        Assert.Equal($"FactorialGen.{version}.nupkg", Path.GetFileName(package));
        Assert.Single(Directory.GetFiles(feed, "*.snupkg"));
        using (var archive = ZipFile.OpenRead(package))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Superset(
                new HashSet<string>
                {
                    "lib/net8.0/FactorialGen.Runtime.dll", "lib/net10.0/FactorialGen.Runtime.dll",
                    "analyzers/dotnet/cs/FactorialGen.Generator.dll", "analyzers/dotnet/cs/FactorialGen.CodeFixes.dll", "analyzers/dotnet/cs/YamlDotNet.dll",
                    "build/FactorialGen.props", "build/FactorialGen.targets", "buildTransitive/FactorialGen.props", "buildTransitive/FactorialGen.targets",
                    "README.md",
                },
                entries);
            using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var metadata = await nuspec.ReadToEndAsync();
            Assert.Contains("<license type=\"expression\">MIT</license>", metadata, StringComparison.Ordinal);
            Assert.Contains("<repository type=\"git\"", metadata, StringComparison.Ordinal);
        }

        await LocalFeed.WriteNuGetConfigAsync(consumer, feed);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <RestoreAdditionalProjectFallbackFolders>{globalPackages}</RestoreAdditionalProjectFallbackFolders>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactorialGen" Version="{version}" />
                <FactorialSpec Include="specs/factorial-mini.yaml" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), ConsumerProgram);
        Directory.CreateDirectory(Path.Combine(consumer, "specs"));
        await File.WriteAllTextAsync(Path.Combine(consumer, "specs", "factorial-mini.yaml"), MiniYamlSpec);

        var restoreHere = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        _localPackage = Path.Combine(packages, "factorialgen", version);
        var build = await DotNet.RunAsync("build -c Release --nologo", consumer, restoreHere);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("warning FG0001", build.Output, StringComparison.Ordinal);
        Assert.Contains("warning FG0002", build.Output, StringComparison.Ordinal);
        var unexpected = build.Output.Split('\n').Where(l => l.Contains("warning ", StringComparison.Ordinal) && !l.Contains("warning FG0001", StringComparison.Ordinal) && !l.Contains("warning FG0002", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, "The consumer build warns (NU1603, CS…):\n" + string.Join("\n", unexpected));
        Assert.DoesNotContain("FG1006", build.Output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(_localPackage), $"The consumer did not restore FactorialGen into {packages}.");
        Assert.False(Directory.Exists(Path.Combine(globalPackages, "factorialgen", version)), $"The test run added FactorialGen {version} to the global packages folder {globalPackages}.");

        await using var sandbox = await FactorialSandbox.StartAsync();
        var run = await DotNet.RunAsync(
            $"\"{Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll")}\"",
            consumer,
            new Dictionary<string, string> { ["FACTORIAL_BASE_URL"] = sandbox.BaseAddress.AbsoluteUri, ["FACTORIAL_API_KEY"] = sandbox.IssueApiKey() },
            TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"employees: {sandbox.Options.EmployeeCount}; first: Sam Sandbox", run.Output, StringComparison.Ordinal);
        Assert.Contains("from the YAML document: Sam Sandbox", run.Output, StringComparison.Ordinal);
        Assert.Contains("API version: 2026-07-01", run.Output, StringComparison.Ordinal);
        Assert.Contains("refresh: no token (API key)", run.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            if (_localPackage is not null && Directory.Exists(_localPackage))
            {
                Directory.Delete(_localPackage, recursive: true); // each run packs a new version: keep the local folder small
            }

            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // a build server may still hold a file; the folder is in the temp directory
        }
    }
}
