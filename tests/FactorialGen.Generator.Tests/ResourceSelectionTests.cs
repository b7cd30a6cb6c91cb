using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// <c>[FactorialClient(..., Resources = ...)]</c> selects the operations of those resource scopes plus the unknown ones
/// (marked), records the others as omitted with the resource scope they need, and emits only the models they reach.
/// </summary>
public sealed class ResourceSelectionTests
{
    private const string Spec = "factorial-tagged.json";
    private const string Namespace = "Acme.FactorialApi.V2026_07_01";

    internal const string Document = """
        {
          "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
          "paths": {
            "/api/2026-07-01/resources/employees/employees": {
              "get": { "tags": ["Employees > Employee"], "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/employees_employee" } } } } } } },
              "post": { "tags": ["Employees > Employee"], "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/employees_new_employee" } } } }, "responses": { "201": { "description": "ok" } } }
            },
            "/api/2026-07-01/resources/attendance/shifts": {
              "get": { "tags": ["Attendance > Shift"], "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/attendance_shift" } } } } } } }
            },
            "/api/2026-07-01/resources/shift_management/shifts": {
              "get": { "tags": ["ShiftManagement > Shift"], "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/shift_management_shift" } } } } } } }
            },
            "/api/2026-07-01/resources/finance/accounts": {
              "get": { "tags": ["Finance > Account"], "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/finance_account" } } } } } } },
              "post": { "tags": ["Finance > Account"], "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/finance_account" } } } }, "responses": { "201": { "description": "ok" } } }
            },
            "/api/2026-07-01/resources/api_public/credentials": {
              "get": { "tags": ["ApiPublic > Credential"], "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/api_public_credential" } } } } } }
            }
          },
          "webhooks": {
            "Shift clock in": { "post": { "description": "Subscription_type: `attendance/shift/clock_in`",
              "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/attendance_shift" } } } } } },
            "Account created": { "post": { "description": "Subscription_type: `finance/account/create`",
              "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/finance_account" } } } } } }
          },
          "components": { "schemas": {
            "employees_employee": { "type": "object", "required": ["id"], "properties": { "id": { "type": "integer" }, "address": { "$ref": "#/components/schemas/employees_address" } } },
            "employees_address": { "type": "object", "properties": { "city": { "type": "string" }, "kind": { "type": "string", "enum": ["home", "work"] } } },
            "employees_new_employee": { "type": "object", "properties": { "email": { "type": "string" } } },
            "attendance_shift": { "type": "object", "required": ["id"], "properties": { "id": { "type": "integer" }, "employee": { "$ref": "#/components/schemas/employees_employee" } } },
            "shift_management_shift": { "type": "object", "properties": { "id": { "type": "integer" } } },
            "finance_account": { "type": "object", "properties": { "id": { "type": "integer" }, "currency": { "$ref": "#/components/schemas/finance_currency" } } },
            "finance_currency": { "type": "object", "properties": { "code": { "type": "string" } } },
            "api_public_credential": { "type": "object", "properties": { "company_id": { "type": "integer" } } }
          } }
        }
        """;

    private static GeneratorHarness.Result Run(params string[] declarations) =>
        GeneratorHarness.Run(
            ["using FactorialGen; namespace Acme; " + string.Join(" ", declarations)],
            [GeneratorHarness.Document("/specs/" + Spec, Document)]);

    private static string Limited(string name, string scope, string resources) =>
        $"[FactorialClient(FactorialScope.{scope}, Spec = \"{Spec}\", Resources = {resources})] public partial class {name};";

    [Fact]
    public void Limited_client_gets_its_resource_scopes_and_the_unknown_operations_only()
    {
        var result = Run(Limited("Hr", "ReadWrite", "FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        var operations = GeneratedOperations.Of(result.Type("Acme.Hr"));
        Assert.Equal(
            ["GET api_public/credentials None", "GET attendance/shifts TimeTracking", "GET employees/employees Employees", "POST employees/employees Employees"],
            operations.Select(o => $"{o.Method} {o.ResourcePath} {o.RequiredResource}").OrderBy(s => s, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Whole_tag_decides_so_attendance_shifts_and_shift_management_shifts_are_different_scopes()
    {
        var result = Run(
            Limited("Clocking", "Read", "FactorialResourceScopes.TimeTracking"),
            Limited("Rota", "Read", "FactorialResourceScopes.ShiftManagement"));

        Assert.Empty(result.CompileProblems);
        var attendance = GeneratedOperations.Of(result.Type("Acme.Clocking"));
        var planning = GeneratedOperations.Of(result.Type("Acme.Rota"));
        Assert.Contains(attendance, o => o.ResourcePath == "attendance/shifts" && o.RequiredResource == FactorialResourceScopes.TimeTracking);
        Assert.DoesNotContain(attendance, o => o.ResourcePath == "shift_management/shifts");
        Assert.Contains(planning, o => o.ResourcePath == "shift_management/shifts" && o.RequiredResource == FactorialResourceScopes.ShiftManagement);
        Assert.DoesNotContain(planning, o => o.ResourcePath == "attendance/shifts");
    }

    [Fact]
    public void Unknown_operations_are_kept_and_say_so_in_their_remarks()
    {
        var result = Run(Limited("Hr", "Read", "FactorialResourceScopes.Employees"));

        var source = result.ClientSource("Acme.Hr");
        var remarks = source.Split('\n').Where(l => l.Contains("<remarks>", System.StringComparison.Ordinal)).ToList();
        Assert.Contains(remarks, l => l.Contains("Not covered by any resource scope", System.StringComparison.Ordinal) && l.Contains("api_public/credentials", System.StringComparison.Ordinal));
        Assert.Contains(remarks, l => l.Contains("Resource scope <c>employees</c>.", System.StringComparison.Ordinal) && l.Contains("employees/employees", System.StringComparison.Ordinal));
        Assert.DoesNotContain(remarks, l => l.Contains("Not covered", System.StringComparison.Ordinal) && l.Contains("employees/employees", System.StringComparison.Ordinal));
        var unknown = Assert.Single(GeneratedOperations.Of(result.Type("Acme.Hr")), o => o.ResourcePath == "api_public/credentials");
        Assert.Equal(FactorialResourceScopes.None, unknown.RequiredResource);
    }

    [Fact]
    public void Left_out_groups_resources_and_members_are_recorded_with_the_resource_scope_they_need()
    {
        var result = Run(Limited("Hr", "Read", "FactorialResourceScopes.Employees"));

        var omitted = GeneratedOperations.Omitted(result.Type("Acme.Hr"));
        // Finance has a read operation: adding the resource scope is enough, the read/write scope stays Read.
        Assert.Contains(("Finance", FactorialScope.Read, FactorialResourceScopes.Finance), omitted);
        Assert.Contains(("Attendance", FactorialScope.Read, FactorialResourceScopes.TimeTracking), omitted);
        Assert.Contains(("ShiftManagement", FactorialScope.Read, FactorialResourceScopes.ShiftManagement), omitted);
        // Left out for its write scope only: the resource scope is already declared.
        var employees = GeneratedOperations.Omitted(result.Type("Acme.Hr+EmployeesApi+EmployeesResource"));
        Assert.Contains(("CreateAsync", FactorialScope.ReadWrite, FactorialResourceScopes.None), employees);
    }

    [Fact]
    public void A_member_left_out_for_both_reasons_needs_both_scopes()
    {
        var result = Run(Limited("Hr", "Write", "FactorialResourceScopes.Employees"));

        var omitted = GeneratedOperations.Omitted(result.Type("Acme.Hr"));
        Assert.Contains(("Finance", FactorialScope.Write, FactorialResourceScopes.Finance), omitted); // its POST is a write
        Assert.Contains(("ShiftManagement", FactorialScope.ReadWrite, FactorialResourceScopes.ShiftManagement), omitted); // only a GET
        Assert.Contains(("ApiPublic", FactorialScope.ReadWrite, FactorialResourceScopes.None), omitted); // unknown, a GET
    }

    [Fact]
    public void Limited_clients_emit_only_the_models_their_operations_reach()
    {
        var result = Run(Limited("Hr", "ReadWrite", "FactorialResourceScopes.TimeTracking"));

        Assert.Empty(result.CompileProblems);
        var models = ModelNames(result);
        // attendance/shifts → AttendanceShift → Employee → Address (and its enum); the credential (unknown) stays.
        Assert.Contains("AttendanceShift", models);
        Assert.Contains("Employee", models);
        Assert.Contains(models, m => m.Contains("Address", System.StringComparison.Ordinal));
        Assert.Contains(models, m => m.Contains("Credential", System.StringComparison.Ordinal));
        Assert.DoesNotContain(models, m => m.Contains("Account", System.StringComparison.Ordinal) || m.Contains("Currency", System.StringComparison.Ordinal));
        Assert.DoesNotContain(models, m => m.Contains("NewEmployee", System.StringComparison.Ordinal));
        Assert.DoesNotContain(models, m => m.Contains("ShiftManagement", System.StringComparison.Ordinal));
        // The webhook registry keeps the events whose payload is emitted.
        var hooks = result.Source(Namespace + ".FactorialWebhooks.Events.g.cs");
        Assert.Contains("attendance/shift/clock_in", hooks, System.StringComparison.Ordinal);
        Assert.DoesNotContain("finance/account/create", hooks, System.StringComparison.Ordinal);
    }

    [Fact]
    public void One_unlimited_client_of_the_document_keeps_every_model()
    {
        var result = Run(
            Limited("Hr", "ReadWrite", "FactorialResourceScopes.TimeTracking"),
            $"[FactorialClient(FactorialScope.Read, Spec = \"{Spec}\")] public partial class Everything;");

        Assert.Empty(result.CompileProblems);
        var models = ModelNames(result);
        Assert.Contains(models, m => m.Contains("Account", System.StringComparison.Ordinal));
        Assert.Contains(models, m => m.Contains("NewEmployee", System.StringComparison.Ordinal));
        Assert.Contains(models, m => m.Contains("ShiftManagement", System.StringComparison.Ordinal));
        Assert.Contains(models, m => m.Contains("Currency", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Two_limited_clients_of_one_document_get_the_models_both_need()
    {
        var result = Run(
            Limited("Hr", "Read", "FactorialResourceScopes.TimeTracking"),
            Limited("Books", "ReadWrite", "FactorialResourceScopes.Finance"));

        Assert.Empty(result.CompileProblems);
        var models = ModelNames(result);
        Assert.Contains("AttendanceShift", models);
        Assert.Contains(models, m => m.Contains("Currency", System.StringComparison.Ordinal));
        Assert.DoesNotContain(models, m => m.Contains("ShiftManagement", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Days_off_query_needs_the_employees_holidays_and_time_off_resource_scopes()
    {
        var result = GeneratorHarness.Run("""
            using FactorialGen;
            namespace Acme;
            [FactorialClient(FactorialScope.Read, Resources = FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking)] public partial class Clock;
            [FactorialClient(FactorialScope.Read, Resources = FactorialResourceScopes.Employees | FactorialResourceScopes.CompanyHolidays | FactorialResourceScopes.TimeOff)] public partial class DaysOff;
            """);

        Assert.Empty(result.CompileProblems);
        Assert.Empty(result.Type("Acme.Clock").GetMembers("GetDaysOffAsync"));
        Assert.Contains(("GetDaysOffAsync", FactorialScope.Read, FactorialResourceScopes.CompanyHolidays | FactorialResourceScopes.TimeOff), GeneratedOperations.Omitted(result.Type("Acme.Clock")));
        var daysOff = Assert.Single(result.Type("Acme.DaysOff").GetMembers("GetDaysOffAsync")).GetAttributes().Single(a => a.AttributeClass?.Name == "FactorialOperationAttribute");
        Assert.Equal(FactorialResourceScopes.Employees | FactorialResourceScopes.CompanyHolidays | FactorialResourceScopes.TimeOff, GeneratedOperations.RequiredResource(daysOff));
    }

    [Fact]
    public void Editing_the_resources_of_one_client_regenerates_only_that_client_and_an_unrelated_edit_nothing()
    {
        var hr = Limited("Hr", "Read", "FactorialResourceScopes.Employees");
        var books = Limited("Books", "Read", "FactorialResourceScopes.Finance");
        var compilation = GeneratorHarness.Compilation("using FactorialGen; namespace Acme; " + hr, "using FactorialGen; namespace Acme; " + books);
        var driver = GeneratorHarness.Driver([GeneratorHarness.Document("/specs/" + Spec, Document)]).RunGenerators(compilation);

        var unrelated = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions))).GetRunResult().Results.Single();
        Assert.All(unrelated.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("using FactorialGen; namespace Acme; " + hr.Replace("Employees", "Employees | FactorialResourceScopes.TimeTracking"), GeneratorHarness.ParseOptions, path: "Source0.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        var clients = result.TrackedSteps[StepNames.BuildClient].SelectMany(s => s.Outputs).ToList();
        Assert.Single(clients, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(clients, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("AttendanceApi", result.GeneratedSources.Single(s => s.HintName == "Acme.Hr.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
    }

    private static string[] ModelNames(GeneratorHarness.Result result) =>
        result.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == Namespace && t.Name is not ("FactorialJson" or "FactorialWebhooks"))
            .Select(t => t.Name)
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();
}
