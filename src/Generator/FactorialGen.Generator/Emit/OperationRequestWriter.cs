using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// Writes the expression that creates an operation's request: its path written once, as the template, and the path
/// values after it, e.g. <c>__R::FactorialCall.Get("/api/…/leaves/{id}", __Scope.Read, __Res.TimeOff, id)</c>.
/// The runtime fills the placeholders in order, each escaped with <c>Uri.EscapeDataString</c>: the path is the one the
/// concatenation <c>"/api/…/leaves/" + __S::Uri.EscapeDataString(id)</c> gave.
/// </summary>
internal static class OperationRequestWriter
{
    /// <summary>The runtime's template forms take at most this many path values (no params array).</summary>
    private const int MaxTemplateValues = 3;

    private const string Query = "__R::FactorialQuery";

    /// <summary>The expression creating the request of <paramref name="operation"/> (its path after its resource's <c>__Path</c> when <paramref name="pathPrefix"/> is given: <see cref="PathText"/>).</summary>
    public static string Expression(OperationSpec operation, string? pathPrefix)
    {
        var values = PathValues(operation);
        var scope = $"__Scope.{ClientEmitter.ScopeName(operation.RequiredScope)}";
        if (values.Count > MaxTemplateValues)
        {
            return ConcatenatedExpression(operation, scope, pathPrefix);
        }

        var head = operation.Method switch
        {
            "GET" => "Get(",
            "POST" => "Post(",
            "PUT" => "Put(",
            "PATCH" => "Patch(",
            "DELETE" => "Delete(",
            "HEAD" => "FromTemplate(__S::Net.Http.HttpMethod.Head, ",
            _ => "Get(",
        };
        var arguments = values.Count == 0 ? string.Empty : ", " + string.Join(", ", values.Select(v => v.Value));
        return $"__R::FactorialCall.{head}{PathText.Expression(operation.Path, pathPrefix)}, {scope}, {ScopeText.Expression(operation.ResourceScope)}{arguments})";
    }

    /// <summary>
    /// The path's placeholders in order with the expression of each value (a string parameter as it is, any other type
    /// formatted): a placeholder is a <c>{</c> and the next <c>}</c> after it, as the runtime reads the template.
    /// </summary>
    private static List<(int Open, int Close, string Value)> PathValues(OperationSpec operation)
    {
        var result = new List<(int, int, string)>();
        var path = operation.Path;
        var position = 0;
        while (position < path.Length)
        {
            var open = path.IndexOf('{', position);
            var close = open < 0 ? -1 : path.IndexOf('}', open);
            if (close < 0)
            {
                break;
            }

            var name = path.Substring(open + 1, close - open - 1);
            var parameter = operation.Parameters.First(p => p.Location == ParameterLocation.Path && p.JsonName == name);
            result.Add((open, close, parameter.Type.Kind == TypeRefKind.String ? parameter.Name : $"{Query}.{FormatMethod(parameter.Type)}({parameter.Name})!"));
            position = close + 1;
        }

        return result;
    }

    /// <summary>
    /// More path values than the template forms take: <c>FactorialCall.Create(method, "…/" + __S::Uri.EscapeDataString(a) + …, scope, resource, pathTemplate: "…")</c>.
    /// </summary>
    private static string ConcatenatedExpression(OperationSpec operation, string scope, string? pathPrefix)
    {
        var path = operation.Path;
        var parts = new List<string>();
        var position = 0;
        foreach (var (open, close, value) in PathValues(operation))
        {
            if (open > position)
            {
                parts.Add(CodeText.Literal(path.Substring(position, open - position)));
            }

            parts.Add($"__S::Uri.EscapeDataString({value})");
            position = close + 1;
        }

        if (position < path.Length)
        {
            parts.Add(CodeText.Literal(path.Substring(position)));
        }

        var method = operation.Method switch
        {
            "POST" => "Post",
            "PUT" => "Put",
            "PATCH" => "Patch",
            "DELETE" => "Delete",
            "HEAD" => "Head",
            _ => "Get",
        };
        return $"__R::FactorialCall.Create(__S::Net.Http.HttpMethod.{method}, {string.Join(" + ", parts)}, {scope}, {ScopeText.Expression(operation.ResourceScope)}, pathTemplate: {PathText.Expression(path, pathPrefix)})";
    }

    /// <summary>The expression of a query value: a string (or string list) as it is, any other type formatted.</summary>
    public static string FormatExpression(TypeRef type, string name) => type.Kind switch
    {
        TypeRefKind.String => name,
        TypeRefKind.Array when type.Element!.Kind == TypeRefKind.String => name,
        _ => $"{Query}.{FormatMethod(type)}({name})",
    };

    /// <summary>
    /// The runtime's formatter of a path or query value: one name per type (<c>FormatInt64</c>, <c>FormatDateList</c> …),
    /// so the compiler resolves no overloads at each of hundreds of call sites.
    /// </summary>
    public static string FormatMethod(TypeRef type) => type.Kind == TypeRefKind.Array
        ? $"Format{type.Element!.Kind}List"
        : $"Format{type.Kind}";
}
