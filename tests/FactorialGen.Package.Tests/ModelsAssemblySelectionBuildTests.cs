using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;
using FactorialGen.Sandbox;

namespace FactorialGen.Package.Tests;

/// <summary>
/// The project's selection of a document, built from the packed package: an app with
/// <c>&lt;FactorialSpec Include="…/factorial-openapi-2026-07-01.json" Resources="Employees" /&gt;</c> gets a models
/// assembly with only the models that selection reaches (the metadata reaches the models compilation through the
/// generated editorconfig), records the selection, compiles its client (declared without <c>Resources</c>) against that
/// assembly, and calls the sandbox with it. Needs the real document in ../shared/specs.
/// </summary>
[Collection(PackAndConsumeTests.PackingCollection)]
public sealed class ModelsAssemblySelectionBuildTests
{
    private const string Document = "factorial-openapi-2026-07-01.json";

    private const string AppProgram = /* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;
        using FactorialGen;

        [FactorialClient(FactorialScope.Read, Spec = "factorial-openapi-2026-07-01.json")]
        public partial class Hr;

        public static class Program
        {
            public static async Task<int> Main()
            {
                var options = new FactorialClientOptions { BaseAddress = new Uri(Environment.GetEnvironmentVariable("FACTORIAL_BASE_URL")!) };
                using var hr = new Hr(new FactorialApiKey(Environment.GetEnvironmentVariable("FACTORIAL_API_KEY")!), options);
                var first = (await hr.Employees.Employees.ListAsync()).Items[0];
                Console.WriteLine($"first: {first.FullName}; model from {first.GetType().Assembly.GetName().Name}");
                return 0;
            }
        }
        """;

    [SharedSpecFact(Document)]
    public async Task The_models_assembly_of_an_item_with_Resources_holds_only_that_selections_models_and_the_app_runs_over_it()
    {
        var document = SharedSpecFactAttribute.PathOf(Document);
        using var feed = await LocalFeed.PackFactorialGenAsync(Path.Combine(Path.GetTempPath(), $"factorialgen-selection-{Guid.NewGuid():N}"));
        var app = await AppProject.CreateAsync(feed, """
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            """, $"<FactorialSpec Include=\"{document}\" Resources=\"Employees\" />");
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), AppProgram);

        var build = await DotNet.RunAsync("build -c Release --nologo", app, feed.RestoreHere);
        Assert.True(build.ExitCode == 0, build.Output);

        var obj = Path.Combine(app, "obj", "Release", "net10.0");
        var models = Path.Combine(obj, "FactorialGen", "App.FactorialModels.dll");
        Assert.True(File.Exists(models), build.Output);

        // The selection reached the models compilation: it records it, and holds a fraction of the document's schemas.
        var modelSources = Directory.GetFiles(Path.Combine(obj, "FactorialGen", "generated"), "*.g.cs", SearchOption.AllDirectories);
        var record = File.ReadAllText(Assert.Single(modelSources, f => f.EndsWith(".FactorialModels.g.cs", StringComparison.Ordinal)));
        Assert.Contains("\"App.FactorialApi.V2026_07_01|", record, StringComparison.Ordinal);
        Assert.Contains("|Employees\")]", record, StringComparison.Ordinal);
        var types = TypeNames(models);
        Assert.Contains("Employee", types);
        Assert.DoesNotContain("AccountingSetting", types); // a Finance model

        // The app used that assembly (same text, same selection): it emitted its client only, no models of its own.
        var appSources = Directory.GetFiles(Path.Combine(obj, "generated"), "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("Hr.g.cs", appSources);
        Assert.DoesNotContain(appSources, f => f!.EndsWith("FactorialJson.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(appSources, f => f!.StartsWith("Hr.AtsApi", StringComparison.Ordinal)); // the client has the item's selection

        await using var sandbox = await FactorialSandbox.StartAsync();
        var environment = new Dictionary<string, string> { ["FACTORIAL_BASE_URL"] = sandbox.BaseAddress.AbsoluteUri, ["FACTORIAL_API_KEY"] = sandbox.IssueApiKey() };
        var run = await DotNet.RunAsync($"\"{Path.Combine(app, "bin", "Release", "net10.0", "App.dll")}\"", app, environment, TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("first: Sam Sandbox; model from App.FactorialModels", run.Output, StringComparison.Ordinal);

        // Without the metadata the models assembly is compiled again, with the whole document's models.
        var modelsWritten = File.GetLastWriteTimeUtc(models);
        var project = Path.Combine(app, "App.csproj");
        await File.WriteAllTextAsync(project, File.ReadAllText(project).Replace(" Resources=\"Employees\"", string.Empty, StringComparison.Ordinal));
        var whole = await DotNet.RunAsync("build -c Release --no-restore --nologo", app, feed.RestoreHere);
        Assert.True(whole.ExitCode == 0, whole.Output);
        Assert.NotEqual(modelsWritten, File.GetLastWriteTimeUtc(models));
        Assert.Contains("|*\")]", File.ReadAllText(Directory.GetFiles(Path.Combine(obj, "FactorialGen", "generated"), "*.FactorialModels.g.cs", SearchOption.AllDirectories).Single()), StringComparison.Ordinal);
        var wholeTypes = TypeNames(models);
        Assert.True(types.Count * 3 < wholeTypes.Count, $"the selection's models assembly has {types.Count} public types, the whole document's {wholeTypes.Count}");
        Assert.Contains("AccountingSetting", wholeTypes);
    }

    /// <summary>The public top-level types the models assembly defines, by name.</summary>
    private static List<string> TypeNames(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.TypeDefinitions.Select(reader.GetTypeDefinition)
            .Where(t => (t.Attributes & System.Reflection.TypeAttributes.VisibilityMask) is System.Reflection.TypeAttributes.Public)
            .Select(t => reader.GetString(t.Name))
            .ToList();
    }
}

/// <summary>A test that needs a real Factorial document from ../shared/specs; skipped with a reason on a clone without it.</summary>
public sealed class SharedSpecFactAttribute : FactAttribute
{
    public SharedSpecFactAttribute(string fileName)
    {
        if (!File.Exists(PathOf(fileName)))
        {
            Skip = $"The real document {fileName} is not here (it lives in ../shared/specs beside the repository).";
        }
    }

    public static string PathOf(string fileName) =>
        Path.Combine(Path.GetDirectoryName(DotNet.RepositoryRoot())!, "shared", "specs", fileName);
}
