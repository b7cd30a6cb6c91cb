using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using FactorialGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Every FG diagnostic links (helpLinkUri: the id is a link in the editor and the build output) to its page in
/// docs/diagnostics, at the repository the package names as its RepositoryUrl; the page exists and is about that id,
/// and the package README's diagnostics table lists it.
/// </summary>
public sealed class DiagnosticHelpLinkTests
{
    public static IEnumerable<object[]> AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => new object[] { ((DiagnosticDescriptor)f.GetValue(null)!).Id });

    [Fact]
    public void Descriptors_are_found()
    {
        Assert.Contains(AllDescriptors(), d => (string)d[0] == "FG0001");
        Assert.Contains(AllDescriptors(), d => (string)d[0] == "FG1011");
    }

    [Theory]
    [MemberData(nameof(AllDescriptors))]
    public void Every_diagnostic_links_to_its_page_and_the_page_exists(string id)
    {
        var descriptor = Descriptor(id);
        var expected = $"{RepositoryUrl()}/blob/main/docs/diagnostics/{id}.md";

        Assert.Equal(expected, descriptor.HelpLinkUri);
        var page = Path.Combine(PackageReadmeSnippetTests.RepositoryRoot(), "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{id} links to {descriptor.HelpLinkUri}, but docs/diagnostics/{id}.md does not exist.");
        Assert.StartsWith($"# {id}: ", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllDescriptors))]
    public void The_package_readme_lists_every_diagnostic_with_its_link(string id)
    {
        var readme = File.ReadAllText(PackageReadmeSnippetTests.ReadmePath());

        Assert.Contains($"[{id}]({Descriptor(id).HelpLinkUri})", readme, StringComparison.Ordinal);
    }

    private static DiagnosticDescriptor Descriptor(string id) =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .Single(d => d.Id == id);

    /// <summary>The package's RepositoryUrl (src/Runtime/FactorialGen.Runtime.csproj), without a trailing slash.</summary>
    private static string RepositoryUrl()
    {
        var project = File.ReadAllText(Path.Combine(PackageReadmeSnippetTests.RepositoryRoot(), "src", "Runtime", "FactorialGen.Runtime.csproj"));
        var match = Regex.Match(project, "<RepositoryUrl>([^<]+)</RepositoryUrl>");
        Assert.True(match.Success, "FactorialGen.Runtime.csproj has no <RepositoryUrl>.");
        return match.Groups[1].Value.Trim().TrimEnd('/');
    }
}
