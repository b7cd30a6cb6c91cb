using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Reads the OpenAPI 3.1 <c>webhooks</c> section: one <see cref="WebhookSpec"/> per event, its subscription type taken
/// from the description ("Subscription_type: `...`") and its payload from the request body's JSON schema. Never throws
/// for bad input: an entry that cannot be understood is skipped with a warning.
/// </summary>
internal static class WebhookReader
{
    private const string Marker = "Subscription_type:";

    public static EquatableArray<WebhookSpec> Read(JsonElement root, JsonElement components, SchemaReader schemas, Action<string, string, string?> warn, CancellationToken cancellationToken)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("webhooks", out var section))
        {
            return EquatableArray<WebhookSpec>.Empty;
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            warn("The 'webhooks' section", $"it is a JSON {section.ValueKind}, not an object; no webhook events are generated", "webhooks");
            return EquatableArray<WebhookSpec>.Empty;
        }

        var hooks = new List<WebhookSpec>();
        var types = new HashSet<string>(StringComparer.Ordinal);
        var constants = new UniqueNames().Reserve(["Registry", "WebhookEvents", "FactorialWebhooks", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize"]);
        foreach (var entry in Ordered.ByName(section))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var operation = entry.Value.ValueKind == JsonValueKind.Object ? FirstObject(entry.Value) : default;
            if (operation.ValueKind != JsonValueKind.Object)
            {
                warn($"The webhook '{entry.Name}'", "it has no operation object; it is not generated", entry.Name);
                continue;
            }

            var description = StringOf(operation, "description");
            var type = SubscriptionType(description) ?? entry.Name.Trim();
            if (type.Length == 0 || !types.Add(type))
            {
                warn($"The webhook '{entry.Name}'", type.Length == 0 ? "its subscription type is empty" : $"its subscription type '{type}' is already taken by another webhook; it is not generated", entry.Name);
                continue;
            }

            var wanted = Identifier.Pascal(type, "Event");
            var constant = constants.Claim(wanted, i => Identifier.Cap(wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

            var payload = Payload(operation, components, schemas, constant + "Payload");
            var deprecated = operation.TryGetProperty("deprecated", out var d) && d.ValueKind == JsonValueKind.True;
            hooks.Add(new WebhookSpec(entry.Name, type, constant, payload, StringOf(operation, "summary"), deprecated));
        }

        Ordered.Sort(hooks, static h => h.SubscriptionType);
        return hooks.ToEquatableArray();
    }

    /// <summary>The text between the backticks after "Subscription_type:", or <c>null</c>.</summary>
    internal static string? SubscriptionType(string? description)
    {
        var at = description?.IndexOf(Marker, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var open = description!.IndexOf('`', at + Marker.Length);
        var close = open < 0 ? -1 : description.IndexOf('`', open + 1);
        if (open < 0 || close < 0 || description.Substring(at + Marker.Length, open - at - Marker.Length).Trim().Length > 0)
        {
            return null;
        }

        var type = description.Substring(open + 1, close - open - 1).Trim();
        return type.Length == 0 ? null : type;
    }

    private static TypeRef Payload(JsonElement operation, JsonElement components, SchemaReader schemas, string contextName)
    {
        if (!operation.TryGetProperty("requestBody", out var body))
        {
            return TypeRef.Json;
        }

        // A body may itself be a $ref to #/components/requestBodies/...
        body = ComponentRefs.Resolve(body, components, "requestBodies");
        if (body.ValueKind == JsonValueKind.Undefined)
        {
            return TypeRef.Json;
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return TypeRef.Json;
        }

        var json = OperationReader.JsonMedia(content);
        return json.ValueKind == JsonValueKind.Object && json.TryGetProperty("schema", out var schema)
            ? schemas.Read(schema, contextName)
            : TypeRef.Json;
    }

    /// <summary>The first property value of <paramref name="element"/> that is an object, or <c>default</c>.</summary>
    private static JsonElement FirstObject(JsonElement element)
    {
        foreach (var member in element.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Object)
            {
                return member.Value;
            }
        }

        return default;
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
