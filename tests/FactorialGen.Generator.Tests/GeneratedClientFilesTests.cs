using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// A client's output is split by API namespace: the client class in <c>Acme.Hr.g.cs</c> and each group in a file of its
/// own (<c>Acme.Hr.TimeoffApi.g.cs</c>, a partial declaration of the client), so the compiler parses and binds them in
/// parallel and an IDE re-reads less. The parts compile together, every operation is in its group's file, and hint names
/// stay unique where Roslyn compares them (ignoring case), so two groups differing only in case do not stop the generator.
/// </summary>
public sealed class GeneratedClientFilesTests
{
    private const string Client = "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-files.json\")] public partial class Hr { };";

    private static string Document(string secondGroup) => $$"""
        {
          "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
          "paths": {
            "/api/2026-07-01/resources/timeoff/leaves/{id}": {
              "get": { "summary": "Get a leave", "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }], "responses": { "200": { "content": { "application/json": { "schema": { "type": "object", "properties": { "id": { "type": "integer" } } } } } } } }
            },
            "/api/2026-07-01/resources/{{secondGroup}}/shifts": {
              "post": { "summary": "Clock in", "responses": { "204": { "description": "done" } } }
            }
          }
        }
        """;

    [Fact]
    public void Each_api_namespace_has_its_own_file_and_the_parts_compile()
    {
        var result = GeneratorHarness.Run(Client, GeneratorHarness.Document("/specs/factorial-files.json", Document("attendance")));

        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(result.CompileProblems);
        Assert.Equal(["Acme.Hr.AttendanceApi.g.cs", "Acme.Hr.TimeoffApi.g.cs"], result.ClientGroupSources("Acme.Hr").Select(s => s.HintName));

        // The client's own file holds the client (constructors, group properties) and no operation.
        var client = result.Source("Acme.Hr.g.cs");
        Assert.Contains("public TimeoffApi Timeoff { get; }", client, StringComparison.Ordinal);
        Assert.Contains("public AttendanceApi Attendance { get; }", client, StringComparison.Ordinal);
        Assert.DoesNotContain("FactorialOperation(", client, StringComparison.Ordinal);

        // Each group's file: the group class nested in a partial declaration of the client, with its operations.
        var timeoff = result.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Acme.Hr.TimeoffApi.g.cs", StringComparison.Ordinal)).GetRoot();
        var outer = timeoff.DescendantNodes().OfType<ClassDeclarationSyntax>().First();
        Assert.Equal("Hr", outer.Identifier.Text);
        Assert.Equal(["TimeoffApi", "LeavesResource"], outer.DescendantNodes().OfType<ClassDeclarationSyntax>().Select(c => c.Identifier.Text));
        Assert.Contains(timeoff.DescendantNodes().OfType<MethodDeclarationSyntax>(), m => m.Identifier.Text == "GetAsync");

        // One type: every operation reachable through the client, with its [FactorialOperation].
        var operations = GeneratedOperations.Of(result.Type("Acme.Hr"));
        Assert.Contains(operations, o => o.ResourcePath == "timeoff/leaves");
        Assert.Contains(operations, o => o.ResourcePath == "attendance/shifts");
    }

    [Fact]
    public void Groups_differing_only_in_case_get_two_files() // "timeoff" is the group Timeoff, "time_off" the group TimeOff
    {
        var result = GeneratorHarness.Run(Client, GeneratorHarness.Document("/specs/factorial-files.json", Document("time_off")));

        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == "CS8785"));
        Assert.Empty(result.CompileProblems);
        var files = result.ClientGroupSources("Acme.Hr").Select(s => s.HintName).ToList();
        Assert.Equal(2, files.Count);
        Assert.Equal(2, files.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
