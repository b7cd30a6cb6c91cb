using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// A broken install (the generator without the YamlDotNet.dll that ships beside it) still reads JSON documents, and a
/// YAML document is one FG1006 saying what is missing, never a generator crash that stops all generation.
/// </summary>
public sealed class YamlParserMissingTests
{
    [Fact]
    public void Without_the_yaml_parser_a_yaml_document_is_one_FG1006_and_json_still_reads()
    {
        var context = new WithoutYamlDotNet();
        try
        {
            var generator = context.LoadFromAssemblyPath(typeof(FactorialClientGenerator).Assembly.Location);
            var read = generator.GetType("FactorialGen.Generator.Parsing.OpenApiReader", throwOnError: true)!
                .GetMethod("Read", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(SourceText), typeof(bool), typeof(CancellationToken)])!;
            object Read(string path, string text) => read.Invoke(null, [path, SourceText.From(text), false, CancellationToken.None])!;

            var yaml = Read("/specs/factorial-mini.yaml", SmallYaml.Document);
            var json = Read("/specs/factorial-mini.json", SmallYaml.Json);

            Assert.Null(Property(yaml, "Value"));
            var diagnostic = Assert.Single(((IEnumerable)Property(yaml, "Diagnostics")!).Cast<object>());
            Assert.Equal("FG1006", Property(diagnostic, "Id"));
            Assert.Contains("YamlDotNet", string.Join(" ", ((IEnumerable)Property(diagnostic, "Arguments")!).Cast<string>()), StringComparison.Ordinal);
            Assert.NotNull(Property(json, "Value"));
            Assert.True(context.Refused > 0, "the generator never asked for YamlDotNet");
        }
        finally
        {
            context.Unload();
        }
    }

    private static object? Property(object instance, string name) => instance.GetType().GetProperty(name)!.GetValue(instance);

    /// <summary>Loads the generator on its own, with everything but YamlDotNet from the default context.</summary>
    private sealed class WithoutYamlDotNet() : AssemblyLoadContext(nameof(WithoutYamlDotNet), isCollectible: true)
    {
        public int Refused { get; private set; }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name == "YamlDotNet")
            {
                Refused++;
                throw new FileNotFoundException("YamlDotNet.dll is not beside the generator.", "YamlDotNet.dll");
            }

            return null;
        }
    }
}
