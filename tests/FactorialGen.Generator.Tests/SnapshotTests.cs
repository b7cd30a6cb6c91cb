using System.Linq;

namespace FactorialGen.Generator.Tests;

/// <summary>The generated code for a small document, compared with reviewed golden files.</summary>
public sealed class SnapshotTests
{
    private const string Document = """
        {
          "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
          "paths": {
            "/api/2026-07-01/resources/timeoff/leaves": {
              "get": {
                "tags": ["Timeoff > Leave"],
                "summary": "List leaves",
                "parameters": [
                  { "name": "employee_ids[]", "in": "query", "schema": { "type": "array", "items": { "type": "integer" } } },
                  { "name": "from", "in": "query", "required": true, "schema": { "type": "string" } }
                ],
                "responses": { "200": { "content": { "application/json": { "schema": { "type": "object", "properties": { "data": { "type": "array", "items": { "$ref": "#/components/schemas/timeoff_leave" } }, "meta": { "type": "object" } } } } } } }
              }
            },
            "/api/2026-07-01/resources/timeoff/leaves/{id}": {
              "delete": { "summary": "Delete a leave", "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }], "responses": { "204": { "description": "gone" } } }
            },
            "/api/2026-07-01/resources/timeoff/leaves/approve": {
              "post": {
                "tags": ["Timeoff > Leave"],
                "summary": "Approve a leave",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["id"], "properties": { "id": { "type": "integer" } } } } } },
                "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/timeoff_leave" } } } } }
              }
            }
          },
          "components": { "schemas": { "timeoff_leave": {
            "type": "object", "description": "A leave.", "required": ["id", "start_on"],
            "properties": {
              "id": { "type": "integer" },
              "start_on": { "type": "string", "description": "First day." },
              "half_day": { "type": "string", "enum": ["beggining_of_day", "end_of_day"] },
              "tags": { "type": "array", "items": { "type": "string" } },
              "legacy": { "type": "boolean", "deprecated": true },
              "extra": { "type": "unknown" }
            } } } }
        }
        """;

    [Fact]
    public void Small_document_generates_the_reviewed_client_and_models()
    {
        var result = GeneratorHarness.Run(
            "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-small.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/factorial-small.json", Document));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Snapshot.Verify("Small#Acme.Hr.g.cs", result.Source("Acme.Hr.g.cs"));
        Snapshot.Verify("Small#Acme.Hr.TimeoffApi.g.cs", result.Source("Acme.Hr.TimeoffApi.g.cs"));
        Snapshot.Verify("Small#Acme.Hr.ApiVersion.g.cs", result.Source("Acme.Hr.ApiVersion.g.cs"));
        Snapshot.Verify("Small#Models.L.g.cs", result.Source("V2026_07_01.Models.L.g.cs")); // Leave, LeaveHalfDay
        Snapshot.Verify("Small#Serialization.L.g.cs", result.Source("V2026_07_01.Serialization.L.g.cs")); // their converters
        Snapshot.Verify("Small#FactorialJson.g.cs", result.Source("V2026_07_01.FactorialJson.g.cs"));
    }

    [Fact]
    public void Output_is_the_same_on_every_run()
    {
        string Generate() => string.Join("\n", GeneratorHarness.Run(
                "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite)] public partial class Hr;")
            .RunResult.Results[0].GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText));

        Assert.Equal(Generate(), Generate());
    }
}
