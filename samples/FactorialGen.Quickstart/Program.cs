using System;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen;
using FactorialGen.Quickstart;

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

IAsyncDisposable? embedded = null;
try
{
    var target = settings.BaseUrl is { } real
        ? Target.RealApi(real)
        : settings.SandboxUrl is { } running
            ? Target.Sandbox(running)
            : Target.Sandbox(await StartEmbeddedSandboxAsync(cancel.Token));
    await new SeedFlow(settings, target).RunAsync(cancel.Token);
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
    if (embedded is not null)
    {
        await embedded.DisposeAsync();
    }
}

async Task<Uri> StartEmbeddedSandboxAsync(CancellationToken cancellationToken)
{
#if EMBEDDED_SANDBOX
    var sandbox = await FactorialGen.Sandbox.FactorialSandbox.StartAsync(cancellationToken: cancellationToken);
    embedded = sandbox;
    Console.WriteLine($"Started the local Factorial sandbox at {sandbox.BaseAddress} (pass --base-url to use the real API).");
    return sandbox.BaseAddress;
#else
    await Task.CompletedTask;
    throw new ArgumentException("This build has no embedded sandbox (Native AOT): start one with 'dotnet run --project src/Sandbox' and pass --sandbox-url http://127.0.0.1:5080, or pass --base-url for the real API.");
#endif
}
