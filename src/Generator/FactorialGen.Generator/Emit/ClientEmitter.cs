using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// Emits the members of one <c>[FactorialClient]</c> class: constructors, one property per API namespace, one nested
/// class per resource with its operations (each marked <c>[FactorialOperation]</c>), and <c>GetDaysOffAsync</c>.
/// </summary>
internal static class ClientEmitter
{
    private const string Connection = "__F::FactorialConnection";
    private const string CancellationToken = "__S::Threading.CancellationToken";

    /// <summary>
    /// Adds the client's file (<c>Hint.g.cs</c>: the client class) and one file per API namespace
    /// (<c>Hint.EmployeesApi.g.cs</c>: its group class, nested in a partial declaration of the client), so the compiler
    /// parses and binds them in parallel and an IDE re-reads only what changed.
    /// </summary>
    public static void Emit(SourceProductionContext context, ClientSpec client)
    {
        var hint = client.Declaration.HintName;
        context.AddSource($"{hint}.g.cs", Write(client).ToSourceText());

        // Hint names must be unique ignoring case, while group names are C# identifiers (case-sensitive): "Ats" and
        // "ATS" would be two groups and need two files. The client's other files keep their names.
        var hintNames = new UniqueNames(StringComparer.OrdinalIgnoreCase).Reserve([$"{hint}.g.cs", $"{hint}.ApiVersion.g.cs", $"{hint}.Webhooks.g.cs"]);
        foreach (var group in Groups(client))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var name = hintNames.Claim($"{hint}.{group.Key}Api.g.cs", i => $"{hint}.{group.Key}Api.{i}.g.cs");
            context.AddSource(name, ClientGroupWriter.Write(client, group.Key, group.ToList()).ToSourceText());
        }
    }

    internal static SourceWriter Write(ClientSpec client)
    {
        var writer = CodeText.Start(client.ModelNamespace, Aliases.Scopes);
        var closers = OpenContaining(writer, client.Declaration);
        WriteClientClass(writer, client);
        Close(closers);
        return writer;
    }

    /// <summary>The client's operations by API namespace, in name order.</summary>
    internal static List<IGrouping<string, OperationSpec>> Groups(ClientSpec client) =>
        client.Operations.GroupBy(o => o.Group).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Declares the client's namespace (file-scoped: one indentation level less on every line) and opens its containing
    /// types; <see cref="Close"/> closes them.
    /// </summary>
    internal static List<IDisposable> OpenContaining(SourceWriter writer, ClientDeclaration declaration)
    {
        var closers = new List<IDisposable>();
        if (declaration.Namespace.Length > 0)
        {
            writer.FileNamespace(declaration.Namespace);
        }

        foreach (var containing in declaration.ContainingTypes)
        {
            closers.Add(writer.Block(containing));
        }

        return closers;
    }

    /// <summary>Closes what <see cref="OpenContaining"/> opened, innermost first.</summary>
    internal static void Close(List<IDisposable> closers)
    {
        for (var i = closers.Count - 1; i >= 0; i--)
        {
            closers[i].Dispose();
        }
    }

    private static void WriteClientClass(SourceWriter writer, ClientSpec client)
    {
        var name = client.Declaration.Identifier;
        var scope = ScopeName(client.Declaration.Scope);
        var groups = Groups(client);
        var groupNames = new HashSet<string>(groups.Select(g => g.Key), StringComparer.Ordinal);
        var omittedGroups = client.Omitted.Select(o => o.Group).Where(g => !groupNames.Contains(g)).Distinct().OrderBy(g => g, StringComparer.Ordinal);

        var resources = client.Declaration.Resources;
        writer.WriteLine(resources == ResourceScope.None
            ? $"/// <summary>A Factorial API client declared with <see cref=\"__F::FactorialScope.{scope}\"/>: it has exactly the operations that scope allows.</summary>"
            : $"/// <summary>A Factorial API client declared with <see cref=\"__F::FactorialScope.{scope}\"/> and the resource scopes <c>{ResourceScopeTable.OAuthName(resources)}</c>: it has exactly the operations they allow{(client.Declaration.OmitUnknownOperations ? " (those no resource scope covers are left out)" : ", plus those no resource scope covers")}.</summary>");
        foreach (var group in omittedGroups)
        {
            writer.WriteLine(OmittedOperationAttributes.For(client, group, client.Omitted.Where(o => o.Group == group)));
        }

        if (!DaysOffRule.IsAvailable(client.Operations) && DaysOffRule.IsAvailable(client.Operations.Concat(client.Omitted)))
        {
            writer.WriteLine(OmittedOperationAttributes.ForDaysOff(client, DaysOffRule.Operations(client.Operations.Concat(client.Omitted))));
        }

        writer.WriteLine(CodeText.GeneratedCode);
        using (writer.Block($"partial class {name} : __S::IDisposable, __F::IFactorialClient<{name}>"))
        {
            writer.WriteLine($"private readonly {Connection} __connection;");
            writer.WriteLine("private readonly bool __ownsConnection;");
            writer.WriteLine();
            WriteConstructors(writer, name, groups.Select(g => g.Key));
            writer.WriteLine($"/// <summary>The connection this client sends its requests through (also usable for calls the document lacks).</summary>");
            writer.WriteLine($"public {Connection} Connection => __connection;");
            foreach (var group in groups)
            {
                writer.WriteLine();
                writer.WriteLine($"/// <summary>Operations of the <c>{CodeText.Escape(group.First().Path.Split('/').SkipWhile(s => s != "resources").Skip(1).FirstOrDefault() ?? group.Key)}</c> API namespace.</summary>");
                writer.WriteLine($"public {group.Key}Api {group.Key} {{ get; }}");
            }

            if (DaysOffRule.IsAvailable(client.Operations))
            {
                writer.WriteLine();
                WriteDaysOff(writer, client);
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>Releases the connection when this client created it.</summary>");
            using (writer.Block("public void Dispose()"))
            {
                using (writer.Block("if (__ownsConnection)"))
                {
                    writer.WriteLine("__connection.Dispose();");
                }
            }
        }
    }

    private static void WriteConstructors(SourceWriter writer, string name, IEnumerable<string> groups)
    {
        writer.WriteLine("/// <summary>Creates the client over an OAuth token; with <c>options.App</c> set, the token is refreshed and each rotated token saved to <paramref name=\"tokenStore\"/> first.</summary>");
        writer.WriteLine("/// <param name=\"token\">The token, authorized for at least this client's scope.</param>");
        writer.WriteLine("/// <param name=\"tokenStore\">Where rotated tokens are saved.</param>");
        writer.WriteLine("/// <param name=\"options\">Host, API settings and the OAuth app used to refresh.</param>");
        writer.WriteLine($"public {name}(__F::FactorialToken token, __F::ITokenStore? tokenStore = null, __F::FactorialClientOptions? options = null)");
        writer.WriteLine($"    : this(new {Connection}(token, tokenStore, options), ownsConnection: true)");
        writer.WriteLine("{");
        writer.WriteLine("}");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates the client over a company API key (<c>x-api-key</c>).</summary>");
        writer.WriteLine("/// <param name=\"apiKey\">The API key.</param>");
        writer.WriteLine("/// <param name=\"options\">Host and API settings.</param>");
        writer.WriteLine($"public {name}(__F::FactorialApiKey apiKey, __F::FactorialClientOptions? options = null)");
        writer.WriteLine($"    : this(new {Connection}(apiKey, options), ownsConnection: true)");
        writer.WriteLine("{");
        writer.WriteLine("}");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates the client over an <see cref=\"__S::Net.Http.HttpClient\"/> whose pipeline adds credentials (IHttpClientFactory, DI).</summary>");
        writer.WriteLine("/// <param name=\"httpClient\">The HTTP client; it is not disposed by this client.</param>");
        writer.WriteLine("/// <param name=\"options\">Host and API settings.</param>");
        writer.WriteLine($"public {name}(__S::Net.Http.HttpClient httpClient, __F::FactorialClientOptions? options = null)");
        writer.WriteLine($"    : this(new {Connection}(httpClient, options), ownsConnection: true)");
        writer.WriteLine("{");
        writer.WriteLine("}");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates the client over an existing connection (shared between clients); the connection is not disposed by this client.</summary>");
        writer.WriteLine("/// <param name=\"connection\">The connection.</param>");
        writer.WriteLine($"public {name}({Connection} connection)");
        writer.WriteLine("    : this(connection, ownsConnection: false)");
        writer.WriteLine("{");
        writer.WriteLine("}");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates the client for dependency injection (<c>services.AddFactorialClient&lt;T&gt;()</c>).</summary>");
        writer.WriteLine($"static {name} __F::IFactorialClient<{name}>.Create(__S::Net.Http.HttpClient httpClient, __F::FactorialClientOptions options) => new(httpClient, options);");
        writer.WriteLine();
        using (writer.Block($"private {name}({Connection} connection, bool ownsConnection)"))
        {
            writer.WriteLine("__connection = connection ?? throw new __S::ArgumentNullException(nameof(connection));");
            writer.WriteLine("__ownsConnection = ownsConnection;");
            foreach (var group in groups)
            {
                writer.WriteLine($"{group} = new {group}Api(connection);");
            }
        }

        writer.WriteLine();
    }

    private static void WriteDaysOff(SourceWriter writer, ClientSpec client)
    {
        var version = client.ApiVersion is null ? "__connection.Options.ApiVersion" : "ApiVersion"; // the constant of ApiVersionEmitter
        var leaves = client.Operations.First(o => o.Group == "Timeoff" && o.Resource == "Leaves" && o.ResponseShape == ResponseShape.Paged);
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The days off of an employee between two dates (inclusive), as the seed's <c>get_daysoff</c>: the holidays of the");
        writer.WriteLine("/// employee's location and the employee's approved leaves, bounded by the employee's start and termination dates,");
        writer.WriteLine("/// as three sorted lists (full days, mornings, afternoons).");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"employeeId\">The employee's id.</param>");
        writer.WriteLine("/// <param name=\"from\">The first day.</param>");
        writer.WriteLine("/// <param name=\"to\">The last day.</param>");
        writer.WriteLine("/// <param name=\"includeWeekends\">Whether Saturdays and Sundays count.</param>");
        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the calls.</param>");
        var daysOffResources = DaysOffRule.Operations(client.Operations).Aggregate(ResourceScope.None, (scope, o) => scope | o.ResourceScope);
        writer.WriteLine($"[__F::FactorialOperation(\"GET\", {CodeText.Literal(leaves.Path)}, __Scope.Read{ScopeText.RequiredResourceArgument(daysOffResources)})]");
        var idType = DaysOffRule.EmployeeById(client.Operations)!.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path)?.Type ?? TypeRef.String;
        var (idDeclaration, idText) = idType.Kind is TypeRefKind.Int64 or TypeRefKind.Int32
            ? ($"{CodeText.TypeName(idType, client.ModelNamespace)} employeeId", $"__R::FactorialQuery.{OperationWriter.FormatMethod(idType)}(employeeId)!")
            : ("string employeeId", "employeeId");
        writer.WriteLine($"public __S::Threading.Tasks.Task<__F::FactorialDaysOff> GetDaysOffAsync({idDeclaration}, __S::DateOnly from, __S::DateOnly to, bool includeWeekends = false, {CancellationToken} cancellationToken = default) =>");
        writer.WriteLine($"    __R::FactorialDaysOffQuery.GetAsync(__connection, {version}, {idText}, from, to, includeWeekends, cancellationToken);");
    }

    internal static string ScopeName(AccessScope scope) => scope switch
    {
        AccessScope.Read => "Read",
        AccessScope.Write => "Write",
        _ => "ReadWrite",
    };
}
