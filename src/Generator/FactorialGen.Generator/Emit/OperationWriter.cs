using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;

namespace FactorialGen.Generator.Emit;

/// <summary>Writes one operation method: XML docs, <c>[FactorialOperation]</c>, typed parameters and the request it sends.</summary>
internal static partial class OperationWriter
{
    private const string CancellationToken = "__CT";

    /// <summary>The paging values a one-page method adds (documented on <c>FactorialOperationParameters.Page</c>).</summary>
    private static readonly (string Json, string Name, TypeRef Type)[] PagingParameters =
    [
        ("limit", "limit", TypeRef.Int32),
        ("after_id", "afterId", TypeRef.String),
        ("before_id", "beforeId", TypeRef.String),
        ("page", "page", TypeRef.Int32),
    ];

    /// <summary>Which optional query parameters a method declares.</summary>
    private enum QuerySet
    {
        /// <summary>Every one (an operation with few).</summary>
        All,

        /// <summary>The common ones (<see cref="QueryOptions.Common"/>): the short overload.</summary>
        Common,

        /// <summary>None: an options object holds them all.</summary>
        Options,
    }

    /// <summary>Writes the operation's method; with an options type, its short overload and its options overload.</summary>
    /// <param name="pathPrefix">The resource's <see cref="PathText.CommonPrefix"/>, which its <c>__Path</c> constant holds, or null.</param>
    public static void Write(SourceWriter writer, OperationSpec operation, string ns, bool listAll, string? pathPrefix)
    {
        if (operation.OptionsName is null)
        {
            Write(writer, operation, ns, listAll, QuerySet.All, pathPrefix);
            return;
        }

        Write(writer, operation, ns, listAll, QuerySet.Common, pathPrefix);
        writer.WriteLine();
        Write(writer, operation, ns, listAll, QuerySet.Options, pathPrefix);
    }

    private static void Write(SourceWriter writer, OperationSpec operation, string ns, bool listAll, QuerySet querySet, string? pathPrefix)
    {
        var parameters = Parameters(operation, listAll, ns, querySet).ToList();
        var item = operation.Response is { } response ? Short(CodeText.TypeName(response, ns)) : null;
        var (returnType, isAsync) = (operation.ResponseShape, listAll) switch
        {
            (ResponseShape.Paged, true) => ($"__G::IAsyncEnumerable<{item}>", false),
            (ResponseShape.Paged, false) => ($"__T::Task<__F::FactorialPage<{item}>>", false),
            (ResponseShape.Array, _) => ($"__T::Task<__G::IReadOnlyList<{item}>>", true),
            (ResponseShape.Single, _) => ($"__T::Task<{item}>", false),
            _ => ("__T::Task", false),
        };

        var methodName = operation.Name + (listAll ? "AllAsync" : "Async");
        WriteDocs(writer, operation, parameters, listAll, listAll ? PageMethodCref(operation, ns, querySet) : null);
        if (operation.Deprecated)
        {
            writer.WriteLine("[__S::Obsolete(\"Deprecated in the API document.\")]");
        }

        writer.WriteLine($"[__F::FactorialOperation({CodeText.Literal(operation.Method)}, {PathText.Expression(operation.Path, pathPrefix)}, __Scope.{ClientEmitter.ScopeName(operation.RequiredScope)}{ScopeText.RequiredResourceArgument(operation.ResourceScope)})]");
        var signature = string.Join(", ", parameters.Select(p => p.Declaration).Concat([$"{CancellationToken} cancellationToken = default"]));
        var header = $"public {(isAsync ? "async " : string.Empty)}{returnType} {methodName}({signature})";
        var typeInfo = operation.Response is { } r ? CodeText.TypeInfo(r, ns) : null;
        var statements = new List<string>();
        string result;
        if (operation.ResponseShape == ResponseShape.Paged)
        {
            // One page and every item send the same request (but the paging values): both call its builder.
            var built = RequestBuilderCall(operation, ns, querySet, listAll);
            result = listAll
                ? $"__connection.ListAllAsync({built}, {typeInfo}, paging, cancellationToken)"
                : $"__connection.GetPageAsync({built}, {typeInfo}, cancellationToken)";
        }
        else
        {
            var request = RequestStatements(statements, operation, ns, parameters, querySet, pathPrefix);
            result = operation.ResponseShape switch
            {
                ResponseShape.Array => $"(await __connection.GetPageAsync({request}, {typeInfo}, cancellationToken).ConfigureAwait(false)).Items",
                ResponseShape.Single => $"__connection.SendAsync({request}, {typeInfo}, cancellationToken)",
                _ => $"__connection.SendAsync({request}, cancellationToken)",
            };
        }

        WriteBody(writer, header, statements, result);
    }

    /// <summary>
    /// Writes a member: <c>header =&gt; result;</c> when there is nothing to do before returning, else a block of the
    /// statements and <c>return result;</c>.
    /// </summary>
    private static void WriteBody(SourceWriter writer, string header, List<string> statements, string result)
    {
        if (statements.Count == 0)
        {
            writer.WriteLine(header + " =>");
            writer.Indent();
            writer.WriteLine(result + ";");
            writer.Unindent();
            return;
        }

        using (writer.Block(header))
        {
            foreach (var statement in statements)
            {
                writer.WriteLine(statement);
            }

            writer.WriteLine($"return {result};");
        }
    }

    /// <param name="Doc">The document's description; null for a parameter the generator adds (<paramref name="Shared"/>).</param>
    /// <param name="Shared">The generator adds it: its doc is inherited from <c>FactorialOperationParameters</c>.</param>
    private sealed record Parameter(string Name, string JsonName, ParameterLocation? Location, TypeRef Type, bool Required, string Declaration, string? Doc, bool IsValueType, bool Shared = false);

    private static IEnumerable<Parameter> Parameters(OperationSpec operation, bool listAll, string ns, QuerySet querySet)
    {
        var path = operation.Parameters.Where(p => p.Location == ParameterLocation.Path).OrderBy(p => operation.Path.IndexOf("{" + p.JsonName + "}", StringComparison.Ordinal));
        var query = operation.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
        var result = new List<Parameter>();
        foreach (var p in path)
        {
            result.Add(Of(p, required: true, ns));
        }

        var bodyParameter = BodyParameter(operation, ns);
        if (bodyParameter is not null && bodyParameter.Required)
        {
            result.Add(bodyParameter);
        }

        result.AddRange(query.Where(p => p.Required).Select(p => Of(p, required: true, ns)));
        if (querySet == QuerySet.Options)
        {
            result.Add(new Parameter("options", "options", null, TypeRef.Json, true, $"__M::{operation.OptionsName} options", null, false, Shared: true));
        }

        if (bodyParameter is not null && !bodyParameter.Required)
        {
            result.Add(bodyParameter);
        }

        var optional = querySet switch
        {
            QuerySet.Common => QueryOptions.Common(operation),
            QuerySet.Options => [],
            _ => query.Where(p => !p.Required).ToList(),
        };
        result.AddRange(optional.Select(p => Of(p, required: false, ns)));
        if (operation.ResponseShape == ResponseShape.Paged)
        {
            if (listAll)
            {
                result.Add(new Parameter("paging", "paging", null, TypeRef.Json, false, "__F::FactorialPaging? paging = null", null, false, Shared: true));
            }
            else
            {
                var taken = new HashSet<string>(operation.Parameters.Select(p => p.JsonName).Concat(operation.Parameters.Select(p => Identifier.Unescape(p.Name))), StringComparer.Ordinal);
                foreach (var (json, name, type) in PagingParameters)
                {
                    if (!taken.Contains(json) && !taken.Contains(name))
                    {
                        result.Add(new Parameter(name, json, ParameterLocation.Query, type, false, $"{Short(CodeText.TypeName(type, ns, nullable: true))} {name} = null", null, true, Shared: true));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The C# type a parameter of <paramref name="type"/> is declared with (lists as <c>IEnumerable</c>, query objects as key/value pairs).</summary>
    internal static string ParameterType(TypeRef type, string ns) => type.Kind switch
    {
        TypeRefKind.Array => $"__S::Collections.Generic.IEnumerable<{CodeText.TypeName(type.Element!, ns)}>",
        TypeRefKind.Json => "__S::Collections.Generic.IEnumerable<__S::Collections.Generic.KeyValuePair<string, string>>",
        _ => CodeText.TypeName(type, ns),
    };

    private static Parameter Of(ParameterSpec p, bool required, string ns)
    {
        var type = Short(ParameterType(p.Type, ns));
        var declaration = required ? $"{type} {p.Name}" : $"{type}? {p.Name} = null";
        return new Parameter(p.Name, p.JsonName, p.Location, p.Type, required, declaration, p.Description, p.Type.IsValueType && p.Type.Kind is not (TypeRefKind.Array or TypeRefKind.Json));
    }

    private static Parameter? BodyParameter(OperationSpec operation, string ns) => operation.BodyKind switch
    {
        BodyKind.Json when operation.Body is { } body => new Parameter("body", "body", null, body, operation.BodyRequired,
            operation.BodyRequired ? $"{Short(CodeText.TypeName(body, ns))} body" : $"{Short(CodeText.TypeName(body, ns))}? body = null", null, body.IsValueType, Shared: true),
        BodyKind.Multipart => new Parameter("content", "content", null, TypeRef.Json, true, "__S::Net.Http.HttpContent content", null, false, Shared: true),
        _ => null,
    };

    private static void WriteDocs(SourceWriter writer, OperationSpec operation, List<Parameter> parameters, bool listAll, string? pageMethod) =>
        OperationDocs.Write(writer, operation, parameters.Select(p => new OperationDocs.Param(p.Name, p.JsonName, p.Doc, p.Required && !p.IsValueType, p.Location == ParameterLocation.Path && p.Type.Kind == TypeRefKind.String, p.Shared)).ToList(), listAll, pageMethod);

    /// <summary>
    /// The cref of the one-page method an every-item method shares its parameters' docs and remarks with: its name, and
    /// its parameter types only when an options type gives it two overloads.
    /// </summary>
    private static string PageMethodCref(OperationSpec operation, string ns, QuerySet querySet)
    {
        var name = operation.Name + "Async";
        if (operation.OptionsName is null)
        {
            return name;
        }

        var types = Parameters(operation, listAll: false, ns, querySet)
            .Select(p => OperationDocs.CrefType(p.Declaration, p.Name, p.Type.IsValueType && p.Type.Kind is not (TypeRefKind.Array or TypeRefKind.Json)))
            .Concat([CancellationToken]);
        return $"{name}({string.Join(", ", types)})";
    }

    /// <inheritdoc cref="OperationRequestWriter.FormatMethod(TypeRef)"/>
    internal static string FormatMethod(TypeRef type) => OperationRequestWriter.FormatMethod(type);
}
