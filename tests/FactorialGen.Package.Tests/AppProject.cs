using System.IO;
using System.Threading.Tasks;

namespace FactorialGen.Package.Tests;

/// <summary>
/// An app of the packed package as a user writes it: <c>App/App.csproj</c> (an <c>Exe</c> on net10.0, nullable on,
/// FactorialGen from the feed) beside the feed's <c>nuget.config</c>, with the properties and items a test adds.
/// </summary>
internal static class AppProject
{
    /// <summary>
    /// The app of the models-assembly tests: <c>MiniHr</c>, a <c>Read</c> client of <c>factorial-mini.yaml</c>, lists the
    /// first employee and says which assembly its model came from and the value of <c>Edited.Value</c> (the file a test
    /// edits).
    /// </summary>
    public const string MiniHrProgram = /* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;
        using FactorialGen;

        [FactorialClient(FactorialScope.Read, Spec = "factorial-mini.yaml")]
        public partial class MiniHr;

        public static class Program
        {
            public static async Task<int> Main()
            {
                var options = new FactorialClientOptions { BaseAddress = new Uri(Environment.GetEnvironmentVariable("FACTORIAL_BASE_URL")!) };
                using var hr = new MiniHr(new FactorialApiKey(Environment.GetEnvironmentVariable("FACTORIAL_API_KEY")!), options);
                var first = (await hr.Employees.Employees.ListAsync(limit: 1)).Items[0];
                Console.WriteLine($"first: {first.FullName}; model from {first.GetType().Assembly.GetName().Name}; edit {Edited.Value}");
                return 0;
            }
        }
        """;

    /// <summary>Writes the project file and the feed's <c>nuget.config</c>; returns the app's directory.</summary>
    /// <param name="feed">The packed FactorialGen.</param>
    /// <param name="properties">More <c>PropertyGroup</c> lines (XML), or empty.</param>
    /// <param name="items">More <c>ItemGroup</c> lines (XML), e.g. a <c>FactorialSpec</c> item.</param>
    public static async Task<string> CreateAsync(LocalFeed feed, string properties, string items)
    {
        var app = Directory.CreateDirectory(Path.Combine(feed.Work, "App")).FullName;
        await feed.WriteNuGetConfigAsync(feed.Work);
        await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RestoreAdditionalProjectFallbackFolders>{LocalFeed.GlobalPackagesFolder()}</RestoreAdditionalProjectFallbackFolders>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactorialGen" Version="{feed.Version}" />
                {items}
              </ItemGroup>
            </Project>
            """);
        return app;
    }

    /// <summary>
    /// <see cref="CreateAsync"/> with <c>specs/factorial-mini.yaml</c> (<see cref="PackAndConsumeTests.MiniYamlSpec"/>) as
    /// its FactorialSpec item, <see cref="MiniHrProgram"/> and <c>Edited.cs</c>; returns the app's directory.
    /// </summary>
    /// <param name="feed">The packed FactorialGen.</param>
    /// <param name="properties">More <c>PropertyGroup</c> lines (XML), or empty.</param>
    /// <param name="itemMetadata">Attributes of the FactorialSpec item (e.g. <c>Resources="Employees"</c>), or empty.</param>
    /// <param name="program">The app's <c>Program.cs</c>.</param>
    public static async Task<string> CreateMiniAsync(LocalFeed feed, string properties, string itemMetadata = "", string program = MiniHrProgram)
    {
        var app = await CreateAsync(feed, properties, $"<FactorialSpec Include=\"specs/factorial-mini.yaml\" {itemMetadata}/>");
        Directory.CreateDirectory(Path.Combine(app, "specs"));
        await File.WriteAllTextAsync(Path.Combine(app, "specs", "factorial-mini.yaml"), PackAndConsumeTests.MiniYamlSpec);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), program);
        await File.WriteAllTextAsync(Path.Combine(app, "Edited.cs"), "internal static class Edited { public const int Value = 0; }");
        return app;
    }
}
