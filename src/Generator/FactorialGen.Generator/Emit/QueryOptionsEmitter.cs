using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// Emits the options type of an operation with many optional query parameters (see <see cref="QueryOptions"/>): one
/// nullable init property per parameter, in the models' namespace. It is never serialized: no converter.
/// </summary>
internal static class QueryOptionsEmitter
{
    /// <summary>The options type, inside the models' namespace.</summary>
    internal static void WriteOptions(SourceWriter writer, OperationSpec operation, ModelSet set)
    {
        var ns = set.Namespace;
        var names = QueryOptions.PropertyNames(operation);
        CodeText.Summary(writer, $"The optional query parameters of {operation.Method} {operation.Path}; those left null are not sent.");
        writer.WriteLine(CodeText.GeneratedCode);
        using (writer.Block($"{ModelEmitter.Accessibility(set)} sealed class {operation.OptionsName}"))
        {
            var first = true;
            foreach (var parameter in QueryOptions.Optional(operation))
            {
                if (!first)
                {
                    writer.WriteLine();
                }

                first = false;
                CodeText.Summary(writer, parameter.Description ?? $"The '{parameter.JsonName}' parameter.");
                writer.WriteLine($"public {OperationWriter.ParameterType(parameter.Type, ns)}? {names[parameter.JsonName]} {{ get; init; }}");
            }
        }
    }
}
