using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Benchmarks;

/// <summary>
/// <c>-- compile [--exe] &lt;rounds&gt; &lt;name&gt;=&lt;directory&gt;@&lt;references file&gt; …</c>: compiles each directory's
/// <c>*.cs</c> files in this one process, the inputs alternating round after round (a first round warms up and is not
/// counted), and prints each input's median and fastest wall and CPU time. Parsing, binding and emit with a portable
/// PDB and the documentation file, no analyzers and no generators: the compiler's own work on generated text, as in a
/// warm compiler server, steadier than timing whole builds on a shared machine (docs/benchmarks.md, section 4).
/// </summary>
/// <remarks>
/// The references file lists one assembly per line, as a path or as csc's <c>/reference:path</c> (e.g. the
/// <c>/reference:</c> arguments of the models compile's or the app's csc command line in a <c>dotnet build -v:d</c>
/// log). <c>--exe</c> compiles a console application (top-level statements) instead of a library.
/// </remarks>
internal static class CompileCost
{
    public static int Run(string[] args)
    {
        var exe = args.Length > 0 && args[0] == "--exe";
        var rest = exe ? args[1..] : args;
        if (rest.Length < 2 || !int.TryParse(rest[0], out var rounds) || rounds < 1)
        {
            Console.Error.WriteLine("usage: compile [--exe] <rounds> <name>=<directory>@<references file> ...");
            return 2;
        }

        var inputs = new List<Input>();
        foreach (var argument in rest[1..])
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var at = argument.LastIndexOf('@');
            if (equals <= 0 || at <= equals)
            {
                Console.Error.WriteLine($"'{argument}' is not <name>=<directory>@<references file>");
                return 2;
            }

            var references = File.ReadAllLines(argument[(at + 1)..])
                .Select(line => line.Trim())
                .Select(line => line.StartsWith("/reference:", StringComparison.Ordinal) ? line["/reference:".Length..].Trim('"')
                    : line.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(line) ? line
                    : null) // any other csc option in the file is not a reference
                .OfType<string>()
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToList();
            inputs.Add(new Input(argument[..equals], argument[(equals + 1)..at], references));
        }

        var parse = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.Diagnose);
        var options = new CSharpCompilationOptions(
                exe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Debug,
                concurrentBuild: true,
                deterministic: true)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress });
        var process = Process.GetCurrentProcess();
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var input in inputs)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var trees = Directory.GetFiles(input.Directory, "*.cs").AsParallel()
                    .Select(file => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(file), Encoding.UTF8), parse, file))
                    .ToList();
                var compilation = CSharpCompilation.Create(input.Name, trees, input.References, options);
                using var pe = new MemoryStream();
                using var pdb = new MemoryStream();
                using var xml = new MemoryStream();
                var result = compilation.Emit(pe, pdb, xml, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
                clock.Stop();
                process.Refresh();
                if (!result.Success)
                {
                    Console.Error.WriteLine($"{input.Name}: does not compile:");
                    foreach (var error in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5))
                    {
                        Console.Error.WriteLine("  " + error);
                    }

                    return 1;
                }

                if (round > 0)
                {
                    input.Wall.Add(clock.Elapsed.TotalSeconds);
                    input.Cpu.Add((process.TotalProcessorTime - cpu).TotalSeconds);
                }
            }
        }

        Console.WriteLine($"{rounds} rounds after one to warm up, inputs alternating; seconds:");
        foreach (var input in inputs)
        {
            Console.WriteLine($"  {input.Name,-12} wall median {Median(input.Wall):0.000} fastest {input.Wall.Min():0.000}   cpu median {Median(input.Cpu):0.000} fastest {input.Cpu.Min():0.000}");
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Input(string Name, string Directory, List<MetadataReference> References)
    {
        public List<double> Wall { get; } = [];

        public List<double> Cpu { get; } = [];
    }
}
