using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Golden-file comparison for generated code. Files live in <c>Snapshots/</c>, LF line endings, the generator version
/// scrubbed. Set FACTORIALGEN_UPDATE_SNAPSHOTS=1 to rewrite them after an intended change.
/// </summary>
internal static partial class Snapshot
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots", name);
        var normalized = Normalize(actual);
        if (Environment.GetEnvironmentVariable("FACTORIALGEN_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, normalized);
            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"No snapshot {name}. Run the tests with FACTORIALGEN_UPDATE_SNAPSHOTS=1 to create it, then review and commit it.");
        }

        var expected = Normalize(File.ReadAllText(path));
        if (expected != normalized)
        {
            Assert.Fail($"Generated {name} differs from its snapshot (FACTORIALGEN_UPDATE_SNAPSHOTS=1 rewrites it):\n{Diff(expected, normalized)}");
        }
    }

    private static string Normalize(string text) =>
        Version().Replace(text.TrimStart('\uFEFF').Replace("\r\n", "\n"), "\"FactorialGen\", \"VERSION\"");

    private static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(left.Length, right.Length)).FirstOrDefault(i => left[i] != right[i], Math.Min(left.Length, right.Length));
        return $"first difference at line {first + 1}:\n- {(first < left.Length ? left[first] : "(end)")}\n+ {(first < right.Length ? right[first] : "(end)")}";
    }

    [GeneratedRegex("\"FactorialGen\", \"[0-9][^\"]*\"")]
    private static partial Regex Version();
}
