using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Real types from real documents: dates by format or by the documented name rule, raw JSON for <c>type: unknown</c>,
/// one type per enum or inline-object shape, a namespace from the document's version (not its file name), and a
/// range's start before its end.
/// </summary>
public sealed class RealTypesTests(ITestOutputHelper output)
{
    private const string V2026 = "factorial-openapi-2026-07-01.json";
    private const string V2024 = "factorial-openapi-2024-10-01.json";

    private const string Document = """
        {
          "openapi": "3.1.0", "info": { "title": "t", "version": "2026-07-01" },
          "paths": {
            "/api/2026-07-01/resources/timeoff/leaves": {
              "get": {
                "parameters": [
                  { "name": "to", "in": "query", "schema": { "type": "string", "format": "date" } },
                  { "name": "employee_ids[]", "in": "query", "schema": { "type": "array", "items": { "type": "string" } } },
                  { "name": "from", "in": "query", "schema": { "type": "string", "format": "date" } },
                  { "name": "end_on", "in": "query", "schema": { "type": "string", "format": "date" } },
                  { "name": "start_on", "in": "query", "schema": { "type": "string", "format": "date" } },
                  { "name": "raw", "in": "query", "schema": { "type": "unknown" } }
                ],
                "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/timeoff_leave" } } } } } } },
              "post": {
                "requestBody": { "content": { "application/json": { "schema": { "type": "unknown" } } } },
                "responses": { "200": { "content": { "application/json": { "schema": { "type": "unknown" } } } } } }
            }
          },
          "components": { "schemas": {
            "timeoff_leave": { "type": "object", "required": ["id"], "properties": {
              "id": { "type": "string" },
              "start_on": { "type": "string", "example": "2026-03-02" },
              "approved_at": { "type": "string" },
              "reference_date": { "type": "string", "example": "2021-01-01T08:00:00Z" },
              "joined_on": { "type": "string", "example": "Factorial onboarding date" },
              "birthday": { "type": "string", "format": "date" },
              "updated": { "type": "string", "format": "date-time" },
              "comment": { "type": "string" },
              "extra": { "type": "unknown" },
              "extras": { "type": "array", "items": { "type": "unknown" } },
              "morning": { "type": "string", "enum": ["beggining_of_day", "end_of_day"] },
              "afternoon": { "type": "string", "enum": ["beggining_of_day", "end_of_day"] },
              "other": { "type": "string", "enum": ["end_of_day", "beggining_of_day"] },
              "from_place": { "type": "object", "properties": { "city": { "type": "string" }, "kind": { "type": "string", "enum": ["office", "remote"] } } },
              "to_place": { "type": "object", "properties": { "city": { "type": "string" }, "kind": { "type": "string", "enum": ["office", "remote"] } } }
            } } } }
        }
        """;

    [Theory]
    [InlineData("created_at", null, "DateTime")]
    [InlineData("created_at", "2024-10-06", "DateTime")]
    [InlineData("start_on", null, "Date")]
    [InlineData("birthday_on", "1990-06-06", "Date")]
    [InlineData("date", "2023-10-01", "Date")]
    [InlineData("reference_date", "2021-01-01T00:00:00Z", "DateTime")]
    [InlineData("hired_on", "Factorial onboarding date", "String")]
    [InlineData("updated_at", "yesterday", "String")]
    [InlineData("format", "2023-10-01", "String")]
    [InlineData("at", null, "String")]
    [InlineData("now", "2024-06-23T11:00:00.000+00:00", "DateTime")]
    [InlineData("now", null, "String")]
    public void A_string_field_without_a_format_is_a_date_by_its_name_and_example(string name, string? example, string expected)
    {
        Assert.Equal(expected, ScalarTypes.ByName(name, example).Kind.ToString());
    }

    [Fact]
    public void Dates_unknown_types_merged_shapes_and_range_order_in_generated_code()
    {
        var result = Generate("factorial-types.json");

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        var leave = result.Type("Acme.FactorialApi.V2026_07_01.Leave");
        string TypeOf(string property) => leave.GetMembers(property).OfType<IPropertySymbol>().Single().Type.ToDisplayString();
        Assert.Equal("System.DateOnly?", TypeOf("StartOn"));
        Assert.Equal("System.DateTimeOffset?", TypeOf("ApprovedAt"));
        Assert.Equal("System.DateTimeOffset?", TypeOf("ReferenceDate"));
        Assert.Equal("string?", TypeOf("JoinedOn"));
        Assert.Equal("System.DateOnly?", TypeOf("Birthday"));
        Assert.Equal("System.DateTimeOffset?", TypeOf("Updated"));
        Assert.Equal("string?", TypeOf("Comment"));

        // type: unknown is raw JSON everywhere: a field, a list item, a request body, an answer, a query value.
        Assert.Equal("System.Text.Json.JsonElement?", TypeOf("Extra"));
        Assert.Equal("System.Collections.Generic.IReadOnlyList<System.Text.Json.JsonElement>?", TypeOf("Extras"));
        var resource = result.Type("Acme.Hr+TimeoffApi+LeavesResource");
        var create = resource.GetMembers("CreateAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal("System.Text.Json.JsonElement?", create.Parameters.Single(p => p.Name == "body").Type.ToDisplayString());
        Assert.Equal("System.Threading.Tasks.Task<System.Text.Json.JsonElement>", create.ReturnType.ToDisplayString());

        // One enum for the two identical half-day enums (the third lists its values in another order: another shape),
        // one record for the two identical inline place objects, and one enum for their identical kinds.
        Assert.Equal(TypeOf("Morning"), TypeOf("Afternoon"));
        Assert.NotEqual(TypeOf("Morning"), TypeOf("Other"));
        Assert.Equal(TypeOf("FromPlace"), TypeOf("ToPlace"));
        var names = result.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == "Acme.FactorialApi.V2026_07_01").Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["FactorialJson", "Leave", "LeaveMorning", "LeaveOther", "LeaveToPlace", "LeavesListOptions", "PlaceKind"], names); // a merged enum is named for its shared field, else the shortest name is kept

        // A range's start comes before its end, whatever the document's order.
        var list = resource.GetMembers("ListAsync").OfType<IMethodSymbol>().Single(m => m.Parameters.All(p => p.Name != "options"));
        var order = list.Parameters.Select(p => p.Name).ToList();
        Assert.True(order.IndexOf("from") < order.IndexOf("to"), string.Join(", ", order));
        Assert.True(order.IndexOf("startOn") < order.IndexOf("endOn"), string.Join(", ", order));
        var options = result.Type("Acme.FactorialApi.V2026_07_01.LeavesListOptions");
        Assert.Equal("System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>>?", options.GetMembers("Raw").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
    }

    [Fact]
    public void Many_optional_query_parameters_go_in_an_options_object_with_a_short_overload_for_the_common_ones()
    {
        var result = GeneratorHarness.Run(
            """
            namespace Acme;
            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = "factorial-types.json")]
            public partial class Hr
            {
                async System.Threading.Tasks.Task Use()
                {
                    var day = new System.DateOnly(2026, 1, 1);
                    await Timeoff.Leaves.ListAsync(from: day, to: day, limit: 5);
                    await Timeoff.Leaves.ListAsync(new Acme.FactorialApi.V2026_07_01.LeavesListOptions { EmployeeIds = ["1"], From = day }, limit: 5);
                    await foreach (var _ in Timeoff.Leaves.ListAllAsync(new Acme.FactorialApi.V2026_07_01.LeavesListOptions { StartOn = day })) { }
                    await Timeoff.Leaves.ListAsync();
                }
            }
            """,
            GeneratorHarness.Document("/specs/factorial-types.json", Document));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        var resource = result.Type("Acme.Hr+TimeoffApi+LeavesResource");
        var lists = resource.GetMembers("ListAsync").OfType<IMethodSymbol>().ToList();
        Assert.Equal(2, lists.Count);
        var shortOne = lists.Single(m => m.Parameters.All(p => p.Name != "options"));
        Assert.Equal(["from", "to", "startOn", "endOn", "limit", "afterId", "beforeId", "page", "cancellationToken"], shortOne.Parameters.Select(p => p.Name));
        var optionsOne = lists.Single(m => m.Parameters.Any(p => p.Name == "options"));
        Assert.False(optionsOne.Parameters.Single(p => p.Name == "options").IsOptional);
        var options = result.Type("Acme.FactorialApi.V2026_07_01.LeavesListOptions");
        Assert.Equal(["EmployeeIds", "EndOn", "From", "Raw", "StartOn", "To"], options.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).Order(StringComparer.Ordinal));

        // Both send every value they are given, under its JSON name.
        var source = result.ClientSource("Acme.Hr");
        Assert.Contains("__request.AddQuery(\"employee_ids[]\", options.EmployeeIds);", source, StringComparison.Ordinal);
        Assert.Contains("__request.AddQuery(\"from\", __R::FactorialQuery.FormatDate(options.From));", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Renaming_the_document_file_changes_no_generated_type()
    {
        static IEnumerable<(string, string)> Models(GeneratorHarness.Result result) =>
            result.RunResult.Results.SelectMany(r => r.GeneratedSources).Where(s => !s.HintName.StartsWith("Acme.Hr", StringComparison.Ordinal))
                .Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal);

        var first = Generate("factorial-types.json");
        var renamed = Generate("factorial-something-else.json");

        Assert.NotEmpty(Models(first));
        Assert.Equal(Models(first), Models(renamed));
        Assert.Equal(first.ClientSource("Acme.Hr"), renamed.ClientSource("Acme.Hr"));
    }

    [Fact]
    public void Two_documents_of_one_version_get_two_namespaces()
    {
        var result = GeneratorHarness.Run(
            ["namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-a.json\")] public partial class A;",
             "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-b.json\")] public partial class B;"],
            [GeneratorHarness.Document("/specs/factorial-a.json", Document), GeneratorHarness.Document("/specs/factorial-b.json", Document)]);

        Assert.Empty(result.CompileProblems);
        Assert.NotNull(result.Output.GetTypeByMetadataName("Acme.FactorialApi.V2026_07_01.Leave"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Acme.FactorialApi.V2026_07_01_FactorialBJson.Leave"));
    }

    [RealSpecFact(V2026)]
    public void The_built_in_document_and_the_2026_document_agree_on_the_type_of_every_shared_field()
    {
        var builtIn = BuiltInDocument.Document.Value!;
        var real = Read(V2026);
        var realModels = real.Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var compared = 0;
        var differences = new List<string>();
        foreach (var model in builtIn.Models.Where(m => realModels.ContainsKey(m.Name)))
        {
            foreach (var property in model.Properties)
            {
                if (realModels[model.Name].Properties.FirstOrDefault(p => p.JsonName == property.JsonName) is { } same)
                {
                    if (Kind(property.Type) != Kind(same.Type))
                    {
                        differences.Add($"{model.Name}.{property.JsonName}: built-in {Kind(property.Type)}, 2026-07-01 {Kind(same.Type)}");
                    }

                    compared++;
                }
            }
        }

        output.WriteLine($"{compared} fields compared");
        Assert.Empty(differences);
        Assert.True(compared > 50, $"only {compared} fields compared");
    }

    [RealSpecFact(V2024)]
    public void Duplicate_shapes_removed_per_real_document_are_reported()
    {
        foreach (var file in new[] { V2024, V2026 })
        {
            var document = Read(file);
            var enumShapes = document.Enums.Select(e => string.Join("|", e.Members.Select(m => m.Value))).ToList();
            output.WriteLine($"{file}: {document.Operations.Count} operations, {document.Models.Count} models, {document.Enums.Count} enums");
            Assert.Equal(enumShapes.Count, enumShapes.Distinct(StringComparer.Ordinal).Count());
        }
    }

    /// <summary>The C# kind, an enum counting as the string it is on the wire: the built-in document lists the values of
    /// <c>half_day</c>, which the real one only describes.</summary>
    private static string Kind(TypeRef type) =>
        type.Kind == TypeRefKind.Array ? "[" + Kind(type.Element!) + "]" : type.Kind == TypeRefKind.Enum ? nameof(TypeRefKind.String) : type.Kind.ToString();

    private static ApiDocumentSpec Read(string file) =>
        OpenApiReader.Read(file, SourceText.From(System.IO.File.ReadAllText(RealSpecFactAttribute.PathOf(file))), isBuiltIn: false, default).Value!;

    private static GeneratorHarness.Result Generate(string fileName) =>
        GeneratorHarness.Run(
            $"namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"{fileName}\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/" + fileName, Document));
}
