using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Client.Tests.FactorialApi;
using FactorialGen.Testing;
using Xunit.Abstractions;

namespace FactorialGen.Client.Tests;

/// <summary>
/// Real sandbox answers, damaged by <see cref="HostileBodies"/>, fed to the generated client (its models and JSON
/// converters) through a canned handler. The only acceptable outcomes: FactorialGen's typed exceptions, or results
/// that keep the promises of their types (no null in a non-nullable member). Never a NullReferenceException, an
/// InvalidCastException, another raw exception, or a hang. CI runs 1,000 cases; FACTORIALGEN_FUZZ_COUNT=20000 runs
/// a longer sequence (FACTORIALGEN_FUZZ_SEED replays another one).
/// </summary>
public sealed class GeneratedClientFuzzTests(ITestOutputHelper output)
{
    private const int CiCount = 1_000;
    private const int MaxBytes = 64 * 1024;
    private const string Prefix = "/api/2026-07-01/resources/";
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(30); // a hang, not a slow case, reaches this
    private static readonly NullabilityInfoContext Nullability = new();

    private static readonly string[] Operations =
    [
        "credentials", "employees list", "employee", "employees all", "shifts list", "shift", "clock in", "leaves list", "leave",
        "leave types", "company holidays", "location", "teams", "memberships", "days off",
    ];

    [Fact]
    public async Task Hostile_answers_to_the_generated_client_give_only_sound_results_or_typed_exceptions()
    {
        var answers = await RecordSandboxAnswersAsync();
        var count = FuzzSettings.Count(CiCount);
        var handler = new RoutingHandler(answers);
        using var hr = new HrAdmin(new FactorialApiKey("fuzz-key"), new FactorialClientOptions
        {
            BaseAddress = new Uri("https://api.factorialhr.com"),
            PrimaryHandler = handler,
            MaxResponseBytes = MaxBytes,
        });

        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        for (var number = 0; number < count && failures.Count < 20; number++)
        {
            var random = FuzzSettings.For(number);
            var operation = Operations[random.Next(Operations.Length)];
            handler.Start(number);
            string outcome;
            try
            {
                var result = await Call(hr, operation).WaitAsync(PerCase);
                if (Unsound(result, operation) is { } problem)
                {
                    failures.Add($"case {number} {operation}: unsound result: {problem}\n    {handler.Describe()}");
                    continue;
                }

                outcome = "result";
            }
            catch (TimeoutException)
            {
                failures.Add($"case {number} {operation} HUNG\n    {handler.Describe()}");
                continue;
            }
            catch (FactorialException ex)
            {
                outcome = ex.GetType().Name;
            }
            catch (Exception ex)
            {
                failures.Add($"case {number} {operation}: {ex.GetType().FullName}: {ex.Message}\n    {handler.Describe()}\n    {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
                continue;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine($"{count} cases (seed {FuzzSettings.Seed}) in {clock.Elapsed.TotalSeconds:0.0} s, {handler.Requests} requests, {handler.Mutated} damaged answers: "
            + string.Join(", ", outcomes.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(outcomes.Count >= 3, "the cases should reach several different outcomes");
    }

    private static async Task<object?> Call(HrAdmin hr, string operation)
    {
        var day = new DateOnly(2026, 3, 2);
        switch (operation)
        {
            case "credentials":
                return await hr.ApiPublic.Credentials.ListAsync();
            case "employees list":
                return await hr.Employees.Employees.ListAsync(limit: 5);
            case "employee":
                return await hr.Employees.Employees.GetAsync("1");
            case "employees all":
                var all = new List<Employee>();
                await foreach (var employee in hr.Employees.Employees.ListAllAsync(paging: new FactorialPaging { MaxPages = 3, Limit = 3 }))
                {
                    all.Add(employee);
                }

                return all;
            case "shifts list":
                return await hr.Attendance.Shifts.ListAsync(employeeIds: ["1"], limit: 5);
            case "shift":
                return await hr.Attendance.Shifts.GetAsync("1");
            case "clock in":
                return await hr.Attendance.Shifts.ClockInAsync(new ShiftsClockInRequest { EmployeeId = "1", Now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero) });
            case "leaves list":
                return await hr.Timeoff.Leaves.ListAsync(employeeIds: ["1"], limit: 5);
            case "leave":
                return await hr.Timeoff.Leaves.GetAsync("1");
            case "leave types":
                return await hr.Timeoff.LeaveTypes.ListAsync();
            case "company holidays":
                return await hr.Holidays.CompanyHolidays.ListAsync(startAt: day, endAt: day.AddMonths(3));
            case "location":
                return await hr.Locations.Locations.GetAsync("1");
            case "teams":
                return await hr.Teams.Teams.ListAsync();
            case "memberships":
                return await hr.Teams.Memberships.ListAsync();
            default:
                return await hr.GetDaysOffAsync("1", day, day.AddMonths(3), includeWeekends: true);
        }
    }

    /// <summary>What in a result breaks the promise of its type: a null where the member is declared non-nullable.</summary>
    private static string? Unsound(object? value, string path, int depth = 0)
    {
        if (value is null)
        {
            return $"{path} is null";
        }

        if (depth > 64 || value is string or DateOnly or DateTimeOffset or DateTime or TimeSpan || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
        {
            return null;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                if (Unsound(item, $"{path}[{i++}]", depth + 1) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.DeclaringType?.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                continue;
            }

            var member = property.GetValue(value);
            var declaredNotNull = Nullability.Create(property).ReadState == NullabilityState.NotNull;
            if (member is null)
            {
                if (declaredNotNull)
                {
                    return $"{path}.{property.Name} is null but declared non-nullable";
                }

                continue;
            }

            if (Unsound(member, $"{path}.{property.Name}", depth + 1) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Asks a real sandbox for one genuine answer of every resource the cases call.</summary>
    private static async Task<Dictionary<string, string>> RecordSandboxAnswersAsync()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        http.DefaultRequestHeaders.Add("x-api-key", sandbox.Server.IssueApiKey());
        async Task<string> Get(string path) => await http.GetStringAsync(Prefix + path);

        var answers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["api_public/credentials"] = await Get("api_public/credentials"),
            ["employees/employees"] = await Get("employees/employees?limit=3"),
            ["employees/employees/{id}"] = await Get("employees/employees/1"),
            ["attendance/shifts"] = await Get("attendance/shifts?limit=3"),
            ["timeoff/leaves"] = await Get("timeoff/leaves?limit=3&include_pending=true"),
            ["timeoff/leave_types"] = await Get("timeoff/leave_types?limit=3"),
            ["holidays/company_holidays"] = await Get("holidays/company_holidays?limit=3"),
            ["locations/locations/{id}"] = await Get("locations/locations/1"),
            ["teams/teams"] = await Get("teams/teams?limit=3"),
            ["teams/memberships"] = await Get("teams/memberships?limit=3"),
        };
        answers["attendance/shifts/{id}"] = await Get($"attendance/shifts/{FirstId(answers["attendance/shifts"])}");
        answers["timeoff/leaves/{id}"] = await Get($"timeoff/leaves/{FirstId(answers["timeoff/leaves"])}");
        using var clockIn = await http.PostAsync(
            Prefix + "attendance/shifts/clock_in",
            new StringContent("{\"employee_id\": \"2\", \"now\": \"2026-03-02T09:00:00Z\"}", Encoding.UTF8, "application/json"));
        answers["attendance/shifts/clock_in"] = await clockIn.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        return answers;
    }

    private static string FirstId(string list)
    {
        using var document = System.Text.Json.JsonDocument.Parse(list);
        var id = document.RootElement.GetProperty("data")[0].GetProperty("id");
        return id.ValueKind == System.Text.Json.JsonValueKind.Number ? id.GetRawText() : id.GetString()!;
    }

    /// <summary>
    /// Answers each request with the recorded answer of its resource, damaged (about every other time) by a mutation
    /// chosen from the case number and the resource alone, so a case replays identically whatever order its requests
    /// come in.
    /// </summary>
    private sealed class RoutingHandler(Dictionary<string, string> answers) : HttpMessageHandler
    {
        private readonly List<string> _log = [];
        private int _case;
        private int _requests;
        private int _mutated;

        public int Requests => _requests;

        public int Mutated => _mutated;

        public void Start(int caseNumber)
        {
            _case = caseNumber;
            lock (_log)
            {
                _log.Clear();
            }
        }

        public string Describe()
        {
            lock (_log)
            {
                return string.Join("\n    ", _log);
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var path = request.RequestUri!.AbsolutePath;
            var resource = path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..] : path;
            var key = answers.ContainsKey(resource) ? resource : resource[..Math.Max(0, resource.LastIndexOf('/'))] + "/{id}";
            if (!answers.TryGetValue(key, out var body))
            {
                throw new InvalidOperationException($"No recorded answer for {request.Method} {path}.");
            }

            var random = new Random(unchecked((FuzzSettings.For(_case).Next() * 31) + StableHash(key)));
            var status = HttpStatusCode.OK;
            string? mediaType = "application/json; charset=utf-8";
            byte[] bytes;
            string description;
            if (random.Next(2) == 0)
            {
                bytes = Encoding.UTF8.GetBytes(body);
                description = "genuine";
            }
            else
            {
                Interlocked.Increment(ref _mutated);
                var mutation = HostileBodies.Mutate(random, body, MaxBytes);
                bytes = mutation.Body;
                description = mutation.Description;
                mediaType = HostileBodies.MediaType(random);
                if (random.Next(8) == 0)
                {
                    status = new[] { HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.InternalServerError, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests }[random.Next(6)];
                }
            }

            lock (_log)
            {
                _log.Add($"{request.Method} {resource} <- {(int)status} {mediaType ?? "(no type)"}, {bytes.Length} bytes [{description}]: {Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 200)).ReplaceLineEndings(" ")}");
            }

            var content = new ByteArrayContent(bytes);
            if (mediaType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
            }

            return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
        }

        private static int StableHash(string text)
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = unchecked((hash * 31) + c);
            }

            return hash;
        }
    }
}
