using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace FactorialGen.Samples.Replicas;

/// <summary>A process this sample started (the sandbox, a replica, redis-server), talking over stdin/stdout.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>Starts <paramref name="executable"/>; a <c>.dll</c> runs on the dotnet host that runs this sample.</summary>
    public static ChildProcess Start(string name, string executable, params string[] args)
    {
        var start = new ProcessStartInfo(executable.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? DotnetHost() : executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (executable.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(executable);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}."), name);
    }

    /// <summary>Starts this program again, as a replica.</summary>
    public static ChildProcess StartSelf(string name, params string[] args) =>
        Start(name, typeof(ChildProcess).Assembly.Location, args);

    /// <summary>The next line the process writes; fails with its error output when it ends or stays silent too long.</summary>
    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} wrote nothing for {timeout.TotalSeconds} s. Its error output:\n{Errors()}");
        }

        return line ?? throw new InvalidOperationException($"{Name} ended without answering. Its error output:\n{Errors()}");
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/>.</summary>
    public async Task<string> ReadUntilAsync(string prefix, TimeSpan timeout)
    {
        for (var i = 0; i < 10_000; i++)
        {
            var line = await ReadLineAsync(timeout);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }

            if (line.StartsWith("error", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{Name}: {line}");
            }
        }

        throw new InvalidOperationException($"{Name} never wrote a line starting with '{prefix}'.");
    }

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Closes stdin (a replica ends then) and waits up to <paramref name="timeout"/>, then kills it.</summary>
    public async Task EndAsync(TimeSpan timeout)
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            // it would not end: DisposeAsync kills it
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString();
        }
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return "dotnet";
    }
}
