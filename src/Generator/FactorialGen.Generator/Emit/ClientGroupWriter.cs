using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// Writes one API namespace of a client in a file of its own: the group class (one property per resource) and one
/// nested class per resource with its operations (each marked <c>[FactorialOperation]</c>), inside a partial
/// declaration of the client.
/// </summary>
internal static class ClientGroupWriter
{
    private const string Connection = "__F::FactorialConnection";

    public static SourceWriter Write(ClientSpec client, string group, List<OperationSpec> operations)
    {
        // The names every operation uses (Task, CancellationToken, IEnumerable, its scopes, docs and JSON metadata), as short as the others (OperationWriter.Short).
        var writer = CodeText.Start(client.ModelNamespace, Aliases.Operations);
        writer.WriteLine("#pragma warning disable CS1573 // added parameters are documented by <inheritdoc>, which CS1573 does not count");
        var closers = ClientEmitter.OpenContaining(writer, client.Declaration);
        using (writer.Block($"partial class {client.Declaration.Identifier}"))
        {
            WriteGroup(writer, client, group, operations);
        }

        ClientEmitter.Close(closers);
        return writer;
    }

    private static void WriteGroup(SourceWriter writer, ClientSpec client, string group, List<OperationSpec> operations)
    {
        var resources = operations.GroupBy(o => o.Resource).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var resourceNames = new HashSet<string>(resources.Select(r => r.Key), StringComparer.Ordinal);
        writer.WriteLine($"/// <summary>The resources of the <c>{group}</c> API namespace.</summary>");
        foreach (var omitted in client.Omitted.Where(o => o.Group == group && !resourceNames.Contains(o.Resource)).GroupBy(o => o.Resource).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(OmittedOperationAttributes.For(client, omitted.Key, omitted));
        }

        writer.WriteLine(CodeText.GeneratedCode);
        using (writer.Block($"public sealed partial class {group}Api"))
        {
            writer.WriteLine($"internal {group}Api({Connection} connection)");
            writer.WriteLine("{");
            foreach (var resource in resources)
            {
                writer.WriteLine($"    {resource.Key} = new {resource.Key}Resource(connection);");
            }

            writer.WriteLine("}");
            foreach (var resource in resources)
            {
                writer.WriteLine();
                writer.WriteLine($"/// <summary>Operations on <c>{CodeText.Escape(ResourcePath(resource.First()))}</c>.</summary>");
                writer.WriteLine($"public {resource.Key}Resource {resource.Key} {{ get; }}");
            }

            foreach (var resource in resources)
            {
                writer.WriteLine();
                WriteResource(writer, client, group, resource.Key, resource.ToList());
            }
        }
    }

    private static void WriteResource(SourceWriter writer, ClientSpec client, string group, string resource, List<OperationSpec> operations)
    {
        var names = new HashSet<string>(operations.Select(o => o.Name), StringComparer.Ordinal);
        writer.WriteLine($"/// <summary>Operations on <c>{CodeText.Escape(ResourcePath(operations[0]))}</c>.</summary>");
        foreach (var omitted in client.Omitted.Where(o => o.Group == group && o.Resource == resource && !names.Contains(o.Name)).OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            writer.WriteLine(OmittedOperationAttributes.For(client, omitted.Name + "Async", [omitted]));
            if (omitted.ResponseShape == ResponseShape.Paged)
            {
                writer.WriteLine(OmittedOperationAttributes.For(client, omitted.Name + "AllAsync", [omitted]));
            }
        }

        writer.WriteLine(CodeText.GeneratedCode);
        using (writer.Block($"public sealed partial class {resource}Resource"))
        {
            writer.WriteLine($"private readonly {Connection} __connection;");
            writer.WriteLine();
            writer.WriteLine($"internal {resource}Resource({Connection} connection) => __connection = connection;");
            var prefix = PathText.CommonPrefix(operations);
            if (prefix is not null)
            {
                writer.WriteLine();
                writer.WriteLine($"private const string {PathText.ConstantName} = {CodeText.Literal(prefix)};");
            }

            foreach (var operation in operations.OrderBy(o => o.Name, StringComparer.Ordinal))
            {
                writer.WriteLine();
                OperationWriter.Write(writer, operation, client.ModelNamespace, listAll: false, prefix);
                if (operation.ResponseShape == ResponseShape.Paged)
                {
                    writer.WriteLine();
                    OperationWriter.Write(writer, operation, client.ModelNamespace, listAll: true, prefix);
                    OperationWriter.WriteRequestBuilders(writer, operation, client.ModelNamespace, prefix);
                }
            }
        }
    }

    internal static string ResourcePath(OperationSpec operation)
    {
        var segments = operation.Path.Split('/');
        var at = Array.IndexOf(segments, "resources");
        return at >= 0 && segments.Length > at + 2 ? segments[at + 1] + "/" + segments[at + 2] : operation.Path;
    }

}
