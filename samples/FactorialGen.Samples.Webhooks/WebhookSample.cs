using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.AspNetCore;
using FactorialGen.Samples.Webhooks.FactorialApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FactorialGen.Samples.Webhooks;

/// <summary>
/// A webhook receiver for every event type of the built-in document: <c>--urls http://127.0.0.1:PORT --challenge SECRET</c>.
/// Register each subscription with <c>target_url = http://127.0.0.1:PORT/factorial/webhooks/&lt;type&gt;</c> and the same
/// challenge. Prints one JSON line per handled event to standard output,
/// <c>{"type":"attendance/shift/clock_in","payload":"Shift","id":"42"}</c>, and nothing for refused deliveries (the
/// reasons are logged to standard error).
/// </summary>
public static class WebhookSample
{
    /// <summary>The route prefix: each event type is posted to <c>Prefix + "/" + type</c>.</summary>
    public const string Prefix = "/factorial/webhooks";

    /// <summary>Runs the receiver until the host shuts down (Ctrl+C) or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="args">Command-line arguments: <c>--urls</c> and <c>--challenge</c>.</param>
    /// <param name="output">Where the JSON lines go.</param>
    /// <param name="cancellationToken">Stops the receiver.</param>
    /// <returns>0, or 2 when the challenge is missing.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders()
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace) // standard output carries only the JSON lines
            .SetMinimumLevel(LogLevel.Warning);
        var challenge = builder.Configuration["challenge"];
        if (string.IsNullOrWhiteSpace(challenge))
        {
            await Console.Error.WriteLineAsync("Usage: FactorialGen.Samples.Webhooks --urls http://127.0.0.1:PORT --challenge SECRET");
            return 2;
        }

        builder.Services.AddFactorialWebhooks(o => o.Challenge = challenge);
        var app = builder.Build();
        app.MapFactorialWebhooks<Hr>(Prefix, hooks =>
        {
            hooks
                .On(FactorialWebhooks.AttendanceShiftClockIn, (Shift shift, CancellationToken _) => Print(output, FactorialWebhooks.AttendanceShiftClockIn, shift, shift.Id))
                .On(FactorialWebhooks.AttendanceShiftClockOut, (Shift shift, CancellationToken _) => Print(output, FactorialWebhooks.AttendanceShiftClockOut, shift, shift.Id))
                .On(FactorialWebhooks.EmployeesEmployeeCreateWithContract, (Employee employee, CancellationToken _) => Print(output, FactorialWebhooks.EmployeesEmployeeCreateWithContract, employee, employee.Id))
                .On(FactorialWebhooks.TimeoffLeaveCreate, (Leave leave, CancellationToken _) => Print(output, FactorialWebhooks.TimeoffLeaveCreate, leave, leave.Id));

            // Every event of the document has a handler: a new event in the document fails here instead of being missed.
            var missing = Hr.WebhookEvents.SubscriptionTypes.Except(hooks.SubscriptionTypes, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"No handler for {string.Join(", ", missing)}: add one per event type of the document.");
            }
        });

        await app.StartAsync(cancellationToken);
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }

        return 0;
    }

    private static Task Print(TextWriter output, string type, object payload, object? id)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("payload", payload.GetType().Name);
            json.WriteString("id", id is null ? null : Convert.ToString(id, CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }

        return Task.CompletedTask;
    }
}
