using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Sandbox;

namespace FactorialGen.Benchmarks;

/// <summary>Real answers of the sandbox (API version 2026-07-01, string ids), captured once per process.</summary>
internal sealed class CannedBodies
{
    private static readonly Lazy<CannedBodies> Captured = new(() => CaptureAsync().GetAwaiter().GetResult());

    private CannedBodies(byte[] employee, byte[] page, byte[] shift, string employeeId)
    {
        Employee = employee;
        Page = page;
        Shift = shift;
        EmployeeId = employeeId;
    }

    /// <summary><c>GET …/employees/employees/{id}</c>: one employee object.</summary>
    public byte[] Employee { get; }

    /// <summary><c>GET …/employees/employees?limit=100</c>: <c>{ data: [100 employees], meta }</c>.</summary>
    public byte[] Page { get; }

    /// <summary><c>POST …/attendance/shifts/clock_in</c>: the opened shift.</summary>
    public byte[] Shift { get; }

    /// <summary>The id of the employee in <see cref="Employee"/>.</summary>
    public string EmployeeId { get; }

    public static CannedBodies Get() => Captured.Value;

    private static async Task<CannedBodies> CaptureAsync()
    {
        await using var sandbox = await FactorialSandbox.StartAsync(new SandboxOptions());
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        http.DefaultRequestHeaders.Add("x-api-key", sandbox.IssueApiKey());
        const string Prefix = "api/2026-07-01/resources/";
        var page = await ReadAsync(await http.GetAsync(Prefix + "employees/employees?only_active=false&only_managers=false&limit=100"));
        var employee = await ReadAsync(await http.GetAsync(Prefix + "employees/employees/7"));
        var body = new StringContent("{\"employee_id\":\"7\",\"now\":\"2026-03-02T09:00:00Z\"}", Encoding.UTF8, "application/json");
        var shift = await ReadAsync(await http.PostAsync(Prefix + "attendance/shifts/clock_in", body));
        return new CannedBodies(employee, page, shift, "7");
    }

    private static async Task<byte[]> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The sandbox answered {(int)response.StatusCode} to {response.RequestMessage?.RequestUri}: {Encoding.UTF8.GetString(bytes)}");
            }

            return bytes;
        }
    }
}

/// <summary>
/// An in-memory transport: answers by path with a canned body, after consuming the request body as a socket handler
/// would (so lazily serialized content really gets serialized).
/// </summary>
internal sealed class CannedHandler(CannedBodies bodies) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var path = request.RequestUri!.AbsolutePath;
        var (status, body) = path.EndsWith("/clock_in", StringComparison.Ordinal) ? (HttpStatusCode.Created, bodies.Shift)
            : path.EndsWith("/employees", StringComparison.Ordinal) ? (HttpStatusCode.OK, bodies.Page)
            : (HttpStatusCode.OK, bodies.Employee);
        var answer = new ByteArrayContent(body);
        answer.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(status) { Content = answer, RequestMessage = request };
    }
}
