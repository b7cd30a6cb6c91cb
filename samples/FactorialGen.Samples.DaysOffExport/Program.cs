using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using FactorialGen;
using FactorialGen.Sandbox;
using FactorialGen.Samples.DaysOffExport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Exports the employees' days off of a month as CSV, with a client registered through AddFactorialClient.
// Configure Factorial:* (appsettings.json, FACTORIAL__APIKEY-style environment variables, or --Factorial:ApiKey=...);
// with no Factorial:BaseAddress it exports from a local sandbox it starts itself.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
await using var sandbox = string.IsNullOrWhiteSpace(builder.Configuration["Factorial:BaseAddress"]) ? await FactorialSandbox.StartAsync() : null;
if (sandbox is not null)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Factorial:BaseAddress"] = sandbox.BaseAddress.AbsoluteUri,
        ["Factorial:ApiKey"] = sandbox.IssueApiKey(),
    });
}

builder.Services.AddFactorialClient<HrReports>();
builder.Services.AddTransient<DaysOffExporter>();
using var host = builder.Build();
await host.StartAsync(); // validates the Factorial settings

var month = DateOnly.ParseExact(builder.Configuration["Export:Month"] ?? "2026-04", "yyyy-MM", CultureInfo.InvariantCulture);
var path = Path.GetFullPath(builder.Configuration["Export:Output"] ?? "days-off.csv");
await using (var output = new StreamWriter(path))
{
    var progress = new Progress<FactorialPagingProgress>(p => Console.Error.WriteLine($"Read {p.Items} of {p.Total?.ToString(CultureInfo.InvariantCulture) ?? "?"} employees."));
    var rows = await host.Services.GetRequiredService<DaysOffExporter>().ExportAsync(month, output, progress, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
    Console.WriteLine($"Wrote {rows} days off of {month:yyyy-MM} to {path}{(sandbox is null ? string.Empty : $" (from the local sandbox at {sandbox.BaseAddress})")}.");
}

await host.StopAsync();
