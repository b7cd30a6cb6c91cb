using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using FactorialGen.Generator.Parsing;
using FactorialGen.Testing;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Mutated YAML documents never crash the reader: each is either read, or refused with exactly one FG1006 (or FG1005)
/// located inside the file. <c>FACTORIALGEN_YAML_FUZZ_COUNT</c> runs more cases; a failing case replays by its number.
/// </summary>
public sealed class YamlFuzzTests
{
    private const int CiCount = 400;
    private const string Significant = ":-[]{}&*!|>'\"#%@`\t\n ?,<~0.";

    [Fact]
    public void Mutated_yaml_is_read_or_refused_with_one_located_diagnostic()
    {
        var count = FuzzSettings.Count(CiCount, "FACTORIALGEN_YAML_FUZZ_COUNT");
        var failures = new List<string>();
        var refused = 0;
        for (var number = 0; number < count && failures.Count < 10; number++)
        {
            var text = Mutate(number);
            var source = SourceText.From(text);
            try
            {
                var result = OpenApiReader.Read("/specs/factorial-fuzz.yaml", source, isBuiltIn: false, CancellationToken.None);
                var fatal = result.Diagnostics.Where(d => d.Id is "FG1005" or "FG1006").ToList();
                if (result.Value is null)
                {
                    refused++;
                    if (result.Diagnostics.Count != 1 || fatal.Count != 1)
                    {
                        failures.Add($"case {number}: refused with {result.Diagnostics.Count} diagnostics ({string.Join(", ", result.Diagnostics.Select(d => d.Id))})");
                    }
                    else if (fatal[0].LineSpan.Start.Line >= source.Lines.Count || fatal[0].Span.End > source.Length)
                    {
                        failures.Add($"case {number}: located outside the file at {fatal[0].LineSpan}");
                    }
                }
                else if (fatal.Count != 0)
                {
                    failures.Add($"case {number}: read, yet {fatal[0].Id}");
                }
            }
            catch (Exception ex)
            {
                failures.Add($"case {number}: threw {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(refused > 0 && refused < count, $"{refused} of {count} refused: the mutations should break some documents and not all");
    }

    private static string Mutate(int number)
    {
        var random = FuzzSettings.For(number);
        var text = new StringBuilder(SmallYaml.Document);
        for (var step = random.Next(1, 5); step > 0; step--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0:
                    text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at));
                    break;
                case 1:
                    text.Insert(at, Significant[random.Next(Significant.Length)]);
                    break;
                case 2:
                    text.Insert(at, random.Next(3) switch { 0 => "&a ", 1 => "*a", _ => "<<: *a\n" });
                    break;
                case 3:
                    var lines = text.ToString().Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    lines.Insert(line, lines[line]);
                    text.Clear().Append(string.Join("\n", lines));
                    break;
                default:
                    text.Insert(at, new string(' ', random.Next(1, 4)));
                    break;
            }
        }

        return text.ToString();
    }
}
