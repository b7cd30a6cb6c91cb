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
        var app = await AppProject.CreateMiniAsync(feed, "", "Resources=\"TimeTracking;Employees#x\" OmitUnknownOperations=\"true #\" ", "System.Console.WriteLine(\"app\");");

        var build = await DotNet.RunAsync("build -c Release --nologo", app, feed.RestoreHere);

        Assert.True(build.ExitCode != 0, build.Output);
        Assert.Contains("error FG1017: The FactorialSpec item of 'factorial-mini.yaml' names 'Employees#x' in its Resources,", build.Output, StringComparison.Ordinal);
        Assert.Contains("error FG1018: The FactorialSpec item of 'factorial-mini.yaml' sets OmitUnknownOperations to 'true #',", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("'Employees'", build.Output, StringComparison.Ordinal);
    }
}
