using System;
using System.IO;
using System.Threading;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Parsing;

/// <summary>The document of the core resources embedded in the generator, parsed once per process.</summary>
internal static class BuiltInDocument
{
    public const string ResourceName = "FactorialGen.Generator.Specs.factorial-core.json";

    private static readonly Lazy<Result<ApiDocumentSpec>> Parsed = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Result<ApiDocumentSpec> Document => Parsed.Value;

    private static Result<ApiDocumentSpec> Load()
    {
        using var stream = typeof(BuiltInDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The generator is missing its embedded resource '{ResourceName}'.");
        using var reader = new StreamReader(stream);
        return OpenApiReader.Read("factorial-core.json", SourceText.From(reader.ReadToEnd()), isBuiltIn: true, CancellationToken.None);
    }
}
