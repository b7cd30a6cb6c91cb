using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using FactorialGen.Sandbox;

namespace FactorialGen.Benchmarks;

/// <summary>
/// A sandbox in a child process (this program with <c>sandbox-server</c>), so the client's allocations and heap are
/// measured without the server's.
/// </summary>
internal sealed class SandboxProcess : IDisposable
{
    private readonly Process _process;

    private SandboxProcess(Process process, Uri baseAddress, string apiKey)
    {
        _process = process;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
    }

    public Uri BaseAddress { get; }

    public string ApiKey { get; }

    public static SandboxProcess Start(int employees, TimeSpan latency)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(SandboxProcess).Assembly.Location);
        }

        start.ArgumentList.Add("sandbox-server");
        start.ArgumentList.Add(employees.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(((int)latency.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("The sandbox process did not start.");
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                return new SandboxProcess(process, new Uri(parts[1]), parts[2]);
            }
        }

        throw new InvalidOperationException("The sandbox process ended before it was ready.");
    }

    /// <summary>The child side: start the sandbox, print its address and an API key, run until stdin closes.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var options = new SandboxOptions
        {
            EmployeeCount = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture),
            Latency = TimeSpan.FromMilliseconds(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)),
        };
        await using var sandbox = await FactorialSandbox.StartAsync(options);
        Console.WriteLine($"READY {sandbox.BaseAddress} {sandbox.IssueApiKey()}");
        Console.Out.Flush();
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
