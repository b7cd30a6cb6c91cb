using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// The JSON code the generator emits, compiled and run: tolerant of what real Factorial answers contain (unknown enum
/// values, numbers as strings and the reverse, extra fields), strict about structure and required fields.
/// </summary>
public sealed class GeneratedJsonTests
{
    private const string Document = """
        {
          "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
          "paths": { "/api/2026-07-01/resources/timeoff/leaves": { "get": { "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/timeoff_leave" } } } } } } } } },
          "components": { "schemas": {
            "timeoff_leave": { "type": "object", "required": ["id", "start_on"], "properties": {
              "id": { "type": "integer" },
              "employee_id": { "type": "string" },
              "start_on": { "type": "string" },
              "half_day": { "type": "string", "enum": ["beggining_of_day", "end_of_day"] },
              "approved": { "type": "boolean" },
              "days": { "type": "number" },
              "tags": { "type": "array", "items": { "type": "integer" } },
              "type": { "$ref": "#/components/schemas/timeoff_leave_type" },
              "extra": { "type": "unknown" } } },
            "timeoff_leave_type": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } } } }
        }
        """;

    private static readonly Lazy<Assembly> Generated = new(Compile);

    private static object? Read(string json) => JsonSerializer.Deserialize(json, TypeInfo("Leave"));

    private static JsonTypeInfo TypeInfo(string name) =>
        (JsonTypeInfo)Generated.Value.GetType("Acme.FactorialApi.V2026_07_01.FactorialJson")!.GetProperty(name)!.GetValue(null)!;

    private static object? Property(object model, string name) => model.GetType().GetProperty(name)!.GetValue(model);

    [Fact]
    public void Reads_a_complete_item()
    {
        var leave = Read("""{"id": 7, "employee_id": "3", "start_on": "2026-03-02", "half_day": "end_of_day", "approved": true, "days": 0.5, "tags": [1, 2], "type": {"name": "Vacation"}, "extra": {"a": [1]}}""")!;

        Assert.Equal(7L, Property(leave, "Id"));
        Assert.Equal("3", Property(leave, "EmployeeId"));
        Assert.Equal("EndOfDay", Property(leave, "HalfDay")!.ToString());
        Assert.Equal(true, Property(leave, "Approved"));
        Assert.Equal(0.5, Property(leave, "Days"));
        Assert.Equal([1L, 2L], ((System.Collections.Generic.IEnumerable<long>)Property(leave, "Tags")!).ToArray());
        Assert.Equal("Vacation", Property(Property(leave, "Type")!, "Name"));
        Assert.Equal("""{"a": [1]}""", ((JsonElement)Property(leave, "Extra")!).GetRawText());
    }

    [Fact]
    public void Unknown_enum_values_null_enums_and_extra_fields_are_tolerated()
    {
        var unknown = Read("""{"id": 1, "start_on": "2026-03-02", "half_day": "whole_afternoon", "surprise": {"deep": [1, {"x": 2}]}}""")!;
        var none = Read("""{"id": 1, "start_on": "2026-03-02", "half_day": null}""")!;
        var wrongKind = Read("""{"id": 1, "start_on": "2026-03-02", "half_day": 3}""")!;

        Assert.Equal("Unknown", Property(unknown, "HalfDay")!.ToString());
        Assert.Null(Property(none, "HalfDay"));
        Assert.Equal("Unknown", Property(wrongKind, "HalfDay")!.ToString());
    }

    [Fact]
    public void Numbers_as_strings_and_strings_as_numbers_are_read()
    {
        var leave = Read("""{"id": "42", "employee_id": 9, "start_on": "2026-03-02", "approved": "true", "days": "1.5", "tags": ["3", 4, null]}""")!;

        Assert.Equal(42L, Property(leave, "Id"));
        Assert.Equal("9", Property(leave, "EmployeeId"));
        Assert.Equal(true, Property(leave, "Approved"));
        Assert.Equal(1.5, Property(leave, "Days"));
        Assert.Equal([3L, 4L], ((System.Collections.Generic.IEnumerable<long>)Property(leave, "Tags")!).ToArray());
    }

    [Fact]
    public void Escaped_and_same_length_property_names_find_their_fields()
    {
        // "\u0069d" is "id" escaped (the slow comparison path); employee_id, start_on and half_day share lengths with
        // other names, so the length switch has to compare the bytes too; "idd" matches nothing.
        var leave = Read("""{"\u0069d": 5, "idd": 6, "employee_id": "2", "start_on": "2026-03-02", "half_day": "end_of_day", "\u0061pproved": true}""")!;

        Assert.Equal(5L, Property(leave, "Id"));
        Assert.Equal("2", Property(leave, "EmployeeId"));
        Assert.Equal(new DateOnly(2026, 3, 2), Property(leave, "StartOn")); // a "*_on" field without a format is a date
        Assert.Equal("EndOfDay", Property(leave, "HalfDay")!.ToString());
        Assert.Equal(true, Property(leave, "Approved"));
    }

    [Theory]
    [InlineData("""{"start_on": "2026-03-02"}""")]
    [InlineData("""{"id": null, "start_on": "2026-03-02"}""")]
    [InlineData("""{"id": "not a number", "start_on": "2026-03-02"}""")]
    [InlineData("""{"id": 1, "start_on": "2026-03-02", "tags": {"a": 1}}""")]
    [InlineData("""{"id": 1, "start_on": "2026-03-02", "type": "Vacation"}""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""{"id": 1, "start_on": "not a date"}""")]
    [InlineData("""{"id": 1, "start_on": "2026-02-30"}""")]
    public void Missing_required_fields_and_structural_mismatches_raise_JsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Read(json));
    }

    [Theory]
    [InlineData("""{"id": 1}""", "start_on")]
    [InlineData("""{"id": 1, "start_on": null}""", "start_on")]
    [InlineData("""{"start_on": "2026-03-02", "id": null}""", "id")]
    [InlineData("""{"id": 1, "start_on": "2026-03-02", "type": {}}""", "name")]
    [InlineData("""{"id": 1, "start_on": "2026-03-02", "type": {"name": null}}""", "name")]
    [InlineData("""{"id": 1, "start_on": "2026-03-02", "type": {"name": "x", "name": null}}""", "name")]
    public void A_required_field_missing_or_null_is_an_error_naming_the_field_whether_a_value_or_a_reference(string json, string field)
    {
        // The model's reading constructor checks its required fields after the object: a value type through a local,
        // a reference through the property itself.
        var error = Assert.ThrowsAny<JsonException>(() => Read(json));

        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_field_takes_its_last_value_and_a_null_before_a_value_is_no_error()
    {
        var leave = Read("""{"id": 1, "id": 2, "start_on": null, "start_on": "2026-03-02", "type": {"name": null, "name": "Sick"}, "employee_id": "a", "employee_id": null}""")!;

        Assert.Equal(2L, Property(leave, "Id"));
        Assert.Equal(new DateOnly(2026, 3, 2), Property(leave, "StartOn"));
        Assert.Equal("Sick", Property(Property(leave, "Type")!, "Name"));
        Assert.Null(Property(leave, "EmployeeId"));
    }

    [Fact]
    public void A_model_has_one_public_constructor_and_its_reading_constructor_is_internal()
    {
        var type = Generated.Value.GetType("Acme.FactorialApi.V2026_07_01.Leave")!;

        var constructor = Assert.Single(type.GetConstructors());
        Assert.Empty(constructor.GetParameters());
        var reading = Assert.Single(type.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance));
        Assert.True(reading.IsAssembly);
        Assert.Equal(2, reading.GetParameters().Length);
    }

    [Fact]
    public void A_date_field_named_by_the_rule_reads_a_timestamp_as_its_date()
    {
        Assert.Equal(new DateOnly(2021, 1, 1), Property(Read("""{"id": 1, "start_on": "2021-01-01T23:00:00Z"}""")!, "StartOn"));
    }

    [Fact]
    public void Written_json_reads_back_equal()
    {
        var leave = Read("""{"id": 7, "start_on": "2026-03-02", "half_day": "beggining_of_day", "tags": [1], "type": {"name": "Sick"}}""")!;

        var json = JsonSerializer.Serialize(leave, TypeInfo("Leave"));
        var again = Read(json)!;

        Assert.Contains("\"half_day\":\"beggining_of_day\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("employee_id", json, StringComparison.Ordinal); // nulls are left out
        Assert.Equal(JsonSerializer.Serialize(again, TypeInfo("Leave")), json);
    }

    private static Assembly Compile()
    {
        var result = GeneratorHarness.Run(
            "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-doc.json\")] public partial class Hr;",
            GeneratorHarness.Document("/specs/factorial-doc.json", Document));
        Assert.Empty(result.CompileProblems);
        using var stream = new MemoryStream();
        var emitted = result.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("generated", isCollectible: false).LoadFromStream(stream);
    }
}
