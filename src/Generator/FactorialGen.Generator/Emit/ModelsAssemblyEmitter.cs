using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// The models compilation's record of what it holds (see <see cref="ModelsAssembly"/>): one
/// <c>[assembly: AssemblyMetadata("FactorialGen.Models", "{namespace}|{fingerprint}|{selection}")]</c> per document.
/// </summary>
internal static class ModelsAssemblyEmitter
{
    public static void Emit(SourceProductionContext context, (ModelSet Set, string Entry) entry)
    {
        var writer = CodeText.Start(modelNamespace: null)
            .WriteLine($"[assembly: __S::Reflection.AssemblyMetadata({CodeText.Literal(ModelsAssembly.MetadataKey)}, {CodeText.Literal(entry.Entry)})]");
        context.AddSource($"{entry.Set.Namespace}.FactorialModels.g.cs", writer.ToSourceText());
    }
}
