using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FactorialGen.Sandbox;

namespace FactorialGen.Package.Tests;

/// <summary>
/// The models assembly's cache (<c>obj/…/FactorialGen/cache/</c>), built from the packed package: a rebuild reuses the
/// models assembly compiled before from the same inputs, and the app runs over it; a change of the document's text, a
/// cached copy whose bytes are not those stored, another compiler option and <c>FactorialGenModelsCache=false</c> each
/// compile it again; a design-time build, where the compiler does not run, stores nothing.
/// </summary>
[Collection(PackAndConsumeTests.PackingCollection)]
public sealed class ModelsAssemblyCacheBuildTests
{
    private const string Reused = "FactorialGen: App.FactorialModels.dll is the one compiled before";

    [Fact]
    public async Task A_rebuild_reuses_the_models_assembly_of_the_same_inputs_and_any_change_or_a_damaged_copy_compiles_it_again()
    {
        using var feed = await LocalFeed.PackFactorialGenAsync(Path.Combine(Path.GetTempPath(), $"factorialgen-models-cache-{Guid.NewGuid():N}"));
        var app = await AppProject.CreateMiniAsync(feed, "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        var spec = Path.Combine(app, "specs", "factorial-mini.yaml");
        var restoreHere = feed.RestoreHere;
        var obj = Path.Combine(app, "obj", "Release", "net10.0", "FactorialGen");
        var models = Path.Combine(obj, "App.FactorialModels.dll");
        var cached = Path.Combine(obj, "cache", "App.FactorialModels.dll");

        var restore = await DotNet.RunAsync("restore --nologo", app, restoreHere);
        Assert.True(restore.ExitCode == 0, restore.Output);

        // A design-time build (the editor's: the compiler does not run) neither compiles nor stores anything.
        var designTime = await DotNet.RunAsync("msbuild -t:Compile -p:Configuration=Release -p:SkipCompilerExecution=true -p:ProvideCommandLineArgs=true -p:DesignTimeBuild=true -nologo", app, restoreHere);
        Assert.True(designTime.ExitCode == 0, designTime.Output);
        Assert.False(File.Exists(models), designTime.Output);
        Assert.False(Directory.Exists(Path.Combine(obj, "cache")), designTime.Output);

        // The first build compiles the models assembly and keeps it.
        var first = await BuildAsync(app, restoreHere, "");
        Assert.DoesNotContain(Reused, first, StringComparison.Ordinal);
        Assert.True(CompiledModels(first), first);
        Assert.Equal(File.ReadAllBytes(models), File.ReadAllBytes(cached));
        var firstBytes = File.ReadAllBytes(models);

        // A rebuild (clean + build) of the same inputs reuses it: no compile of the models, the same bytes, the app runs
        // over it, and its docs are beside it again.
        var rebuild = await BuildAsync(app, restoreHere, "--no-incremental");
        Assert.Contains(Reused, rebuild, StringComparison.Ordinal);
        Assert.False(CompiledModels(rebuild), rebuild);
        Assert.Equal(firstBytes, File.ReadAllBytes(models));
        Assert.True(File.Exists(Path.Combine(app, "bin", "Release", "net10.0", "App.FactorialModels.xml")));
        await using (var sandbox = await FactorialSandbox.StartAsync())
        {
            var environment = new Dictionary<string, string> { ["FACTORIAL_BASE_URL"] = sandbox.BaseAddress.AbsoluteUri, ["FACTORIAL_API_KEY"] = sandbox.IssueApiKey() };
            var run = await DotNet.RunAsync($"\"{Path.Combine(app, "bin", "Release", "net10.0", "App.dll")}\"", app, environment, TimeSpan.FromMinutes(2));
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("first: Sam Sandbox; model from App.FactorialModels", run.Output, StringComparison.Ordinal);
        }

        // The next build finds everything up to date: neither compile runs.
        var upToDate = await BuildAsync(app, restoreHere, "");
        Assert.False(CompiledModels(upToDate), upToDate);
        Assert.DoesNotContain(Reused, upToDate, StringComparison.Ordinal);

        // A change of the document's text: a new key, so the models are compiled again, with the new field.
        await File.WriteAllTextAsync(spec, PackAndConsumeTests.MiniYamlSpec.Replace("        email: *text", "        email: *text\n        nickname: *text", StringComparison.Ordinal));
        var edited = await BuildAsync(app, restoreHere, "--no-incremental");
        Assert.DoesNotContain(Reused, edited, StringComparison.Ordinal);
        Assert.True(CompiledModels(edited), edited);
        Assert.Contains("P:App.FactorialApi.V2026_07_01.Employee.Nickname", File.ReadAllText(Path.ChangeExtension(models, ".xml")), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(models), File.ReadAllBytes(cached));

        // A cached copy whose bytes are not those stored (torn, edited) is not used: compiled again, and kept again.
        await File.AppendAllTextAsync(cached, "x");
        var damaged = await BuildAsync(app, restoreHere, "--no-incremental");
        Assert.DoesNotContain(Reused, damaged, StringComparison.Ordinal);
        Assert.True(CompiledModels(damaged), damaged);
        Assert.Equal(File.ReadAllBytes(models), File.ReadAllBytes(cached));
        var again = await BuildAsync(app, restoreHere, "--no-incremental");
        Assert.Contains(Reused, again, StringComparison.Ordinal);

        // A compiler option of the models compile is part of the key too.
        var otherOption = await BuildAsync(app, restoreHere, "--no-incremental -p:LangVersion=preview");
        Assert.DoesNotContain(Reused, otherOption, StringComparison.Ordinal);
        Assert.True(CompiledModels(otherOption), otherOption);

        // FactorialGenModelsCache=false: compiled every time.
        var off = await BuildAsync(app, restoreHere, "--no-incremental -p:FactorialGenModelsCache=false");
        Assert.DoesNotContain(Reused, off, StringComparison.Ordinal);
        Assert.True(CompiledModels(off), off);
    }

    private static async Task<string> BuildAsync(string app, IDictionary<string, string> environment, string options)
    {
        var build = await DotNet.RunAsync($"build -c Release --no-restore --nologo -v:n {options}", app, environment);
        Assert.True(build.ExitCode == 0, build.Output);
        return build.Output;
    }

    /// <summary>Whether the log shows the compiler's command line of the models assembly (normal verbosity prints it).</summary>
    private static bool CompiledModels(string log) => Regex.IsMatch(log, @"/out:\S*App\.FactorialModels\.dll");
}
