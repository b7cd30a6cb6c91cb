using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// What a client declaration selects from its document: the operations its read/write scope and its resource scopes
/// allow, and — for a client limited with <c>Resources</c> — only the models, enums and webhook events those operations reach.
/// </summary>
internal static class ClientSelection
{
    /// <summary>Whether a client declared with <paramref name="declared"/> gets an operation needing <paramref name="required"/> (Read and Write each select their own).</summary>
    public static bool AllowsAccess(AccessScope declared, AccessScope required) => declared == AccessScope.ReadWrite || declared == required;

    /// <summary>
    /// Whether a client limited to <paramref name="declared"/> gets an operation covered by <paramref name="required"/>:
    /// always when the client is not limited (<see cref="ResourceScope.None"/>) or no resource scope covers the operation.
    /// </summary>
    public static bool AllowsResource(ResourceScope declared, ResourceScope required) =>
        declared == ResourceScope.None || required == ResourceScope.None || (declared & required) == required;

    /// <summary>
    /// Whether <paramref name="declaration"/> leaves <paramref name="operation"/> out as unknown: the client is limited by
    /// <c>Resources</c>, declared with <c>OmitUnknownOperations = true</c>, and no resource scope covers the operation.
    /// </summary>
    public static bool OmitsAsUnknown(ClientDeclaration declaration, OperationSpec operation) =>
        declaration.OmitUnknownOperations && declaration.Resources != ResourceScope.None && operation.ResourceScope == ResourceScope.None;

    public static bool Allows(ClientDeclaration declaration, OperationSpec operation) =>
        AllowsAccess(declaration.Scope, operation.RequiredScope) && AllowsResource(declaration.Resources, operation.ResourceScope) &&
        !OmitsAsUnknown(declaration, operation);

    /// <summary>
    /// The document as the clients of <paramref name="declarations"/> need it: the whole document when one of them is not
    /// limited by resource scopes, else only the models, enums and webhook events their operations reach.
    /// </summary>
    public static ApiDocumentSpec For(ApiDocumentSpec document, IEnumerable<ClientDeclaration> declarations)
    {
        var list = declarations.ToList();
        if (list.Count == 0 || list.Any(d => d.Resources == ResourceScope.None))
        {
            return document;
        }

        return Reached(document, document.Operations.Where(o => list.Any(d => Allows(d, o))));
    }

    /// <summary>
    /// The models and enums <paramref name="operations"/> reach (parameters, bodies, answers, and what their properties
    /// reach in turn), and the webhook events whose payload is one of them or is not a generated type.
    /// </summary>
    public static ApiDocumentSpec Reached(ApiDocumentSpec document, IEnumerable<OperationSpec> operations)
    {
        var models = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
        foreach (var model in document.Models)
        {
            models[model.Name] = model;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>();
        foreach (var operation in operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                pending.Push(parameter.Type);
            }

            if (operation.Body is { } body)
            {
                pending.Push(body);
            }

            if (operation.Response is { } response)
            {
                pending.Push(response);
            }
        }

        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Kind == TypeRefKind.Array && type.Element is { } element)
            {
                pending.Push(element);
            }
            else if (type.Kind is TypeRefKind.Model or TypeRefKind.Enum && type.Name is { } name && reached.Add(name) && models.TryGetValue(name, out var model))
            {
                foreach (var property in model.Properties)
                {
                    pending.Push(property.Type);
                }
            }
        }

        return document with
        {
            Models = document.Models.Where(m => reached.Contains(m.Name)).ToEquatableArray(),
            Enums = document.Enums.Where(e => reached.Contains(e.Name)).ToEquatableArray(),
            Webhooks = document.Webhooks.Where(w => IsReached(w.Payload, reached)).ToEquatableArray(),
        };
    }

    private static bool IsReached(TypeRef type, HashSet<string> reached) => type.Kind switch
    {
        TypeRefKind.Array => type.Element is null || IsReached(type.Element, reached),
        TypeRefKind.Model or TypeRefKind.Enum => type.Name is { } name && reached.Contains(name),
        _ => true,
    };
}
