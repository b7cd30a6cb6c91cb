using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Which AdditionalFiles are OpenAPI documents: those added with <c>&lt;FactorialSpec Include="…" /&gt;</c> (the
/// package's targets mark them), and, by convention, <c>factorial*.json</c>, <c>factorial*.yaml</c> and
/// <c>factorial*.yml</c>. No other file is ever parsed. A <c>.yaml</c>/<c>.yml</c> file is read as YAML, any other as JSON.
/// </summary>
internal static class DocumentSelector
{
    public static bool IsFactorialDocument(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        if (options.GetOptions(file).TryGetValue(KnownNames.FactorialSpecMetadata, out var flag) && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var name = Path.GetFileName(file.Path);
        return name.StartsWith("factorial", StringComparison.OrdinalIgnoreCase)
            && (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || IsYaml(name));
    }

    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
