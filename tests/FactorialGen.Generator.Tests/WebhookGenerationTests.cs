using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using FactorialGen.Webhooks;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// The <c>webhooks</c> section becomes one constant per subscription type, a typed payload per event (the component's
/// model) and a registry subscription type → payload metadata, on the generated client too; nothing without the section.
/// </summary>
public sealed class WebhookGenerationTests
{
    private const string Client = "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-hooks.json\")] public partial class Hr;";
    private const string Namespace = "Acme.FactorialApi.V2026_07_01";

    internal const string Document = """
        {
          "openapi": "3.1.0",
          "paths": {
            "/api/2026-07-01/resources/attendance/shifts": { "get": { "responses": { "200": { "description": "ok",
              "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/attendance_shift" } } } } } } } }
          },
          "webhooks": {
            "Shift clock in": { "post": { "summary": "Attendance > Shift > Clock in", "description": "Subscription_type: `attendance/shift/clock_in`",
              "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/attendance_shift" } } } } } },
            "Employee created": { "post": { "description": "Subscription_type: `employees/employee/create`",
              "requestBody": { "$ref": "#/components/requestBodies/employee_body" } } },
            "Inline": { "post": { "description": "Subscription_type: `custom/thing/update`",
              "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "id": { "type": "integer" } } } } } } } },
            "No body": { "post": { "description": "Subscription_type: `custom/ping`" } }
          },
          "components": {
            "requestBodies": { "employee_body": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/employee_only_in_hooks" } } } } },
            "schemas": {
              "attendance_shift": { "type": "object", "required": ["id"], "properties": { "id": { "type": "integer" }, "clock_in": { "type": "string" } } },
              "employee_only_in_hooks": { "type": "object", "properties": { "id": { "type": "integer" }, "full_name": { "type": "string" } } }
            }
          }
        }
        """;

    [Fact]
    public void Each_event_gets_a_constant_a_typed_payload_and_a_registry_entry()
    {
        var result = GeneratorHarness.Run(Client, GeneratorHarness.Document("/specs/factorial-hooks.json", Document));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        var hooks = result.Type($"{Namespace}.FactorialWebhooks");
        var constants = hooks.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).ToDictionary(f => f.Name, f => (string)f.ConstantValue!);
        Assert.Equal(
            new[] { ("AttendanceShiftClockIn", "attendance/shift/clock_in"), ("CustomPing", "custom/ping"), ("CustomThingUpdate", "custom/thing/update"), ("EmployeesEmployeeCreate", "employees/employee/create") },
            constants.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)).ToArray());

        var registry = Registry(result, "Hr");
        Assert.Equal(4, registry.Count);
        Assert.True(registry.TryGet("attendance/shift/clock_in", out var shift));
        Assert.Equal($"{Namespace}.Shift", shift.PayloadType.FullName); // the component's own model, not a copy
        Assert.True(registry.TryGet("employees/employee/create", out var employee));
        Assert.Equal($"{Namespace}.EmployeeOnlyInHooks", employee.PayloadType.FullName); // reached only from a webhook, through requestBodies
        Assert.True(registry.TryGet("custom/ping", out var ping));
        Assert.Equal(typeof(JsonElement), ping.PayloadType);
        Assert.True(registry.TryGet("custom/thing/update", out var inline));
        Assert.Equal($"{Namespace}.CustomThingUpdatePayload", inline.PayloadType.FullName);

        // The metadata reads a delivery body without reflection.
        var payload = JsonSerializer.Deserialize("""{"id":7,"clock_in":"2026-07-01T08:00:00Z","extra":1}""", shift.PayloadTypeInfo)!;
        Assert.Equal(7L, (long)payload.GetType().GetProperty("Id")!.GetValue(payload)!);
        Assert.Same(registry, Registry(result, $"{Namespace}.FactorialWebhooks"));
    }

    [Fact]
    public void A_document_without_webhooks_emits_nothing_new()
    {
        var withoutHooks = Document.Replace("\"webhooks\"", "\"x-not-webhooks\"", StringComparison.Ordinal);
        var result = GeneratorHarness.Run(Client, GeneratorHarness.Document("/specs/factorial-hooks.json", withoutHooks));

        Assert.Empty(result.CompileProblems);
        Assert.DoesNotContain(result.RunResult.Results.SelectMany(r => r.GeneratedSources), s => s.HintName.Contains("Webhooks", StringComparison.Ordinal));
        Assert.Null(result.Output.GetTypeByMetadataName($"{Namespace}.FactorialWebhooks"));
        Assert.DoesNotContain(result.Type("Hr").AllInterfaces, i => i.Name == "IFactorialWebhookSource");

    }

    [Fact]
    public void Built_in_clients_get_the_four_events_and_only_read_write_clients_get_the_Webhooks_subscriber()
    {
        var result = GeneratorHarness.Run("""
            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite)] public partial class CoreAdmin;
            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class CoreReports;
            """);

        Assert.Empty(result.CompileProblems);
        var registry = Registry(result, "Acme.FactorialApi.FactorialWebhooks");
        Assert.Equal(["attendance/shift/clock_in", "attendance/shift/clock_out", "employees/employee/create_with_contract", "timeoff/leave/create"], registry.SubscriptionTypes);
        var webhooks = Assert.Single(result.Type("CoreAdmin").GetMembers("Webhooks"));
        Assert.Equal("FactorialGen.Webhooks.FactorialWebhookSubscriptions", ((IPropertySymbol)webhooks).Type.ToDisplayString());
        Assert.Empty(result.Type("CoreReports").GetMembers("Webhooks")); // cannot create subscriptions: no member
        Assert.Single(result.Type("CoreReports").GetMembers("WebhookEvents")); // but can still feed a receiver
    }

    [Theory]
    [InlineData("a\"; } class Evil { //")]
    [InlineData("x\\\" + System.Environment.Exit(1) + \"")]
    [InlineData("line\nbreak */ #error boom")]
    [InlineData("bidi\u202Eevil\u2028next")]
    [InlineData("</summary><code>class</code>")]
    [InlineData("Equals")]
    [InlineData("Registry")]
    [InlineData("class")]
    [InlineData("9/a")]
    public void Hostile_subscription_types_and_texts_stay_data(string hostile)
    {
        var text = JsonSerializer.Serialize(hostile);
        var description = JsonSerializer.Serialize($"Subscription_type: `{hostile}`");
        var document = $$"""
            { "openapi": "3.1.0", "paths": {},
              "webhooks": {
                {{text}}: { "post": { "summary": {{text}}, "description": {{description}},
                  "requestBody": { "content": { "application/json": { "schema": { "type": "object", "description": {{text}}, "properties": { "id": { "type": "string" } } } } } } } },
                "same constant": { "post": { "description": "Subscription_type: `{{Identifier(hostile)}}/`" } }
              } }
            """;
        var result = GeneratorHarness.Run(Client, GeneratorHarness.Document("/specs/factorial-hooks.json", document));

        Assert.Empty(result.CompileProblems);
        Assert.DoesNotContain(result.Output.SyntaxTrees.SelectMany(t => t.GetDiagnostics()), d => d.Severity == DiagnosticSeverity.Error);
        var hooks = result.Type("Acme.FactorialApi.FactorialHooks.FactorialWebhooks"); // no info and no paths: named from the file
        var values = hooks.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => (string)f.ConstantValue!).ToList();
        Assert.Contains(hostile.Trim(), values); // the exact text, as a string literal
        Assert.Equal(2, values.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(2, Registry(result, "Hr").Count);
    }

    [RealSpecFact("factorial-openapi-2026-07-01.json")]
    public void The_2026_document_yields_128_events_whose_payloads_are_its_models()
    {
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-openapi-2026-07-01.json\")] public partial class Hr;",
            GeneratorHarness.SharedSpec("factorial-openapi-2026-07-01.json"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        const string ns = "Acme.FactorialApi.V2026_07_01";
        var constants = result.Type($"{ns}.FactorialWebhooks").GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).ToList();
        Assert.Equal(128, constants.Count);
        Assert.Equal("attendance/shift/clock_in", constants.Single(c => c.Name == "AttendanceShiftClockIn").ConstantValue);

        var registry = Registry(result, "Hr");
        Assert.Equal(128, registry.Count);
        Assert.All(registry, e => Assert.Equal(ns, e.PayloadType.Namespace)); // every payload is a generated model
        Assert.All(registry, e => Assert.Same(e.PayloadType, e.PayloadTypeInfo.Type));
        Assert.True(registry.TryGet("attendance/shift/clock_in", out var clockIn));
        Assert.Equal("AttendanceShift", clockIn.PayloadType.Name); // the model of components/schemas/attendance_shift
        Assert.True(registry.TryGet("employees/employee/update", out var created));
        Assert.EndsWith("Employee", created.PayloadType.Name, StringComparison.Ordinal);
    }

    private static string Identifier(string text) => new string(text.Where(char.IsLetterOrDigit).ToArray()) is { Length: > 0 } s ? s : "x";

    private static FactorialWebhookRegistry Registry(GeneratorHarness.Result result, string typeName)
    {
        var assembly = Load(result);
        var property = assembly.GetType(typeName, throwOnError: true)!.GetProperty("WebhookEvents", BindingFlags.Public | BindingFlags.Static)!;
        return (FactorialWebhookRegistry)property.GetValue(null)!;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Assembly> Loaded = new();

    private static Assembly Load(GeneratorHarness.Result result) => Loaded.GetValue(result.Output, compilation =>
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("webhooks", isCollectible: false).LoadFromStream(stream);
    });
}
