using System.Text.Json.Serialization;

namespace FactorialGen.Tests;

internal sealed record TestEmployee(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("full_name")] string? FullName);

internal sealed record TestClockIn(
    [property: JsonPropertyName("employee_id")] long EmployeeId,
    [property: JsonPropertyName("now")] string Now);

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TestEmployee))]
[JsonSerializable(typeof(TestClockIn))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}
