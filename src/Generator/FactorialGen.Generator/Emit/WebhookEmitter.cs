using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// Emits a document's webhook events: a <c>FactorialWebhooks</c> class beside its models with one constant per
/// subscription type and a registry (subscription type → payload type and its generated JSON metadata), and on each
/// client of that document the <c>IFactorialWebhookSource</c> member that hands the registry to a receiver. Nothing for
/// a document without a <c>webhooks</c> section.
/// </summary>
internal static class WebhookEmitter
{
    private const string Registry = "__F::Webhooks.FactorialWebhookRegistry";
    private const string Event = "__F::Webhooks.FactorialWebhookEvent";
    private const string Source = "__F::Webhooks.IFactorialWebhookSource";
    private const string Subscriptions = "__F::Webhooks.FactorialWebhookSubscriptions";

    public static void Emit(SourceProductionContext context, ModelSet set)
    {
        if (set.Document.Webhooks.Count > 0)
        {
            context.AddSource($"{set.Namespace}.FactorialWebhooks.Events.g.cs", Write(set).ToSourceText());
        }
    }

    public static void EmitClient(SourceProductionContext context, ClientSpec? client)
    {
        if (client is { HasWebhooks: true })
        {
            context.AddSource($"{client.Declaration.HintName}.Webhooks.g.cs", WriteClient(client).ToSourceText());
        }
    }

    internal static SourceWriter Write(ModelSet set)
    {
        var ns = set.Namespace;
        var writer = CodeText.Start(ns, Aliases.Json);
        var source = set.Document.FileName is { } fileName ? System.IO.Path.GetFileNameWithoutExtension(fileName) : "the built-in document";
        writer.FileNamespace(ns);
        writer.WriteLine($"/// <summary>The webhook events of {CodeText.Escape(source)}: one constant per subscription type, and <see cref=\"WebhookEvents\"/>, which maps each to its payload type.</summary>");
        writer.WriteLine("/// <remarks>Factorial posts each event to the URL of its subscription; deliveries do not say which event they are, so use one URL per type.</remarks>");
        writer.WriteLine(CodeText.GeneratedCode);
        using (writer.Block($"{(set.IsPublic ? "public" : "internal")} sealed partial class FactorialWebhooks : {Source}"))
        {
            writer.WriteLine($"private static {Registry}? __registry;");
            writer.WriteLine();
            writer.WriteLine("private FactorialWebhooks()");
            writer.WriteLine("{");
            writer.WriteLine("}");
            foreach (var hook in set.Document.Webhooks)
            {
                writer.WriteLine();
                CodeText.Summary(writer, hook.Summary ?? $"The '{hook.SubscriptionType}' event.");
                CodeText.WriteTag(writer, "remarks", $"Subscription type '{hook.SubscriptionType}'; payload {PayloadName(hook.Payload, ns)}.");
                if (hook.Deprecated)
                {
                    writer.WriteLine("[__S::Obsolete(\"Deprecated in the API document.\")]");
                }

                writer.WriteLine($"public const string {hook.ConstantName} = {CodeText.Literal(hook.SubscriptionType)};");
            }

            writer.WriteLine();
            writer.WriteLine($"/// <summary>Every webhook event of the document ({set.Document.Webhooks.Count}): subscription type → payload type and its generated JSON metadata.</summary>");
            writer.WriteLine($"public static {Registry} WebhookEvents => __registry ??= CreateRegistry();");
            writer.WriteLine();
            using (writer.Block($"private static {Registry} CreateRegistry()"))
            {
                writer.WriteLine($"return new {Registry}(new {Event}[]");
                writer.WriteLine("{");
                writer.Indent();
                foreach (var hook in set.Document.Webhooks)
                {
                    writer.WriteLine($"new {Event}({hook.ConstantName}, {CodeText.TypeInfo(hook.Payload, ns)}),");
                }

                writer.Unindent();
                writer.WriteLine("});");
            }
        }

        return writer;
    }

    internal static SourceWriter WriteClient(ClientSpec client)
    {
        var declaration = client.Declaration;
        var writer = CodeText.Start(client.ModelNamespace);
        var closers = ClientEmitter.OpenContaining(writer, declaration);

        using (writer.Block($"partial class {declaration.Identifier} : {Source}"))
        {
            writer.WriteLine($"/// <summary>The webhook events of this client's document (see <see cref=\"__M::FactorialWebhooks\"/>).</summary>");
            writer.WriteLine($"public static {Registry} WebhookEvents => __M::FactorialWebhooks.WebhookEvents;");
            if (CanSubscribe(client))
            {
                writer.WriteLine();
                writer.WriteLine($"private {Subscriptions}? __webhooks;");
                writer.WriteLine();
                writer.WriteLine("/// <summary>Subscribes a receiver to this document's webhook events (<c>api_public/webhook_subscriptions</c>): one subscription per event type, each with a fresh random challenge.</summary>");
                writer.WriteLine($"public {Subscriptions} Webhooks => __S::Threading.LazyInitializer.EnsureInitialized(ref __webhooks, () => new {Subscriptions}(Connection, {CodeText.Literal(client.ApiVersion ?? "2026-07-01")}, WebhookEvents));");
            }
        }

        ClientEmitter.Close(closers);

        return writer;
    }

    /// <summary>Whether the client has every call of <c>api_public/webhook_subscriptions</c> that subscribing needs (list, create, update, delete).</summary>
    internal static bool CanSubscribe(ClientSpec client)
    {
        const string Resource = "/api_public/webhook_subscriptions";
        bool Has(string method, string suffix) => client.Operations.Any(o => o.Method == method && o.Path.EndsWith(suffix, StringComparison.Ordinal));
        return client.HasWebhooks && Has("GET", Resource) && Has("POST", Resource) && Has("PUT", Resource + "/{id}") && Has("DELETE", Resource + "/{id}");
    }

    private static string PayloadName(TypeRef type, string ns) => type.Kind switch
    {
        TypeRefKind.Model or TypeRefKind.Enum => type.Name!,
        _ => CodeText.TypeName(type, ns).Replace(CodeText.SystemAlias, "System."),
    };
}
