using System;
using System.Collections.Generic;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// Emits each client's <c>ApiVersion</c> constant: the dated API version its operations call, taken from its document's
/// paths (the built-in document's too, never a version written into the emitter). Nothing for a document whose paths
/// carry no version.
/// </summary>
internal static class ApiVersionEmitter
{
    public static void Emit(SourceProductionContext context, ClientSpec? client)
    {
        if (client?.ApiVersion is not null)
        {
            context.AddSource($"{client.Declaration.HintName}.ApiVersion.g.cs", Write(client).ToSourceText());
        }
    }

    internal static SourceWriter Write(ClientSpec client)
    {
        var declaration = client.Declaration;
        var writer = CodeText.Start(null);
        var closers = ClientEmitter.OpenContaining(writer, declaration);

        using (writer.Block($"partial class {declaration.Identifier}"))
        {
            writer.WriteLine($"/// <summary>The dated Factorial API version this client calls, from its OpenAPI document: every operation goes to <c>/api/{CodeText.Escape(client.ApiVersion!)}/…</c>.</summary>");
            writer.WriteLine($"public const string ApiVersion = {CodeText.Literal(client.ApiVersion!)};");
        }

        ClientEmitter.Close(closers);

        return writer;
    }
}
