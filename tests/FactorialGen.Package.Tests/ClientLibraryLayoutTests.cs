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
public sealed class ClientLibraryLayoutTests
{
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
        using var feed = await LocalFeed.PackFactorialGenAsync(Path.Combine(Path.GetTempPath(), $"factorialgen-layout-{Guid.NewGuid():N}"));
        var library = Directory.CreateDirectory(Path.Combine(feed.Work, "Hr")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(feed.Work, "App")).FullName;
        await feed.WriteNuGetConfigAsync(feed.Work);
        var common = $"""
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <RestoreAdditionalProjectFallbackFolders>{LocalFeed.GlobalPackagesFolder()}</RestoreAdditionalProjectFallbackFolders>
            """;
        await File.WriteAllTextAsync(Path.Combine(library, "Hr.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
            {common}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactorialGen" Version="{feed.Version}" />
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

        var restoreHere = feed.RestoreHere;
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
}
