using System;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen;
using FactorialGen.Quickstart;
using FactorialGen.Sandbox;

QuickstartSettings settings;
try
{
    settings = QuickstartSettings.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

FactorialSandbox? sandbox = null;
try
{
    if (settings.UsesSandbox)
    {
        sandbox = await FactorialSandbox.StartAsync(cancellationToken: cancel.Token);
        Console.WriteLine($"Started the local Factorial sandbox at {sandbox.BaseAddress} (pass --base-url to use the real API).");
    }

    await new SeedFlow(settings, sandbox).RunAsync(cancel.Token);
    return 0;
}
catch (FactorialException ex)
{
    Console.Error.WriteLine($"{ex.GetType().Name}: {ex.Message}");
    return 1;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
finally
{
    if (sandbox is not null)
    {
        await sandbox.DisposeAsync();
    }
}
