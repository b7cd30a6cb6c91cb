using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// A real <c>redis-server</c> for one test: on a free loopback port, with a password, no persistence (so a restart
/// comes back empty, the hardest case), stopped when disposed. Installs the Debian package <c>redis-server</c> once
/// when it is not on PATH (CI runs as root; <c>.ci/run</c> installs it first anyway).
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // only ever reached if redis-server hangs
    private static readonly SemaphoreSlim Installing = new(1, 1);
    private static string? s_executable;
    private Process? _process;

    private RedisServer(int port)
    {
        Port = port;
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    }

    public int Port { get; }

    /// <summary>The server's password: a secret that must never show in an exception or a log line.</summary>
    public string Password { get; }

    /// <summary>What a user would write: reconnects by itself; short time-outs so an outage is reported quickly.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},password={Password},abortConnect=false,connectTimeout=2000,asyncTimeout=2000,syncTimeout=2000";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(TestSandbox.FreeLoopbackPort());
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts redis-server (again) on the same port; it comes back empty.</summary>
    public async Task RestartAsync()
    {
        var executable = await ExecutableAsync();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--requirepass", Password, "--dir", Path.GetTempPath() })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var ready = Task.Run(async () =>
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        });
        if (!await ready.WaitAsync(Guard))
        {
            throw new InvalidOperationException($"redis-server did not start on port {Port} (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");
        }

        _ = Task.Run(async () =>
        {
            while (await _process.StandardOutput.ReadLineAsync() is not null)
            {
                // drain
            }
        });
    }

    /// <summary>Kills redis-server (SIGKILL) and waits until its port is closed.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(Guard);
            process.Dispose();
            _process = null;
        }

        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
            }
            catch (SocketException)
            {
                return;
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task<string> ExecutableAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (s_executable is not null)
            {
                return s_executable;
            }

            s_executable = Find();
            if (s_executable is null)
            {
                // Not installed: install the Debian package once (needs root and the package registry).
                await RunAsync("apt-get", "update");
                await RunAsync("apt-get", "install", "-y", "redis-server");
                s_executable = Find() ?? throw new InvalidOperationException(
                    "redis-server is not installed and could not be installed: run 'apt-get update && apt-get install -y redis-server' (as root), as .ci/run does.");
            }

            return s_executable;
        }
        finally
        {
            Installing.Release();
        }
    }

    private static string? Find()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : null;
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
            await Task.WhenAll(output, errors);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // apt-get missing or not allowed: the caller reports redis-server as missing with what to do.
        }
    }
}
