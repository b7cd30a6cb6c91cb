using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FactorialGen.Sandbox;

namespace FactorialGen.Package.Tests;

/// <summary>
/// The layout docs/generator.md recommends for large documents ("keep the client in its own project"), built from the
/// packed package: a class library holds the <c>[FactorialClient]</c> class and references FactorialGen; the app only
/// references the library. The app must compile against the library's client, get the scope analyzer's FG0001/FG0002
/// in its own code (the analyzer reads <c>[FactorialOperation]</c> from the library's metadata), register the client
/// with <c>AddFactorialClient</c>, call an operation against the sandbox, and — the point of the layout — an edit in the
/// app must rebuild the app without compiling the library again.
/// </summary>
[Collection(PackAndConsumeTests.PackingCollection)]
public sealed class ClientLibraryLayoutTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"factorialgen-layout-{Guid.NewGuid():N}");
    private string? _localPackage;

    private const string LibraryClient = /* lang=c#-test */ """
        using FactorialGen;

        namespace Layout.Hr;

        [FactorialClient(FactorialScope.ReadWrite)]
        public partial class HrAdmin;
        """;

    private const string AppProgram = /* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;
        using FactorialGen;
        using Layout.Hr;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static async Task<int> Main()
            {
                var services = new ServiceCollection();
                services.AddFactorialClient<HrAdmin>(options =>
                {
                    options.BaseAddress = new Uri(Environment.GetEnvironmentVariable("FACTORIAL_BASE_URL")!);
                    options.ApiKey = Environment.GetEnvironmentVariable("FACTORIAL_API_KEY");
                });
                await using var provider = services.BuildServiceProvider();
                var hr = provider.GetRequiredService<HrAdmin>();
                var first = (await hr.Employees.Employees.ListAsync(limit: 1)).Items[0];
                var same = await hr.Employees.Employees.GetAsync(first.Id);
                Console.WriteLine($"from the library's client: {same.FullName}; edit {Edited.Value}");
                return 0;
            }

            // Deliberately wrong, never called: the app's build must warn FG0002 and FG0001 here.
            public static async Task ScopeMistakeAsync(FactorialOAuth oauth, string key)
            {
                var token = await oauth.ObtainAccessTokenAsync(oauth.Authorize(FactorialScope.Read), key);
                using var admin = new HrAdmin(token);
                await admin.Employees.Employees.TerminateAsync(null!);
            }
        }
        """;

    [Fact]
    public async Task A_client_declared_in_its_own_library_is_used_from_the_app_with_scope_warnings_and_DI_and_an_app_edit_skips_the_library()
    {
        var repository = DotNet.RepositoryRoot();
        var packages = Directory.CreateDirectory(Path.Combine(repository, "artifacts", "package-tests", "packages")).FullName;
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var library = Directory.CreateDirectory(Path.Combine(_work, "Hr")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(_work, "App")).FullName;
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}"; // fresh: the cache never serves a stale copy

        var pack = await DotNet.RunAsync($"pack \"{Path.Combine(repository, "src", "Runtime", "FactorialGen.Runtime.csproj")}\" -c Release -o \"{feed}\" -p:Version={version} --nologo", repository);
        Assert.True(pack.ExitCode == 0, pack.Output);

        await File.WriteAllTextAsync(Path.Combine(_work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="factorialgen-local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        var common = $"""
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <RestoreAdditionalProjectFallbackFolders>{PackAndConsumeTests.GlobalPackagesFolder()}</RestoreAdditionalProjectFallbackFolders>
            """;
        await File.WriteAllTextAsync(Path.Combine(library, "Hr.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
            {common}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactorialGen" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(library, "HrAdmin.cs"), LibraryClient);
        await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
            {common}
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Hr/Hr.csproj" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), AppProgram);
        await File.WriteAllTextAsync(Path.Combine(app, "Edited.cs"), "internal static class Edited { public const int Value = 0; }");

        var restoreHere = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        _localPackage = Path.Combine(packages, "factorialgen", version);
        var build = await DotNet.RunAsync("build -c Release --nologo", app, restoreHere);
        Assert.True(build.ExitCode == 0, build.Output);
        var appProgram = Path.Combine(app, "Program.cs");
        Assert.Contains(build.Output.Split('\n'), l => l.Contains("warning FG0002", StringComparison.Ordinal) && l.Contains(appProgram, StringComparison.Ordinal));
        Assert.Contains(build.Output.Split('\n'), l => l.Contains("warning FG0001", StringComparison.Ordinal) && l.Contains(appProgram, StringComparison.Ordinal));

        // An edit in the app: the app is compiled again, the library's assembly is left as it was.
        var libraryAssembly = Path.Combine(library, "obj", "Release", "net10.0", "Hr.dll");
        var appAssembly = Path.Combine(app, "obj", "Release", "net10.0", "App.dll");
        var libraryWritten = File.GetLastWriteTimeUtc(libraryAssembly);
        var appWritten = File.GetLastWriteTimeUtc(appAssembly);
        await File.WriteAllTextAsync(Path.Combine(app, "Edited.cs"), "internal static class Edited { public const int Value = 1; }");
        var rebuild = await DotNet.RunAsync("build -c Release --no-restore --nologo", app, restoreHere);
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);
        Assert.NotEqual(appWritten, File.GetLastWriteTimeUtc(appAssembly));
        Assert.Equal(libraryWritten, File.GetLastWriteTimeUtc(libraryAssembly));

        await using var sandbox = await FactorialSandbox.StartAsync();
        var run = await DotNet.RunAsync(
            $"\"{Path.Combine(app, "bin", "Release", "net10.0", "App.dll")}\"",
            app,
            new Dictionary<string, string> { ["FACTORIAL_BASE_URL"] = sandbox.BaseAddress.AbsoluteUri, ["FACTORIAL_API_KEY"] = sandbox.IssueApiKey() },
            TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("from the library's client: Sam Sandbox; edit 1", run.Output, StringComparison.Ordinal);
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
