using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace FactorialGen.Samples.Replicas;

/// <summary>A redis-server on a free loopback port, for when <c>--redis</c> is not given; stopped at the end.</summary>
internal static class LocalRedis
{
    public static async Task<(ChildProcess Process, string Configuration)> StartAsync()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not on PATH: install it (Debian: apt-get install -y redis-server) or pass --redis host:port.");
        var port = FreeLoopbackPort();
        var process = ChildProcess.Start("redis-server", executable, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no");
        await Task.CompletedTask; // the orchestrator's first write retries until the server is up
        return (process, $"127.0.0.1:{port},abortConnect=false");
    }

    public static int FreeLoopbackPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
