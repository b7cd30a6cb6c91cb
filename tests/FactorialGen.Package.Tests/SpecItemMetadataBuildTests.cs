using System;
using System.IO;
using System.Threading.Tasks;

namespace FactorialGen.Package.Tests;

/// <summary>
/// A FactorialSpec item's <c>Resources</c> and <c>OmitUnknownOperations</c> reach the generator whole through the
/// package's targets, built from the packed package: an .editorconfig value ends at <c>;</c> or <c>#</c>, so without
/// the targets' passing <c>Resources="Employees#x"</c> was read as <c>Employees</c> and <c>"true #"</c> as
/// <c>true</c>, each without a word. Now they are FG1017 and FG1018, quoting the item's text.
/// </summary>
[Collection(PackAndConsumeTests.PackingCollection)]
public sealed class SpecItemMetadataBuildTests
{
    [Fact]
    public async Task A_number_sign_in_the_items_metadata_reaches_the_generator_and_is_reported_not_cut()
    {
        using var feed = await LocalFeed.PackFactorialGenAsync(Path.Combine(Path.GetTempPath(), $"factorialgen-item-metadata-{Guid.NewGuid():N}"));
        var app = Directory.CreateDirectory(Path.Combine(feed.Work, "App")).FullName;
        Directory.CreateDirectory(Path.Combine(app, "specs"));
        await feed.WriteNuGetConfigAsync(feed.Work);
        await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RestoreAdditionalProjectFallbackFolders>{LocalFeed.GlobalPackagesFolder()}</RestoreAdditionalProjectFallbackFolders>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactorialGen" Version="{feed.Version}" />
                <FactorialSpec Include="specs/factorial-mini.yaml" Resources="TimeTracking;Employees#x" OmitUnknownOperations="true #" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "specs", "factorial-mini.yaml"), PackAndConsumeTests.MiniYamlSpec);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), "System.Console.WriteLine(\"app\");");

        var build = await DotNet.RunAsync("build -c Release --nologo", app, feed.RestoreHere);

        Assert.True(build.ExitCode != 0, build.Output);
        Assert.Contains("error FG1017: The FactorialSpec item of 'factorial-mini.yaml' names 'Employees#x' in its Resources,", build.Output, StringComparison.Ordinal);
        Assert.Contains("error FG1018: The FactorialSpec item of 'factorial-mini.yaml' sets OmitUnknownOperations to 'true #',", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("'Employees'", build.Output, StringComparison.Ordinal);
    }
}
