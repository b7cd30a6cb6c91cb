using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// The generator's built-in OpenAPI document (<c>Specs/factorial-core.json</c>) against a real sandbox: the document
/// lists exactly the core operations, every GET answer fits the declared schemas, and the write operations accept
/// bodies made of the declared request fields.
/// </summary>
public sealed class BuiltInSpecConformanceTests
{
    private const string Prefix = "/api/2026-07-01/resources/";

    /// <summary>The operations the built-in document must describe, no more and no fewer.</summary>
    private static readonly string[] ExpectedOperations =
    [
        "GET employees/employees", "GET employees/employees/{id}", "PUT employees/employees/{id}",
        "POST employees/employees/invite", "POST employees/employees/terminate", "POST employees/employees/unterminate",
        "GET attendance/shifts", "GET attendance/shifts/{id}", "POST attendance/shifts", "PUT attendance/shifts/{id}",
        "DELETE attendance/shifts/{id}", "POST attendance/shifts/clock_in", "POST attendance/shifts/clock_out",
        "GET timeoff/leaves", "GET timeoff/leaves/{id}", "POST timeoff/leaves", "PUT timeoff/leaves/{id}",
        "DELETE timeoff/leaves/{id}", "POST timeoff/leaves/approve", "POST timeoff/leaves/reject",
        "GET timeoff/leave_types", "GET timeoff/leave_types/{id}",
        "GET holidays/company_holidays", "GET holidays/company_holidays/{id}",
        "GET locations/locations", "GET locations/locations/{id}",
        "GET teams/teams", "GET teams/teams/{id}", "GET teams/memberships", "GET teams/memberships/{id}",
        "GET api_public/credentials",
        "POST employees/employees/create_with_contract",
        "GET api_public/webhook_subscriptions", "GET api_public/webhook_subscriptions/{id}", "POST api_public/webhook_subscriptions",
        "PUT api_public/webhook_subscriptions/{id}", "DELETE api_public/webhook_subscriptions/{id}",
    ];

    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options"];

    [Fact]
    public void BuiltInSpec_describes_exactly_the_core_operations()
    {
        using var spec = LoadSpec();

        var actual = Operations(spec.RootElement).Select(o => o.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();

        Assert.Equal(ExpectedOperations.OrderBy(k => k, StringComparer.Ordinal).ToArray(), actual);
    }

    [Fact]
    public void BuiltInSpec_is_a_self_consistent_openapi_3_1_document()
    {
        using var spec = LoadSpec();
        var root = spec.RootElement;
        var problems = new List<string>();

        Assert.Equal("3.1.0", root.GetProperty("openapi").GetString());
        Assert.Equal("2026-07-01", root.GetProperty("info").GetProperty("version").GetString());
        Assert.Equal("https://api.factorialhr.com", root.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.Equal("""[{"oauth2":[]}]""", Compact(root.GetProperty("security")));
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        var scopes = schemes.GetProperty("oauth2").GetProperty("flows").GetProperty("authorizationCode").GetProperty("scopes");
        Assert.Equal(new[] { "read", "write" }, scopes.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("x-api-key", schemes.GetProperty("apikey").GetProperty("name").GetString());
        Assert.Equal("header", schemes.GetProperty("apikey").GetProperty("in").GetString());

        CollectRefs(root, root, "#", problems);
        foreach (var (key, operation) in Operations(root))
        {
            if (Compact(operation.GetProperty("security")) != """[{"oauth2":[]},{"apikey":[]}]""")
            {
                problems.Add($"{key}: security must allow oauth2 or apikey");
            }

            foreach (var parameter in Parameters(operation))
            {
                var name = parameter.GetProperty("name").GetString();
                if (name is "limit" or "after_id" or "before_id" or "page")
                {
                    problems.Add($"{key}: paging parameter '{name}' belongs to the client, not the document");
                }
            }

            if (key.Contains("{id}", StringComparison.Ordinal)
                && !Parameters(operation).Any(p => p.GetProperty("name").GetString() == "id" && p.GetProperty("in").GetString() == "path"))
            {
                problems.Add($"{key}: the path parameter 'id' is not declared");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task BuiltInSpec_every_get_operation_answers_200_with_only_declared_fields()
    {
        using var spec = LoadSpec();
        var root = spec.RootElement;
        await using var sandbox = await TestSandbox.StartAsync();
        using var recorder = PassThroughHandler.ToNetwork();
        using var connection = await ConnectAsync(sandbox, recorder);
        var problems = new List<string>();
        var firstIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var gets = Operations(root).Where(o => o.Key.StartsWith("GET ", StringComparison.Ordinal)).ToList();

        // Lists first: their first items give the ids of the {id} operations.
        foreach (var (key, operation) in gets.OrderBy(o => o.Key.Contains("{id}", StringComparison.Ordinal)))
        {
            var path = key["GET ".Length..];
            string concrete;
            if (path.EndsWith("/{id}", StringComparison.Ordinal))
            {
                var listPath = path[..^"/{id}".Length];
                Assert.True(firstIds.TryGetValue(listPath, out var id), $"{key}: no list operation GET {listPath} gave an id");
                concrete = $"{listPath}/{id}";
            }
            else
            {
                concrete = path;
            }

            var request = new FactorialRequest(HttpMethod.Get, Prefix + concrete) { PathTemplate = Prefix + path };
            foreach (var parameter in Parameters(operation).Where(p => p.GetProperty("in").GetString() == "query" && IsRequired(p)))
            {
                // The real document marks a few boolean filters as required; "false" is the neutral value.
                var type = parameter.GetProperty("schema").GetProperty("type").GetString();
                Assert.True(type == "boolean", $"{key}: required query parameter of type {type} has no test value");
                request.AddQuery(parameter.GetProperty("name").GetString()!, "false");
            }

            var answer = await connection.SendJsonAsync(request);

            Assert.Equal(HttpStatusCode.OK, recorder.LastStatus);
            var schema = ResponseSchema(operation, "200");
            Validate(root, answer, schema, key, problems);
            if (!path.EndsWith("/{id}", StringComparison.Ordinal))
            {
                Assert.True(answer.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0, $"{key}: expected a non-empty data array");
                Assert.True(answer.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object, $"{key}: expected a meta object");
                firstIds[path] = data[0].GetProperty("id").ToString();
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task BuiltInSpec_write_operations_accept_bodies_of_declared_fields()
    {
        using var spec = LoadSpec();
        var root = spec.RootElement;
        await using var sandbox = await TestSandbox.StartAsync();
        using var recorder = PassThroughHandler.ToNetwork();
        using var connection = await ConnectAsync(sandbox, recorder);
        var ops = Operations(root).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        var problems = new List<string>();
        var exercised = new HashSet<string>(StringComparer.Ordinal);

        async Task<JsonElement> CallAsync(string key, string? id, params (string Name, JsonNode? Value)[] fields)
        {
            var operation = ops[key];
            var space = key.IndexOf(' ', StringComparison.Ordinal);
            var method = new HttpMethod(key[..space]);
            var template = key[(space + 1)..];
            var path = id is null ? template : template.Replace("{id}", id, StringComparison.Ordinal);
            var request = new FactorialRequest(method, Prefix + path) { PathTemplate = Prefix + template };
            if (fields.Length > 0)
            {
                request.WithContent(new StringContent(Body(root, operation, key, fields), Encoding.UTF8, "application/json"));
            }

            var answer = await connection.SendJsonAsync(request);

            var expected = ExpectedStatus(operation);
            Assert.True(recorder.LastStatus == expected, $"{key}: answered {(int?)recorder.LastStatus}, the document says {(int)expected}");
            Validate(root, answer, ResponseSchema(operation, ((int)expected).ToString(CultureInfo.InvariantCulture)), key, problems);
            exercised.Add(key);
            return answer;
        }

        var me = (await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, Prefix + "api_public/credentials"))).GetProperty("data")[0];
        var companyId = me.GetProperty("company_id").GetString()!;
        var adminId = me.GetProperty("employee_id").GetString()!;
        var employees = (await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, Prefix + "employees/employees").AddQuery("limit", "50"))).GetProperty("data");
        var employeeId = employees.EnumerateArray()
            .First(e => e.GetProperty("id").GetString() != adminId && e.GetProperty("terminated_on").ValueKind == JsonValueKind.Null)
            .GetProperty("id").GetString()!;

        // Clock in and out: one shift opened and closed.
        var opened = await CallAsync("POST attendance/shifts/clock_in", null, ("employee_id", employeeId), ("now", "2026-03-02T08:30:00+00:00"), ("observations", "Kiosk"), ("location_type", "office"));
        var closed = await CallAsync("POST attendance/shifts/clock_out", null, ("employee_id", employeeId), ("now", "2026-03-02T16:45:00+00:00"));
        Assert.Equal(opened.GetProperty("id").GetString(), closed.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("clock_out").ValueKind);
        Assert.Equal(495, closed.GetProperty("minutes").GetInt32());

        // Shift create, update, delete.
        var shift = await CallAsync("POST attendance/shifts", null, ("employee_id", employeeId), ("date", "2026-03-03"), ("clock_in", "2026-03-03T09:00:00+00:00"), ("clock_out", "2026-03-03T13:00:00+00:00"), ("location_type", "work_from_home"));
        var shiftId = shift.GetProperty("id").GetString()!;
        Assert.Equal(240, shift.GetProperty("minutes").GetInt32());
        var moved = await CallAsync("PUT attendance/shifts/{id}", shiftId, ("id", shiftId), ("clock_out", "2026-03-03T14:00:00+00:00"), ("observations", "Stayed longer"));
        Assert.Equal(300, moved.GetProperty("minutes").GetInt32());
        await CallAsync("DELETE attendance/shifts/{id}", shiftId);

        // Leave create, update, approve; a second one rejected, then deleted.
        var leave = await CallAsync("POST timeoff/leaves", null, ("employee_id", employeeId), ("leave_type_id", "1"), ("start_on", "2026-03-16"), ("finish_on", "2026-03-18"), ("description", "Short trip"));
        var leaveId = leave.GetProperty("id").GetString()!;
        Assert.Equal(JsonValueKind.Null, leave.GetProperty("approved").ValueKind);
        var changed = await CallAsync("PUT timeoff/leaves/{id}", leaveId, ("id", leaveId), ("finish_on", "2026-03-19"));
        Assert.Equal("2026-03-19", changed.GetProperty("finish_on").GetString());
        var approved = await CallAsync("POST timeoff/leaves/approve", null, ("id", leaveId));
        Assert.True(approved.GetProperty("approved").GetBoolean());
        var other = await CallAsync("POST timeoff/leaves", null, ("employee_id", employeeId), ("start_on", "2026-04-07"), ("half_day", "beggining_of_day"));
        var otherId = other.GetProperty("id").GetString()!;
        Assert.Equal("beggining_of_day", other.GetProperty("half_day").GetString());
        var rejected = await CallAsync("POST timeoff/leaves/reject", null, ("id", otherId), ("reason", "Team offsite that day"));
        Assert.False(rejected.GetProperty("approved").GetBoolean());
        await CallAsync("DELETE timeoff/leaves/{id}", otherId);

        // Employee update, invite, terminate, unterminate.
        var renamed = await CallAsync("PUT employees/employees/{id}", employeeId, ("id", employeeId), ("preferred_name", "Sunny"), ("phone_number", "+34 600 000 000"));
        Assert.Equal("Sunny", renamed.GetProperty("preferred_name").GetString());
        await CallAsync("POST employees/employees/invite", null, ("id", employeeId), ("company_id", companyId));
        var leaving = await CallAsync("POST employees/employees/terminate", null, ("id", employeeId), ("terminated_on", "2026-04-30"), ("termination_reason", "Moving abroad"));
        Assert.True(leaving.GetProperty("is_terminating").GetBoolean());
        Assert.Equal("2026-04-30", leaving.GetProperty("terminated_on").GetString());
        var staying = await CallAsync("POST employees/employees/unterminate", null, ("id", employeeId));
        Assert.Equal(JsonValueKind.Null, staying.GetProperty("terminated_on").ValueKind);

        // Employee created with a contract; a webhook subscription created, changed and deleted.
        var hired = await CallAsync("POST employees/employees/create_with_contract", null, ("company_id", companyId), ("first_name", "Ada"), ("last_name", "Byron"), ("email", "ada.byron@sandbox-industries.test"), ("birthday_on", "1990-12-10"), ("contract_starts_on", "2026-03-02"), ("manager_id", adminId));
        Assert.Equal("Ada Byron", hired.GetProperty("full_name").GetString());
        var subscription = await CallAsync("POST api_public/webhook_subscriptions", null, ("company_id", companyId), ("subscription_type", "timeoff/leave/approve"), ("target_url", "http://127.0.0.1:9/hooks/timeoff/leave/approve"), ("name", "Conformance"), ("challenge", "conformance-challenge"), ("enabled", false), ("api_version", "2026-07-01"));
        var subscriptionId = subscription.GetProperty("id").GetString()!;
        Assert.Equal("timeoff/leave/approve", subscription.GetProperty("type").GetString());
        var enabled = await CallAsync("PUT api_public/webhook_subscriptions/{id}", subscriptionId, ("id", subscriptionId), ("enabled", true), ("target_url", "http://127.0.0.1:9/hooks/approve"));
        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        await CallAsync("DELETE api_public/webhook_subscriptions/{id}", subscriptionId);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        var writes = ops.Keys.Where(k => !k.StartsWith("GET ", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal);
        Assert.Equal(writes, exercised.OrderBy(k => k, StringComparer.Ordinal));
    }

    private static JsonDocument LoadSpec() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "factorial-core.json")));

    private static async Task<FactorialConnection> ConnectAsync(TestSandbox sandbox, PassThroughHandler recorder)
    {
        var token = await sandbox.AuthorizeAsync(FactorialScope.ReadWrite);
        var options = sandbox.ClientOptions();
        options.PrimaryHandler = recorder;
        return new FactorialConnection(token, options: options);
    }

    /// <summary>Every operation as <c>"METHOD namespace/resource[/…]"</c> with the path after the resources prefix.</summary>
    private static IEnumerable<KeyValuePair<string, JsonElement>> Operations(JsonElement root)
    {
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            Assert.StartsWith(Prefix, path.Name, StringComparison.Ordinal);
            foreach (var item in path.Value.EnumerateObject().Where(i => HttpMethods.Contains(i.Name)))
            {
                yield return new($"{item.Name.ToUpperInvariant()} {path.Name[Prefix.Length..]}", item.Value);
            }
        }
    }

    private static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray() : [];

    private static bool IsRequired(JsonElement parameter) =>
        parameter.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True;

    private static HttpStatusCode ExpectedStatus(JsonElement operation) =>
        (HttpStatusCode)int.Parse(operation.GetProperty("responses").EnumerateObject().Single().Name, CultureInfo.InvariantCulture);

    private static JsonElement ResponseSchema(JsonElement operation, string status) =>
        operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema");

    private static JsonElement RequestSchema(JsonElement operation) =>
        operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");

    /// <summary>A JSON body of the given fields, each checked against the operation's request schema.</summary>
    private static string Body(JsonElement root, JsonElement operation, string key, (string Name, JsonNode? Value)[] fields)
    {
        var schema = Resolve(root, RequestSchema(operation));
        var declared = schema.GetProperty("properties");
        var body = new JsonObject();
        var problems = new List<string>();
        foreach (var (name, value) in fields)
        {
            if (!declared.TryGetProperty(name, out var fieldSchema))
            {
                problems.Add($"{key}: request field '{name}' is not in the document");
                continue;
            }

            using (var element = JsonDocument.Parse(value?.ToJsonString() ?? "null"))
            {
                Validate(root, element.RootElement, fieldSchema, $"{key} body.{name}", problems);
            }
            body[name] = value;
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!body.ContainsKey(name))
                {
                    problems.Add($"{key}: required request field '{name}' is missing from the test body");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        return body.ToJsonString();
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            schema = Pointer(root, reference.GetString()!)
                ?? throw new InvalidOperationException($"Unresolved $ref {reference.GetString()}");
        }

        return schema;
    }

    private static JsonElement? Pointer(JsonElement root, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var node = root;
        foreach (var part in reference[2..].Split('/'))
        {
            var name = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
            {
                return null;
            }
        }

        return node;
    }

    private static void CollectRefs(JsonElement root, JsonElement node, string where, List<string> problems)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    if (property.Name == "$ref" && Pointer(root, property.Value.GetString() ?? string.Empty) is null)
                    {
                        problems.Add($"{where}: $ref {property.Value} does not resolve");
                    }

                    CollectRefs(root, property.Value, $"{where}/{property.Name}", problems);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in node.EnumerateArray())
                {
                    CollectRefs(root, item, $"{where}/{index++}", problems);
                }

                break;
        }
    }

    /// <summary>
    /// Checks a value against a schema of the document: JSON type, enum, declared properties only, required
    /// properties present and not null (null is fine for the others), array items; follows <c>$ref</c>s.
    /// </summary>
    private static void Validate(JsonElement root, JsonElement value, JsonElement schema, string where, List<string> problems)
    {
        schema = Resolve(root, schema);
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        var fits = type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => false,
        };
        if (!fits)
        {
            problems.Add($"{where}: expected {type ?? "(no type)"}, got {value.ValueKind} {Compact(value)}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.ValueKind == value.ValueKind && a.ToString() == value.ToString()))
        {
            problems.Add($"{where}: {Compact(value)} is not one of {Compact(allowed)}");
        }

        if (type == "array" && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Validate(root, item, items, $"{where}[{index++}]", problems);
            }
        }

        if (type != "object")
        {
            return;
        }

        var declared = schema.TryGetProperty("properties", out var p) ? p : default;
        var required = schema.TryGetProperty("required", out var r)
            ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var property in value.EnumerateObject())
        {
            if (declared.ValueKind != JsonValueKind.Object || !declared.TryGetProperty(property.Name, out var propertySchema))
            {
                problems.Add($"{where}.{property.Name}: not declared in the schema");
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                if (required.Contains(property.Name))
                {
                    problems.Add($"{where}.{property.Name}: required but null");
                }

                continue;
            }

            Validate(root, property.Value, propertySchema, $"{where}.{property.Name}", problems);
        }

        foreach (var name in required.Where(n => !value.TryGetProperty(n, out _)))
        {
            problems.Add($"{where}.{name}: required but missing");
        }
    }

    private static string Compact(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined ? "(undefined)" : JsonNode.Parse(element.GetRawText())?.ToJsonString() ?? "null";
}
