using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;

namespace FactorialGen.Generator.Emit;

// The request of an operation's method: the statements that build it, and the builders a list operation's one-page and
// every-item methods share.
internal static partial class OperationWriter
{
    /// <summary>
    /// Writes the request builders of a paged operation: one private static method per set of query parameters, which
    /// both its one-page method and its every-item method call, so the query is written once (the every-item method
    /// passes <see langword="null"/> for the paging values, which then add nothing: the same query it always sent).
    /// </summary>
    public static void WriteRequestBuilders(SourceWriter writer, OperationSpec operation, string ns, string? pathPrefix)
    {
        if (operation.ResponseShape != ResponseShape.Paged)
        {
            return;
        }

        foreach (var querySet in operation.OptionsName is null ? [QuerySet.All] : new[] { QuerySet.Common, QuerySet.Options })
        {
            var parameters = Parameters(operation, listAll: false, ns, querySet).ToList();
            var declarations = parameters.Select(p => p.Declaration.EndsWith(" = null", StringComparison.Ordinal) ? p.Declaration.Substring(0, p.Declaration.Length - " = null".Length) : p.Declaration);
            writer.WriteLine();
            var statements = new List<string>();
            var request = RequestStatements(statements, operation, ns, parameters, querySet, pathPrefix);
            WriteBody(writer, $"private static __F::FactorialRequest {RequestBuilderName(operation, querySet)}({string.Join(", ", declarations)})", statements, request);
        }
    }

    /// <summary>
    /// <c>__{Name}Request</c>, or <c>__{Name}RequestFromOptions</c> for the options overloads: the operation names of a
    /// resource differ, and no name ends the way the other one does, so no two builders share a name.
    /// </summary>
    private static string RequestBuilderName(OperationSpec operation, QuerySet querySet) =>
        $"__{operation.Name}Request{(querySet == QuerySet.Options ? "FromOptions" : string.Empty)}";

    private static string RequestBuilderCall(OperationSpec operation, string ns, QuerySet querySet, bool listAll)
    {
        var arguments = Parameters(operation, listAll: false, ns, querySet).Select(p => listAll && IsPaging(p) ? "null" : p.Name);
        return $"{RequestBuilderName(operation, querySet)}({string.Join(", ", arguments)})";
    }

    /// <summary>A paging value the generator adds to a one-page method (<see cref="PagingParameters"/>).</summary>
    private static bool IsPaging(Parameter parameter) => parameter.Shared && parameter.Location == ParameterLocation.Query;

    /// <summary>
    /// Adds the null checks and, when the request needs more than its creation (query values, a body),
    /// <c>var __request = …;</c> and what it needs; returns the expression of the request: <c>__request</c>, or the
    /// creation itself when nothing else is done with it.
    /// </summary>
    private static string RequestStatements(List<string> statements, OperationSpec operation, string ns, List<Parameter> parameters, QuerySet querySet, string? pathPrefix)
    {
        foreach (var parameter in parameters.Where(p => p.Required && !p.IsValueType))
        {
            statements.Add($"__S::ArgumentNullException.ThrowIfNull({parameter.Name});");
        }

        var creation = OperationRequestWriter.Expression(operation, pathPrefix);
        var optionNames = querySet == QuerySet.Options ? QueryOptions.PropertyNames(operation) : null;
        var allPaging = parameters.Count(IsPaging) == PagingParameters.Length;
        var queries = parameters.Where(p => p.Location == ParameterLocation.Query).Select(p => (p.JsonName, p.Type, Value: p.Name, Paging: IsPaging(p)))
            .Concat(optionNames is null ? [] : QueryOptions.Optional(operation).Select(p => (p.JsonName, p.Type, Value: "options." + optionNames[p.JsonName], Paging: false)))
            .ToList();
        var hasBody = (operation.BodyKind == BodyKind.Json && operation.Body is not null) || operation.BodyKind == BodyKind.Multipart;
        if (queries.Count == 0 && !hasBody)
        {
            return creation;
        }

        if (queries.Count == 0 && BodyExpression(operation, ns, creation) is { } withBody)
        {
            // Only a body: one expression (the setters return the request), so the method is expression-bodied.
            return withBody;
        }

        statements.Add($"var __request = {creation};");
        var pagingWritten = false;
        foreach (var (jsonName, type, value, paging) in queries)
        {
            if (paging && allPaging)
            {
                // The four paging values, in their order (limit, after_id, before_id, page), in one call.
                if (!pagingWritten)
                {
                    statements.Add($"__R::FactorialCall.AddPaging(__request, {string.Join(", ", PagingParameters.Select(p => p.Name))});");
                    pagingWritten = true;
                }

                continue;
            }

            statements.Add(type.Kind == TypeRefKind.Json
                ? $"__request.AddQueryObject({CodeText.Literal(jsonName)}, {value});"
                : $"__request.AddQuery({CodeText.Literal(jsonName)}, {OperationRequestWriter.FormatExpression(type, value)});");
        }

        if (operation.BodyKind == BodyKind.Json && operation.Body is { } body)
        {
            var call = $"__request.WithJsonBody(body, {CodeText.TypeInfo(body, ns)});";
            if (operation.BodyRequired)
            {
                statements.Add(call);
            }
            else if (!body.IsValueType)
            {
                // No body when the caller leaves it out (the runtime's one null check instead of an if in every operation).
                statements.Add($"__R::FactorialCall.OptionalBody(__request, body, {CodeText.TypeInfo(body, ns)});");
            }
            else
            {
                statements.Add("if (body is not null)");
                statements.Add("{");
                statements.Add($"\t__request.WithJsonBody(body.Value, {CodeText.TypeInfo(body, ns)});");
                statements.Add("}");
            }
        }
        else if (operation.BodyKind == BodyKind.Multipart)
        {
            statements.Add("__request.WithContent(content);");
        }

        return "__request";
    }

    /// <summary>
    /// <paramref name="request"/> with the operation's body set, as one expression (<c>….WithJsonBody(body, …)</c>,
    /// <c>FactorialCall.OptionalBody(…, body, …)</c>, <c>….WithContent(content)</c>); null for an optional value-type
    /// body, which needs an <c>if</c>.
    /// </summary>
    private static string? BodyExpression(OperationSpec operation, string ns, string request)
    {
        if (operation.BodyKind == BodyKind.Multipart)
        {
            return $"{request}.WithContent(content)";
        }

        if (operation.BodyKind != BodyKind.Json || operation.Body is not { } body)
        {
            return null;
        }

        return operation.BodyRequired ? $"{request}.WithJsonBody(body, {CodeText.TypeInfo(body, ns)})"
            : body.IsValueType ? null
            : $"__R::FactorialCall.OptionalBody({request}, body, {CodeText.TypeInfo(body, ns)})";
    }

    /// <summary>
    /// A type written with the aliases of the client's API namespace files (<see cref="ClientGroupWriter"/>):
    /// <c>__T::</c> System.Threading.Tasks and <c>__G::</c> System.Collections.Generic, the namespaces every operation names.
    /// </summary>
    internal static string Short(string type) =>
        type.Replace("__S::Threading.Tasks.", "__T::").Replace("__S::Collections.Generic.", "__G::");
}
