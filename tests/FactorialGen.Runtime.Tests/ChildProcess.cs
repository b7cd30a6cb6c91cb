using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>This test assembly started again as a separate process (<see cref="ChildProgram"/>), talking over stdin/stdout.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60); // only ever reached if the child hangs
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public static ChildProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildProgram).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process."));
    }

    /// <summary>The next line the child writes; fails the test (with the child's stderr) if it ends or hangs instead.</summary>
    public async Task<string> ReadLineAsync()
    {
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(Guard);
        if (line is null)
        {
            await _process.WaitForExitAsync().WaitAsync(Guard);
            lock (_errors)
            {
                throw new InvalidOperationException($"The child process ended (exit code {_process.ExitCode}) without the expected line. Its error output:\n{_errors}");
            }
        }

        return line;
    }

    /// <summary>Reads lines until one satisfies <paramref name="match"/>, and returns it.</summary>
    public async Task<string> ReadUntilAsync(Func<string, bool> match)
    {
        for (var i = 0; i < 10_000_000; i++)
        {
            var line = await ReadLineAsync();
            if (match(line))
            {
                return line;
            }
        }

        throw new InvalidOperationException("The child process never wrote the expected line.");
    }

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Kills the child at once (SIGKILL on Unix, TerminateProcess on Windows) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(Guard);
    }

    public async Task<int> WaitForExitAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(Guard);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await KillAsync();
            }
        }
        finally
        {
            _process.Dispose();
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
