using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Ids that round-trip: for every resource of a document, the id its record exposes is accepted by every operation
/// taking that resource's id, and a reference (<c>employee.LocationId</c>, <c>locationIds</c>) by the referenced
/// resource's operations, without a cast. Each call is written the way a user writes it against the generated client,
/// found from the compiled client alone (not from the generator's own rule), and the consumer must compile clean.
/// </summary>
public sealed class IdRoundTripTests(ITestOutputHelper output)
{
    [RealSpecFact("factorial-openapi-2024-10-01.json")]
    public void Ids_round_trip_over_every_resource_of_the_2024_10_01_document() => AssertRoundTrip("factorial-openapi-2024-10-01.json", minimumResources: 95);

    [RealSpecFact("factorial-openapi-2026-07-01.json")]
    public void Ids_round_trip_over_every_resource_of_the_2026_07_01_document() => AssertRoundTrip("factorial-openapi-2026-07-01.json", minimumResources: 140);

    [Fact]
    public void Ids_round_trip_over_every_resource_of_the_built_in_document() => AssertRoundTrip(null, minimumResources: 8);

    [Fact]
    public void A_string_path_id_takes_the_integer_type_of_the_resources_records()
    {
        const string Document = """
            {"openapi":"3.0.1","info":{"title":"t","version":"2024-10-01"},"paths":{
              "/api/2024-10-01/resources/things/things":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/things_thing"}}}}}}}},
              "/api/2024-10-01/resources/things/things/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/things_thing"}}}}}}}},
             "components":{"schemas":{"things_thing":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}}}}
            """;
        var result = GeneratorHarness.Run(
            "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-things.json\")] public partial class Hr { async System.Threading.Tasks.Task Use() { var first = (await Things.Things.ListAsync()).Items[0]; await Things.Things.GetAsync(first.Id); } }",
            GeneratorHarness.Document("factorial-things.json", Document));

        Assert.Empty(result.CompileProblems);
        Assert.Contains("GetAsync(long id,", result.ClientSource("Acme.Hr"));
        Assert.Contains("__R::FactorialCall.Get(__Path + \"/{id}\", __Scope.Read, __Res.None, __R::FactorialQuery.FormatInt64(id)!)", result.ClientSource("Acme.Hr")); // the runtime escapes it
    }

    private void AssertRoundTrip(string? fileName, int minimumResources)
    {
        var spec = fileName is null ? string.Empty : $", Spec = \"{fileName}\"";
        var documents = fileName is null ? [] : new[] { GeneratorHarness.SharedSpec(fileName) };
        var generated = GeneratorHarness.Run($"namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite{spec})] public partial class Hr;", documents);
        Assert.Empty(generated.CompileProblems);

        var client = generated.Type("Acme.Hr");
        var resources = client.GetTypeMembers().Where(g => g.Name.EndsWith("Api")).SelectMany(g => g.GetTypeMembers().Where(r => r.Name.EndsWith("Resource")).Select(r => (Group: g, Resource: r))).ToList();
        var records = resources.ToDictionary(r => r.Resource, r => RecordOf(r.Resource), (IEqualityComparer<INamedTypeSymbol>)SymbolEqualityComparer.Default);
        var byPlural = resources.Where(r => records[r.Resource] is not null).GroupBy(r => r.Resource.Name.Substring(0, r.Resource.Name.Length - "Resource".Length)).ToDictionary(g => g.Key, g => g.ToList());

        var consumer = new StringBuilder("namespace Acme;\ninternal static class RoundTrip\n{\n");
        var (idCalls, referenceCalls, listCalls, covered) = (0, 0, 0, 0);
        foreach (var (group, resource) in resources)
        {
            if (records[resource] is not { } record || record.GetMembers("Id").OfType<IPropertySymbol>().FirstOrDefault() is not { } idProperty)
            {
                continue;
            }

            covered++;
            foreach (var method in resource.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Parameters.Any(p => p.Name == "id")))
            {
                consumer.Append(Call(client, group, resource, method, record, idProperty, "id", idCalls + referenceCalls + listCalls));
                idCalls++;
            }
        }

        // References: a record's XId field goes to the X resources' id-taking operations; XIds filters take X's ids.
        foreach (var record in records.Values.Where(r => r is not null).Distinct(SymbolEqualityComparer.Default).Cast<INamedTypeSymbol>())
        {
            foreach (var property in record.GetMembers().OfType<IPropertySymbol>().Where(p => p.Name.Length > 2 && p.Name.EndsWith("Id")))
            {
                foreach (var (group, resource) in Targets(byPlural, property.Name.Substring(0, property.Name.Length - 2)))
                {
                    foreach (var method in resource.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name == "GetAsync" && m.Parameters.Any(p => p.Name == "id")))
                    {
                        consumer.Append(Call(client, group, resource, method, record, property, "id", idCalls + referenceCalls + listCalls));
                        referenceCalls++;
                    }
                }
            }
        }

        foreach (var (group, resource) in resources)
        {
            foreach (var method in resource.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name == "ListAsync"))
            {
                foreach (var filter in method.Parameters.Where(p => p.Name.Length > 3 && p.Name.EndsWith("Ids")))
                {
                    var target = Targets(byPlural, char.ToUpperInvariant(filter.Name[0]) + filter.Name.Substring(1, filter.Name.Length - 4)).FirstOrDefault();
                    if (target.Resource is not null && records[target.Resource] is { } targetRecord && targetRecord.GetMembers("Id").OfType<IPropertySymbol>().FirstOrDefault() is { } targetId)
                    {
                        consumer.Append(Call(client, group, resource, method, targetRecord, targetId, filter.Name, idCalls + referenceCalls + listCalls, asList: true));
                        listCalls++;
                    }
                }
            }
        }

        consumer.Append("}\n");
        var compilation = GeneratorHarness.WithNullableWarnings(generated.Output).AddSyntaxTrees(CSharpSyntaxTree.ParseText(consumer.ToString(), GeneratorHarness.ParseOptions, path: "RoundTrip.cs"));
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        output.WriteLine($"{fileName ?? "built-in"}: {resources.Count} resources, {covered} with a record id; {idCalls} id calls, {referenceCalls} reference calls, {listCalls} id-filter calls; {problems.Count} problems");
        foreach (var problem in problems.Take(20))
        {
            output.WriteLine(problem.ToString());
        }

        Assert.Empty(problems);
        Assert.True(covered >= minimumResources, $"only {covered} resources have a record with an id");
        Assert.True(idCalls > covered, "every covered resource has at least its get-by-id");
    }

    /// <summary>The record a resource's <c>GetAsync</c> or <c>ListAsync</c> answers with (unwrapping one <c>Data</c> field).</summary>
    private static INamedTypeSymbol? RecordOf(INamedTypeSymbol resource)
    {
        foreach (var name in new[] { "GetAsync", "ListAsync" })
        {
            var returned = resource.GetMembers(name).OfType<IMethodSymbol>().Select(m => m.ReturnType).OfType<INamedTypeSymbol>().FirstOrDefault();
            var item = returned?.TypeArguments.FirstOrDefault() as INamedTypeSymbol;
            item = item?.Name is "FactorialPage" or "IReadOnlyList" ? item.TypeArguments[0] as INamedTypeSymbol : item;
            if (item?.GetMembers("Id").Any() == true)
            {
                return item;
            }

            if (item?.GetMembers("Data").OfType<IPropertySymbol>().FirstOrDefault()?.Type is INamedTypeSymbol data && data.GetMembers("Id").Any())
            {
                return data;
            }
        }

        return null;
    }

    private static IEnumerable<(INamedTypeSymbol Group, INamedTypeSymbol Resource)> Targets(Dictionary<string, List<(INamedTypeSymbol Group, INamedTypeSymbol Resource)>> byPlural, string singular)
    {
        var plurals = new[] { singular + "s", singular + "es", singular.EndsWith("y") ? singular.Substring(0, singular.Length - 1) + "ies" : singular };
        return plurals.Distinct().Where(byPlural.ContainsKey).SelectMany(p => byPlural[p]);
    }

    /// <summary><c>static void C7(Hr c, Employee m) { if (m.LocationId is { } value) _ = c.Locations.Locations.GetAsync(id: value); }</c>, other required arguments <c>default!</c>.</summary>
    private static string Call(INamedTypeSymbol client, INamedTypeSymbol group, INamedTypeSymbol resource, IMethodSymbol method, INamedTypeSymbol record, IPropertySymbol id, string parameter, int index, bool asList = false)
    {
        var groupProperty = client.GetMembers().OfType<IPropertySymbol>().Single(p => SymbolEqualityComparer.Default.Equals(p.Type, group)).Name;
        var resourceProperty = group.GetMembers().OfType<IPropertySymbol>().Single(p => SymbolEqualityComparer.Default.Equals(p.Type, resource)).Name;
        var arguments = method.Parameters.Where(p => p.Name == parameter || !p.IsOptional)
            .Select(p => p.Name == parameter ? $"{p.Name}: {(asList ? "new[] { value }" : "value")}" : $"@{p.Name}: default!");
        var recordType = record.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return $"    static void C{index}(global::Acme.Hr c, {recordType} m) {{ if (m.{id.Name} is {{ }} value) {{ _ = c.{groupProperty}.{resourceProperty}.{method.Name}({string.Join(", ", arguments)}); }} }}\n";
    }
}
