using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>Reads what a generated client holds from its symbols: the <c>[FactorialOperation]</c> methods and the <c>[FactorialOmittedOperation]</c> records.</summary>
internal static class GeneratedOperations
{
    /// <summary>One operation of a client: method, path, the resource path (<c>employees/employees</c>), its scopes.</summary>
    public sealed record Operation(string Method, string Path, string ResourcePath, FactorialScope RequiredScope, FactorialResourceScopes RequiredResource);

    /// <summary>The distinct operations of a client (its groups' resources' methods, without <c>GetDaysOffAsync</c>).</summary>
    public static IReadOnlyList<Operation> Of(INamedTypeSymbol client) =>
        client.GetTypeMembers().SelectMany(g => g.GetTypeMembers()).SelectMany(r => r.GetMembers().OfType<IMethodSymbol>())
            .Select(m => m.GetAttributes().SingleOrDefault(a => a.AttributeClass?.Name == "FactorialOperationAttribute"))
            .Where(a => a is not null)
            .Select(a => new Operation(
                (string)a!.ConstructorArguments[0].Value!,
                (string)a.ConstructorArguments[1].Value!,
                ResourcePath((string)a.ConstructorArguments[1].Value!),
                RequiredScope(a),
                RequiredResource(a)))
            .Distinct()
            .ToList();

    /// <summary>The <c>[FactorialOmittedOperation]</c> records on a generated type: member, scope, resource scopes.</summary>
    public static IReadOnlyList<(string Member, FactorialScope Scope, FactorialResourceScopes Resources)> Omitted(INamedTypeSymbol type) =>
        type.GetAttributes().Where(a => a.AttributeClass?.Name == "FactorialOmittedOperationAttribute")
            .Select(a => ((string)a.ConstructorArguments[0].Value!, (FactorialScope)(int)a.ConstructorArguments[1].Value!, (FactorialResourceScopes)(long)Named(a, "RequiredResource", 0L)))
            .ToList();

    /// <summary>An operation attribute's <c>RequiredScope</c>: its <c>requiredScope</c> constructor argument (the generated form) or named argument.</summary>
    public static FactorialScope RequiredScope(AttributeData attribute) => (FactorialScope)(int)Argument(attribute, "requiredScope", "RequiredScope", 1);

    /// <summary>An operation attribute's <c>RequiredResource</c>: its <c>requiredResource</c> constructor argument (the generated form) or named argument.</summary>
    public static FactorialResourceScopes RequiredResource(AttributeData attribute) => (FactorialResourceScopes)(long)Argument(attribute, "requiredResource", "RequiredResource", 0L);

    private static object Argument(AttributeData attribute, string parameter, string name, object fallback)
    {
        var parameters = attribute.AttributeConstructor!.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == parameter)
            {
                return attribute.ConstructorArguments[i].Value!;
            }
        }

        return Named(attribute, name, fallback);
    }

    private static object Named(AttributeData attribute, string name, object fallback) =>
        attribute.NamedArguments.Where(n => n.Key == name).Select(n => n.Value.Value).FirstOrDefault() ?? fallback;

    private static string ResourcePath(string path)
    {
        var segments = path.Split('/');
        var at = System.Array.IndexOf(segments, "resources");
        return at >= 0 && segments.Length > at + 2 ? segments[at + 1] + "/" + segments[at + 2] : path;
    }
}
