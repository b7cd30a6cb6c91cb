using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FactorialGen.Sandbox;

namespace FactorialGen.Package.Tests;

/// <summary>
/// <c>&lt;FactorialGenModelsAssembly&gt;true&lt;/FactorialGenModelsAssembly&gt;</c>, built from the packed package: the
/// package's targets compile the FactorialSpec document's models into <c>App.FactorialModels.dll</c>, the app's own
/// compilation gets only the client; the app runs against the sandbox from its build output and from <c>dotnet publish</c>;
/// an edit of the app's code recompiles the app and leaves the models assembly unwritten; an edit of the document
/// compiles the models assembly again.
/// </summary>
[Collection(PackAndConsumeTests.PackingCollection)]
public sealed class ModelsAssemblyBuildTests
{
    [Fact]
    public async Task The_models_compile_into_their_own_assembly_once_and_the_app_runs_over_it_built_and_published()
    {
        using var feed = await LocalFeed.PackFactorialGenAsync(Path.Combine(Path.GetTempPath(), $"factorialgen-models-{Guid.NewGuid():N}"));
        var app = await AppProject.CreateMiniAsync(feed, """
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            <FactorialGenModelsAssembly>true</FactorialGenModelsAssembly>
            """);
        var spec = Path.Combine(app, "specs", "factorial-mini.yaml");

        var restoreHere = feed.RestoreHere;
        var build = await DotNet.RunAsync("build -c Release --nologo", app, restoreHere);
        Assert.True(build.ExitCode == 0, build.Output);

        var models = Path.Combine(app, "obj", "Release", "net10.0", "FactorialGen", "App.FactorialModels.dll");
        var appAssembly = Path.Combine(app, "obj", "Release", "net10.0", "App.dll");
        Assert.True(File.Exists(models), build.Output);
        Assert.True(File.Exists(Path.Combine(app, "bin", "Release", "net10.0", "App.FactorialModels.dll")));
        // The models' docs reach the editor without GenerateDocumentationFile (off in this app): the XML file beside the
        // assembly, in obj and in bin.
        var docs = File.ReadAllText(Path.ChangeExtension(models, ".xml"));
        Assert.Contains("<member name=\"T:App.FactorialApi.V2026_07_01.", docs, StringComparison.Ordinal);
        Assert.Contains("<member name=\"P:App.FactorialApi.V2026_07_01.", docs, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app, "bin", "Release", "net10.0", "App.FactorialModels.xml")));
        var generated = Directory.GetFiles(Path.Combine(app, "obj", "Release", "net10.0", "generated"), "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("MiniHr.g.cs", generated);
        Assert.DoesNotContain(generated, f => f!.EndsWith("FactorialJson.g.cs", StringComparison.Ordinal)); // the models are not in the app's compilation
        var modelSources = Directory.GetFiles(Path.Combine(app, "obj", "Release", "net10.0", "FactorialGen", "generated"), "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("App.FactorialApi.V2026_07_01.FactorialJson.g.cs", modelSources); // ... they are in the models assembly's
        Assert.DoesNotContain(modelSources, f => f!.Contains("MiniHr", StringComparison.Ordinal));

        // An edit of the app's code: the app is compiled again, the models assembly is not.
        var modelsWritten = File.GetLastWriteTimeUtc(models);
        var appWritten = File.GetLastWriteTimeUtc(appAssembly);
        await File.WriteAllTextAsync(Path.Combine(app, "Edited.cs"), "internal static class Edited { public const int Value = 1; }");
        var rebuild = await DotNet.RunAsync("build -c Release --no-restore --nologo", app, restoreHere);
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);
        Assert.NotEqual(appWritten, File.GetLastWriteTimeUtc(appAssembly));
        Assert.Equal(modelsWritten, File.GetLastWriteTimeUtc(models));

        var publish = await DotNet.RunAsync($"publish -c Release --no-restore --nologo -o \"{Path.Combine(feed.Work, "published")}\"", app, restoreHere);
        Assert.True(publish.ExitCode == 0, publish.Output);

        await using var sandbox = await FactorialSandbox.StartAsync();
        var environment = new Dictionary<string, string> { ["FACTORIAL_BASE_URL"] = sandbox.BaseAddress.AbsoluteUri, ["FACTORIAL_API_KEY"] = sandbox.IssueApiKey() };
        foreach (var output in new[] { Path.Combine(app, "bin", "Release", "net10.0"), Path.Combine(feed.Work, "published") })
        {
            var run = await DotNet.RunAsync($"\"{Path.Combine(output, "App.dll")}\"", app, environment, TimeSpan.FromMinutes(2));
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("first: Sam Sandbox; model from App.FactorialModels; edit 1", run.Output, StringComparison.Ordinal);
        }

        // An edit of the document: the models assembly is compiled again.
        await File.WriteAllTextAsync(spec, PackAndConsumeTests.MiniYamlSpec.Replace("title: Factorial employees (YAML excerpt)", "title: Factorial employees (edited)", StringComparison.Ordinal));
        var afterDocument = await DotNet.RunAsync("build -c Release --no-restore --nologo", app, restoreHere);
        Assert.True(afterDocument.ExitCode == 0, afterDocument.Output);
        Assert.NotEqual(modelsWritten, File.GetLastWriteTimeUtc(models));
    }
}
